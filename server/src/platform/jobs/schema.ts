import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const JOB_STATUSES = ["queued", "running", "done", "dead"] as const;

/**
 * Durable background jobs. A worker claims a job with a lease (FOR UPDATE SKIP LOCKED, so several
 * workers never claim the same one); the job's work and its completion commit in one transaction that
 * checks the lease is still the worker's, so a job's effects happen exactly once. A worker that dies
 * leaves its lease to expire, and another worker takes the job over.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    /** A job with a key is queued at most once, ever: a schedule names its period, an event its id. */
    dedupeKey: text("dedupe_key"),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_ready_idx").on(t.queue, t.runAt).where(sql`${t.status} = 'queued'`),
    index("jobs_running_idx").on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    uniqueIndex("jobs_dedupe_uq").on(t.dedupeKey),
    check("jobs_status_ck", sql`${t.status} in ('queued', 'running', 'done', 'dead')`),
  ],
);
