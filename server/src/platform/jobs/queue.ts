import { sql } from "drizzle-orm";
import { type Db, execRows } from "../db/database";
import { jobs } from "./schema";

export interface EnqueueOptions {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Queues a job; with a dedupe key, a second request for the same key is a no-op. Returns the id or null. */
export async function enqueue(
  db: Db,
  queue: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<number | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      queue,
      payload: payload ?? {},
      runAt: options.runAt ?? new Date(),
      dedupeKey: options.dedupeKey ?? null,
      maxAttempts: options.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

export interface ClaimedJob {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Takes the next ready job of these queues for this worker: a queued one that is due, or a running one
 * whose worker's lease ran out (that worker died). SKIP LOCKED lets concurrent workers pass each other.
 */
export async function claim(
  db: Db,
  queues: readonly string[],
  worker: string,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  const [row] = await execRows<{
    id: number;
    queue: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>(
    db,
    sql`UPDATE jobs SET status = 'running', locked_by = ${worker},
               locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
         WHERE id = (
           SELECT id FROM jobs
            WHERE queue = ANY(${sql.param([...queues])}::text[])
              AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
            ORDER BY run_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING id, queue, payload, attempts, max_attempts`,
  );
  return row
    ? {
        id: Number(row.id),
        queue: row.queue,
        payload: row.payload,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
      }
    : null;
}

/**
 * Marks the job done inside the transaction that did its work, if this worker still holds it. False
 * means the lease was lost (another worker took the job over): the caller must roll back.
 */
export async function complete(tx: Db, jobId: number, worker: string, result: unknown): Promise<boolean> {
  const rows = await execRows<{ id: number }>(
    tx,
    sql`UPDATE jobs SET status = 'done', finished_at = now(), result = ${JSON.stringify(result ?? null)}::jsonb,
               locked_by = NULL, locked_until = NULL
         WHERE id = ${jobId} AND locked_by = ${worker} AND status = 'running'
        RETURNING id`,
  );
  return rows.length === 1;
}

/** Gives a failed job back to the queue with a backoff, or buries it after its last attempt. */
export async function fail(db: Db, job: ClaimedJob, worker: string, error: string): Promise<void> {
  const backoffS = Math.min(3600, 5 * 2 ** (job.attempts - 1));
  await db.execute(
    sql`UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
               run_at = now() + make_interval(secs => ${backoffS}), last_error = ${error.slice(0, 2000)},
               locked_by = NULL, locked_until = NULL,
               finished_at = CASE WHEN attempts >= max_attempts THEN now() ELSE NULL END
         WHERE id = ${job.id} AND locked_by = ${worker}`,
  );
}

/** Keeps a long job's lease alive. */
export async function extendLease(db: Db, jobId: number, worker: string, leaseMs: number): Promise<boolean> {
  const rows = await execRows<{ id: number }>(
    db,
    sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseMs / 1000})
         WHERE id = ${jobId} AND locked_by = ${worker} AND status = 'running' RETURNING id`,
  );
  return rows.length === 1;
}
