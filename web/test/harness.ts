/// <reference types="node" />
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../server/src/app";
import { startBackground } from "../../server/src/background";
import { seedStaff } from "../../server/src/modules/demo/seedStaff";
import { type OutgoingMessage, outboxProvider } from "../../server/src/modules/messaging/providers";
import type { Database } from "../../server/src/platform/db/database";
import { dealerDay } from "../../server/src/platform/time/dealerCalendar";
import { testAppContext } from "../../server/test/testContext";
import { createTestDatabase } from "../../server/test/testDatabase";

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT_DIR = resolve(WEB_DIR, "..");
export const WEB_DIST = join(WEB_DIR, "dist");
export const DEMO_PASSWORD = "orbit-demo";

/** Newest modification time under the given paths (files or folders), in ms. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

function distMtime(): number {
  try {
    return statSync(join(WEB_DIST, "index.html")).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds web/dist when it is missing or older than its sources, so tests never run a stale app. */
export async function ensureWebBuilt(): Promise<void> {
  const sources = newestMtime(
    ["src", "public", "index.html", "portal.html", "vite.config.ts", "postcss.config.js", "package.json"]
      .map((p) => join(WEB_DIR, p))
      .concat(join(ROOT_DIR, "contracts", "src")),
  );
  if (distMtime() >= sources) return;
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT_DIR, "node_modules", "vite", "bin", "vite.js"), "build"],
      {
        cwd: WEB_DIR,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output.join("")}`);
}

export interface OrbitServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Reads the server's database directly: what a test needs to find (a client with a model offer). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A real Orbit server on a random port: fresh in-memory database, demo staff, the built web app, and
 * the background worker (periodic tasks, schedules, durable jobs), as `orbit start` runs them. The demo
 * group, when asked for, is generated as of today (work lists are today's), or of `asOf`.
 */
export async function startOrbit(
  options: {
    demoClients?: number;
    asOf?: string;
    /** Runs on the database before the server starts (e.g. a quick model training). */
    prepare?: (database: Database) => Promise<void>;
    /** Without the background worker: queued jobs stay queued (default: with it). */
    background?: boolean;
    /** Keeps the portal's sign-in SMS here instead of the log (the test reads the code). */
    smsOutbox?: OutgoingMessage[];
  } = {},
): Promise<OrbitServer> {
  await ensureWebBuilt();
  const { database, drop } = await createTestDatabase();
  try {
    // Screenshots want a populated group; tests want only the staff, and are faster for it.
    if (options.demoClients) {
      const { generateDemoGroup } = await import("../../server/src/modules/demo/generate");
      const pino = (await import("pino")).default;
      await generateDemoGroup(database, {
        clients: options.demoClients,
        seed: 1,
        asOf: options.asOf ?? dealerDay(),
        log: pino({ level: "silent" }),
      });
    } else {
      await seedStaff(database.db, []);
    }
    await options.prepare?.(database);
    const ctx = {
      ...testAppContext(database),
      ...(options.smsOutbox ? { portalSms: outboxProvider("sms", options.smsOutbox) } : {}),
    };
    const app = await buildApp(ctx, { webDist: WEB_DIST, logger: false });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const worker = options.background === false ? null : startBackground(ctx, app.log);
    return {
      url,
      query: (text, params) => database.query(text, params),
      async close() {
        await worker?.stop();
        await app.close();
        await drop();
      },
    };
  } catch (err) {
    await drop();
    throw err;
  }
}
