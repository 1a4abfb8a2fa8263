// A worker process for the job tests: runs the "effect" queue on DATABASE_URL until killed.

import { sql } from "drizzle-orm";
import pino from "pino";
import { openDatabase } from "../src/platform/db/database";
import { startJobRunner } from "../src/platform/jobs/runner";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
startJobRunner(database, pino({ level: "silent" }), {
  worker: "doomed-worker",
  leaseMs: Number(process.env.LEASE_MS ?? 1500),
  pollMs: 50,
  concurrency: 1,
  handlers: {
    effect: async (tx, payload) => {
      const { n, slow } = payload as { n: number; slow?: boolean };
      await tx.execute(sql`INSERT INTO job_effects (n, worker) VALUES (${n}, 'doomed-worker')`);
      // Tell the test the work is under way, then hang until killed.
      if (slow) {
        process.stdout.write("working\n");
        await new Promise(() => {});
      }
      return { n };
    },
  },
});
