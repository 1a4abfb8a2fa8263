// Orbit in real child processes (`orbit serve`, `orbit worker`), as an operator runs it: for load
// benchmarks, scale-out and crash tests that kill a process with SIGKILL and start it again.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "../src/cli.ts");

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface OrbitProcess {
  readonly role: "serve" | "worker";
  /** http://127.0.0.1:PORT for `serve`; the port stays the same across restarts. */
  readonly url: string;
  pid(): number | undefined;
  /** SIGKILL: no shutdown hook runs, open transactions are cut mid-way. */
  kill(): Promise<void>;
  /** Starts the same role again (same port) and waits until it is up. */
  restart(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not up in ${ms / 1000} s`);
}

/**
 * Starts `orbit <role>` on the database and waits until it serves (`serve`: /api/health answers 200;
 * `worker`: it logged that it started).
 */
export async function startOrbit(
  role: "serve" | "worker",
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<OrbitProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;

  const launch = async () => {
    let started = false;
    const c = spawn(process.execPath, ["--import", "tsx", cli, role], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        ORBIT_DEMO_CLIENTS: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = c;
    const errors: string[] = [];
    c.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("worker started")) started = true;
    });
    c.stderr?.on("data", (chunk: Buffer) => {
      errors.push(chunk.toString());
      if (errors.length > 20) errors.shift();
    });
    await until(
      async () => {
        if (exited()) throw new Error(`orbit ${role} exited: ${errors.join("").slice(-2000)}`);
        if (role === "worker") return started;
        return fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      120_000,
      `orbit ${role}`,
    );
  };

  const waitExit = () =>
    new Promise<void>((resolve) => {
      if (exited()) return resolve();
      child!.once("exit", () => resolve());
    });

  await launch();
  return {
    role,
    url,
    pid: () => child?.pid,
    async kill() {
      if (exited()) return;
      child!.kill("SIGKILL");
      await waitExit();
    },
    restart: launch,
    async stop() {
      if (exited()) return;
      child!.kill("SIGTERM");
      await waitExit();
    },
  };
}
