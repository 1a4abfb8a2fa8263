import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/testDatabase";
import type { Database } from "../db/database";
import { enqueue } from "./queue";
import { type JobHandler, startJobRunner } from "./runner";

let database: Database;
let drop: () => Promise<void>;
let url: string | null = null;
beforeAll(async () => {
  ({ database, drop, url } = await createTestDatabase());
  await database.query("CREATE TABLE job_effects (n int NOT NULL, worker text NOT NULL)");
});
afterAll(() => drop());

const log = pino({ level: "silent" });
const effect =
  (worker: string): JobHandler =>
  async (tx, payload, job) => {
    const { n, failOnce } = payload as { n: number; failOnce?: boolean };
    await tx.execute(sql`INSERT INTO job_effects (n, worker) VALUES (${n}, ${worker})`);
    // A failure after the write: the write must be rolled back with it.
    if (failOnce && job.attempts === 1) throw new Error("first attempt fails");
    return { n };
  };

async function waitFor(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
}

const counts = async () => {
  const [row] = await database.query<{ effects: number; distinct_n: number; done: number; waiting: number }>(
    `SELECT (SELECT count(*)::int FROM job_effects WHERE n > 0) AS effects,
            (SELECT count(DISTINCT n)::int FROM job_effects WHERE n > 0) AS distinct_n,
            (SELECT count(*)::int FROM jobs WHERE status = 'done') AS done,
            (SELECT count(*)::int FROM jobs WHERE status IN ('queued', 'running')) AS waiting`,
  );
  return row!;
};

describe("durable jobs", () => {
  it("runs every job exactly once with several runners competing", async () => {
    for (let n = 1; n <= 120; n++) await enqueue(database.db, "effect", { n, failOnce: n % 10 === 0 });
    const runners = ["a", "b", "c"].map((w) =>
      startJobRunner(database, log, {
        worker: w,
        pollMs: 20,
        concurrency: 2,
        handlers: { effect: effect(w) },
      }),
    );
    // Jobs that fail once come back after a short backoff; give them a moment.
    await database.query("UPDATE jobs SET run_at = now() WHERE status = 'queued'");
    await waitFor(async () => (await counts()).done === 120, 30_000);
    for (const r of runners) await r.stop();
    const c = await counts();
    expect(c).toMatchObject({ effects: 120, distinct_n: 120, done: 120, waiting: 0 });
  }, 60_000);

  it("queues a job with a dedupe key once", async () => {
    const first = await enqueue(database.db, "schedule", {}, { dedupeKey: "evaluate:2026-11-26" });
    const second = await enqueue(database.db, "schedule", {}, { dedupeKey: "evaluate:2026-11-26" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });

  it("finishes the job of a worker process killed in the middle of it, once", async () => {
    if (database.kind !== "postgres") return; // PGlite serves one process; the PostgreSQL run covers this
    const dbUrl = url;
    if (!dbUrl) throw new Error("test database url unknown");
    await database.query("DELETE FROM job_effects");
    const id = await enqueue(database.db, "effect", { n: 1000, slow: true });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", resolve(__dirname, "../../../test/jobWorkerProcess.ts")],
      {
        env: { ...process.env, DATABASE_URL: dbUrl, LEASE_MS: "1500" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((ok) =>
      child.stdout.on("data", (d: Buffer) => String(d).includes("working") && ok()),
    );
    child.kill("SIGKILL");
    // The dead worker's transaction died with its connection; after the lease, another worker takes over.
    const survivor = startJobRunner(database, log, {
      worker: "survivor",
      pollMs: 50,
      handlers: { effect: effect("survivor") },
    });
    await waitFor(
      async () =>
        (await database.query<{ status: string }>(`SELECT status FROM jobs WHERE id = ${id}`))[0]?.status ===
        "done",
    );
    await survivor.stop();
    const effects = await database.query<{ worker: string }>("SELECT worker FROM job_effects WHERE n = 1000");
    expect(effects).toEqual([{ worker: "survivor" }]);
  }, 60_000);
});
