import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";

/** The processes mined, by the action log's entity type: the steps that belong to each. */
const PROCESS_STEPS = { work_order: "service.%", deal: "deal.%" } as const;

const WATERMARK = "process_facts";
/**
 * Log ids are drawn when a row is written but become visible when its transaction commits, so a run
 * may pass over an id whose transaction is still open. Each run looks again at this many ids below
 * its watermark for steps it has not taken in yet: a transaction open while that many rows were
 * logged after it would be missed until its case's next step.
 */
const RECHECK_IDS = 20_000;

/** An action_log row (alias `a`) that is a step of a mined process, about a case with a numeric id. */
const IS_STEP = sql`((a.entity_type = 'work_order' AND a.process_step LIKE ${PROCESS_STEPS.work_order})
                  OR (a.entity_type = 'deal' AND a.process_step LIKE ${PROCESS_STEPS.deal}))
                 AND a.entity_id ~ '^[0-9]{1,18}$'`;

export interface ProcessFactsRun {
  /** True when the facts were built from the whole log (the first run). */
  full: boolean;
  /** Cases whose facts were written. */
  cases: number;
  /** The last log id now taken in. */
  logId: number;
}

/**
 * Brings process mining's facts (process_events, process_cases) up to date with the action log: the
 * cases with steps logged since the last run are recomputed whole from the log (a new step changes
 * the previous step's end and the case's path) and their facts replaced, in one transaction that also
 * advances the watermark. The watermark row is locked first, so two workers running it at once take
 * turns and the second finds the work done. The first run reads the whole log set-based.
 */
export async function refreshProcessFacts(db: Db): Promise<ProcessFactsRun> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO analytics_watermarks (name) VALUES (${WATERMARK}) ON CONFLICT (name) DO NOTHING`,
    );
    const [mark] = await execRows<{ log_id: number | string }>(
      tx,
      sql`SELECT log_id FROM analytics_watermarks WHERE name = ${WATERMARK} FOR UPDATE`,
    );
    const watermark = Number(mark?.log_id ?? 0);
    const [top] = await execRows<{ id: number | string | null }>(
      tx,
      sql`SELECT max(id) AS id FROM action_log`,
    );
    const last = Math.max(watermark, Number(top?.id ?? 0));
    const full = watermark === 0;
    let cases: number;
    if (full) {
      // Millions of steps are sorted once for the whole log: the sort should stay in memory.
      await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
      await tx.execute(sql`DELETE FROM process_events`);
      await tx.execute(sql`DELETE FROM process_cases`);
      await writeEvents(
        tx,
        sql`SELECT a.id, a.entity_type, a.entity_id::bigint AS case_id, a.process_step AS step, a.at,
                   a.actor_user_id, a.dealership_id
              FROM action_log a WHERE a.id <= ${last} AND ${IS_STEP}`,
      );
      cases = await writeCases(tx, sql``);
      await tx.execute(sql`ANALYZE process_events, process_cases`);
    } else {
      cases = await refreshTouched(tx, watermark, last);
    }
    await tx.execute(
      sql`UPDATE analytics_watermarks SET log_id = ${last}, refreshed_at = now() WHERE name = ${WATERMARK}`,
    );
    return { full, cases, logId: last };
  });
}

/** Recomputes the cases with steps logged after the watermark (or passed over below it). */
async function refreshTouched(tx: Db, watermark: number, last: number): Promise<number> {
  await tx.execute(sql`CREATE TEMP TABLE IF NOT EXISTS process_touched
                         (entity_type text, entity_id text, case_id bigint) ON COMMIT DROP`);
  // Two halves, not one OR: with an OR the planner hashes every fact's id to test the few rechecked.
  await tx.execute(sql`INSERT INTO process_touched
    SELECT a.entity_type, a.entity_id, a.entity_id::bigint
      FROM action_log a
     WHERE a.id > ${watermark} AND a.id <= ${last} AND ${IS_STEP}
    UNION
    SELECT a.entity_type, a.entity_id, a.entity_id::bigint
      FROM action_log a
     WHERE a.id > ${Math.max(0, watermark - RECHECK_IDS)} AND a.id <= ${watermark} AND ${IS_STEP}
       AND NOT EXISTS (SELECT 1 FROM process_events e WHERE e.id = a.id)`);
  await tx.execute(sql`ANALYZE process_touched`);
  const mine = sql`USING process_touched t WHERE t.entity_type = x.entity_type AND t.case_id = x.case_id`;
  await tx.execute(sql`DELETE FROM process_events x ${mine}`);
  await tx.execute(sql`DELETE FROM process_cases x ${mine}`);
  // The touched cases' whole logs, read through action_log_entity_idx.
  await writeEvents(
    tx,
    sql`SELECT a.id, a.entity_type, t.case_id, a.process_step AS step, a.at, a.actor_user_id, a.dealership_id
          FROM process_touched t
          JOIN action_log a ON a.entity_type = t.entity_type AND a.entity_id = t.entity_id
         WHERE a.id <= ${last} AND ${IS_STEP}`,
  );
  return writeCases(
    tx,
    sql`WHERE (x.entity_type, x.case_id) IN (SELECT entity_type, case_id FROM process_touched)`,
  );
}

/** Whole minutes between two moments, rounded (date_part's float, not extract's slower numeric). */
const minutesBetween = (from: SQL, to: SQL) => sql`round(date_part('epoch', ${to} - ${from}) / 60)::int`;

/** The steps `events` reads from the log, each with the moment of its case's next step. */
async function writeEvents(tx: Db, events: SQL): Promise<void> {
  await tx.execute(sql`INSERT INTO process_events (id, entity_type, case_id, step, at, next_at, minutes, actor_user_id, dealership_id)
    SELECT id, entity_type, case_id, step, at, next_at, ${minutesBetween(sql`at`, sql`next_at`)}, actor_user_id, dealership_id
      FROM (SELECT ev.*, lead(ev.at) OVER (PARTITION BY ev.entity_type, ev.case_id ORDER BY ev.at, ev.id) AS next_at
              FROM (${events}) ev) e`);
}

/** Each case's path and span from its events (all cases, or those `where` picks); returns how many. */
async function writeCases(tx: Db, where: SQL): Promise<number> {
  const [row] = await execRows<{ n: number }>(
    tx,
    sql`WITH written AS (
          INSERT INTO process_cases (entity_type, case_id, first_at, last_at, events, minutes, path, dealership_id)
          SELECT x.entity_type, x.case_id, min(x.at), max(x.at), count(*)::int, ${minutesBetween(sql`min(x.at)`, sql`max(x.at)`)},
                 array_agg(x.step ORDER BY x.at, x.id), (array_agg(x.dealership_id ORDER BY x.at, x.id))[1]
            FROM process_events x ${where}
           GROUP BY x.entity_type, x.case_id
          RETURNING 1)
        SELECT count(*)::int AS n FROM written`,
  );
  return row?.n ?? 0;
}

/** When the facts were last brought up to date; null before the first run. */
export async function processFactsAsOf(db: Db): Promise<string | null> {
  const [row] = await execRows<{ at: string | Date | null }>(
    db,
    sql`SELECT refreshed_at AS at FROM analytics_watermarks WHERE name = ${WATERMARK}`,
  );
  if (!row?.at) return null;
  return row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
}
