import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Database, Db } from "../db/database";
import { type ClaimedJob, claim, complete, extendLease, fail } from "./queue";

/** Does a job's work inside the transaction that will mark it done; returns what to record as its result. */
export type JobHandler =
  | ((tx: Db, payload: unknown, job: ClaimedJob) => Promise<unknown>)
  | {
      /**
       * Long work that writes nothing others may see (reading, computing, rows no reader looks at yet),
       * done before the transaction opens: PGlite's one connection stays free for requests meanwhile.
       * It may run again if the job is retried.
       */
      prepare: (payload: unknown, job: ClaimedJob) => Promise<unknown>;
      /** The job's effects, in the transaction that marks it done. */
      run: (tx: Db, payload: unknown, job: ClaimedJob, prepared: unknown) => Promise<unknown>;
    };

export interface JobRunnerOptions {
  handlers: Record<string, JobHandler>;
  /** Jobs run at once by this process. */
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  worker?: string;
}

class LeaseLost extends Error {}

export interface JobRunner {
  readonly worker: string;
  stop(): Promise<void>;
}

/**
 * Claims and runs jobs until stopped. A job's writes and its "done" commit together and only while this
 * worker holds the lease; a failure rolls the writes back and requeues the job with a backoff.
 */
export function startJobRunner(
  database: Database,
  log: FastifyBaseLogger,
  options: JobRunnerOptions,
): JobRunner {
  const worker = options.worker ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const queues = Object.keys(options.handlers);
  let stopping = false;
  let wake: (() => void) | null = null;

  const runOne = async (job: ClaimedJob) => {
    const handler = options.handlers[job.queue];
    if (!handler) return;
    // Renew the lease while the work goes on, so a long job is not taken over from a live worker.
    const renew = setInterval(() => {
      extendLease(database.db, job.id, worker, leaseMs).catch(() => {});
    }, leaseMs / 3);
    try {
      const prepared = typeof handler === "function" ? undefined : await handler.prepare(job.payload, job);
      await database.db.transaction(async (tx) => {
        const result =
          typeof handler === "function"
            ? await handler(tx, job.payload, job)
            : await handler.run(tx, job.payload, job, prepared);
        if (!(await complete(tx, job.id, worker, result))) throw new LeaseLost();
      });
    } catch (err) {
      if (err instanceof LeaseLost) {
        log.warn({ job: job.id, queue: job.queue }, "job lease lost; its work was rolled back");
      } else {
        log.error({ err, job: job.id, queue: job.queue }, "job failed");
        await fail(database.db, job, worker, err instanceof Error ? err.message : String(err)).catch(
          () => {},
        );
      }
    } finally {
      clearInterval(renew);
    }
  };

  const loop = async () => {
    while (!stopping) {
      let job: ClaimedJob | null = null;
      try {
        job = await claim(database.db, queues, worker, leaseMs);
      } catch (err) {
        log.error({ err }, "claiming a job failed; retrying");
      }
      if (job) {
        await runOne(job);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  };
  const loops = Array.from({ length: options.concurrency ?? 2 }, () => loop());
  return {
    worker,
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await Promise.all(loops);
    },
  };
}
