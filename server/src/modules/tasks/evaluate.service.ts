import { eq, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { addDays, dealerMoment } from "../../platform/time/dealerCalendar";
import { SCENARIO_PURPOSE, type Scenario, scenarioNeedsQuery } from "../scenarios/needs";
import { scenarios } from "../scenarios/schema";
import { settleLifecycle } from "./lifecycle.service";
import { contactPolicy, contactStandards } from "./schema";
import { NEED_COLUMNS, needsQuery, STANDARD_PURPOSE, type Standard } from "./standards";

export interface EvaluationOptions {
  /** The day evaluated (YYYY-MM-DD), and the moment for scenarios. */
  today: string;
  now: Date;
  /** Only this standard or scenario (the preview of one); all active ones otherwise. */
  only?: { standardId?: number; scenarioId?: number; params?: unknown };
  /** Count what would be made, write nothing. */
  dryRun?: boolean;
  /** Only the scenarios (the frequent run between the daily runs of everything). */
  scenariosOnly?: boolean;
  /** Only record the standards' lifecycle points of the day, no tasks (rebuilding the history). */
  lifecycleOnly?: boolean;
}

export interface EvaluationResult {
  needs: number;
  /** Needs the contact policy held back, by reason. */
  held: { alreadyContacted: number; blocked: number; noConsent: number; weeklyCap: number };
  created: number;
  bySource: { source: string; sourceId: number; needs: number; created: number }[];
  lifecycle: { points: number; converted: number; missed: number; taken: number };
  expired: number;
  ms: number;
}

const NOTHING: EvaluationResult = {
  needs: 0,
  held: { alreadyContacted: 0, blocked: 0, noConsent: 0, weeklyCap: 0 },
  created: 0,
  bySource: [],
  lifecycle: { points: 0, converted: 0, missed: 0, taken: 0 },
  expired: 0,
  ms: 0,
};

/**
 * Finds today's needs of every active contact standard and scenario for all clients at once, records the
 * lifecycle points, holds back what the contact policy forbids, routes the rest (the personal manager,
 * else the relationship's owner, else the dealership's queue) and makes the tasks. Runs in the caller's
 * transaction; with dryRun it only counts.
 */
export async function evaluateWorklists(db: Db, o: EvaluationOptions): Promise<EvaluationResult> {
  const started = performance.now();
  // One evaluation writes at a time (the daily run and a scenario run on two workers would each count
  // the other's tasks short against the weekly cap); a dry run only reads and does not wait.
  if (!o.dryRun) await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('orbit.worklists.evaluate'))`);
  await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS needs (
      party_id int, vehicle_id int, dealership_id int, owner_user_id int, need_key text, reason_code text,
      reason_params jsonb, due_on date, window_end date, lifecycle_kind text, window_start date,
      source text, source_id int, queue text, priority int, sla_hours int, purpose text) ON COMMIT DROP`);
  await db.execute(sql`TRUNCATE needs`);

  const standardRows = await db.select().from(contactStandards).where(eq(contactStandards.active, true));
  const scenarioRows = await db.select().from(scenarios);
  const chosenStandards = standardRows
    .filter((s) => (o.only ? o.only.standardId === s.id : !o.scenariosOnly))
    .map((s) => (o.only?.params && o.only.standardId === s.id ? { ...s, params: o.only.params } : s));
  const chosenScenarios = scenarioRows
    .filter((s) => (o.only ? o.only.scenarioId === s.id : s.active && !o.lifecycleOnly))
    .map((s) => (o.only?.params && o.only.scenarioId === s.id ? { ...s, params: o.only.params } : s));

  const fill = (
    query: ReturnType<typeof sql>,
    source: string,
    row: { id: number; queue: string; priority: number; slaHours: number },
    purpose: "service" | "marketing",
  ) =>
    db.execute(sql`INSERT INTO needs SELECT ${NEED_COLUMNS}, ${source}, ${row.id}, ${row.queue}, ${row.priority}, ${row.slaHours}, ${purpose}
                     FROM (${query}) n WHERE n.party_id IS NOT NULL AND n.dealership_id IS NOT NULL`);
  for (const s of chosenStandards) {
    const query = needsQuery(s as Standard, o.today);
    if (query) await fill(query, "standard", s, STANDARD_PURPOSE[s.kind]);
  }
  for (const s of chosenScenarios)
    await fill(scenarioNeedsQuery(s as Scenario, o.now), "scenario", s, SCENARIO_PURPOSE[s.kind]);

  // The planner knows nothing of a temporary table until it is analysed; the joins below need its size.
  await db.execute(sql`ANALYZE needs`);

  const lifecycle = { points: 0, converted: 0, missed: 0, taken: 0 };
  if (!o.dryRun) {
    const points = await execRows<{ n: number }>(
      db,
      sql`WITH ins AS (INSERT INTO lifecycle_points (party_id, vehicle_id, dealership_id, kind, need_key, window_start, window_end)
            SELECT DISTINCT ON (need_key) party_id, vehicle_id, dealership_id, lifecycle_kind, need_key, window_start, window_end
              FROM needs WHERE lifecycle_kind IS NOT NULL
            ON CONFLICT (need_key) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    lifecycle.points = points[0]?.n ?? 0;
  }
  if (o.lifecycleOnly) {
    return { ...NOTHING, lifecycle, ms: Math.round(performance.now() - started) };
  }

  // The contact policy, reason by reason, so the preview can say why needs were held back.
  const [policy] = await db.select().from(contactPolicy).where(eq(contactPolicy.id, 1));
  const cap = policy?.maxContactsPerWeek ?? 2;
  const held = async (reason: string, where: ReturnType<typeof sql>) => {
    const rows = await execRows<{ n: number }>(
      db,
      sql`WITH d AS (DELETE FROM needs n WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM d`,
    );
    return { [reason]: rows[0]?.n ?? 0 };
  };
  const [{ n: needCount } = { n: 0 }] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM needs`,
  );
  const bySourceNeeds = await execRows<{ source: string; source_id: number; n: number }>(
    db,
    sql`SELECT source, source_id, count(*)::int AS n FROM needs GROUP BY 1, 2`,
  );
  const heldCounts = {
    ...(await held("alreadyContacted", sql`EXISTS (SELECT 1 FROM tasks t WHERE t.need_key = n.need_key)`)),
    ...(await held(
      "blocked",
      sql`EXISTS (SELECT 1 FROM parties p WHERE p.id = n.party_id AND (p.blocked OR p.status <> 'active'))`,
    )),
    // Offers need the client's yes to marketing calls; calls about their own car need only no refusal.
    ...(await held(
      "noConsent",
      sql`CASE WHEN n.purpose = 'marketing'
               THEN NOT EXISTS (SELECT 1 FROM consents c WHERE c.party_id = n.party_id AND c.channel = 'call'
                                 AND c.purpose = 'marketing' AND c.granted AND c.valid_to IS NULL)
               ELSE EXISTS (SELECT 1 FROM consents c WHERE c.party_id = n.party_id AND c.channel = 'call'
                             AND c.purpose = 'service' AND NOT c.granted AND c.valid_to IS NULL) END`,
    )),
  } as EvaluationResult["held"];
  // The weekly cap across channels: contacts already made or planned this week leave this much room.
  const capped = await execRows<{ n: number }>(
    db,
    sql`WITH ranked AS (
          SELECT n.ctid AS row_id, row_number() OVER (PARTITION BY n.party_id ORDER BY n.priority, n.due_on, n.need_key) AS k,
                 (SELECT count(*) FROM tasks t WHERE t.party_id = n.party_id AND t.created_at > ${o.now.toISOString()}::timestamptz - interval '7 days')
               + (SELECT count(*) FROM interactions i WHERE i.party_id = n.party_id AND i.direction = 'out'
                   AND i.occurred_at > ${o.now.toISOString()}::timestamptz - interval '7 days') AS recent
            FROM needs n),
        d AS (DELETE FROM needs n USING ranked r WHERE n.ctid = r.row_id AND r.k + r.recent > ${cap} RETURNING 1)
        SELECT count(*)::int AS n FROM d`,
  );
  heldCounts.weeklyCap = capped[0]?.n ?? 0;

  const bySourceAllowed = await execRows<{ source: string; source_id: number; n: number }>(
    db,
    sql`SELECT source, source_id, count(*)::int AS n FROM needs GROUP BY 1, 2`,
  );
  let created = 0;
  let expired = 0;
  if (!o.dryRun) {
    const from = policy?.callFromHour ?? 9;
    // Routing: the personal manager, else the relationship's owner while they work at that dealership,
    // else the dealership's queue for the standard's department. The new tasks are tied to the day's
    // lifecycle points of the same need in the same statement.
    const inserted = await execRows<{ n: number }>(
      db,
      sql`WITH made AS (
            INSERT INTO tasks (kind, party_id, vehicle_id, reason_code, reason_params, need_key, source, source_id,
                               dealership_id, queue, assignee_user_id, priority, due_at, window_end, sla_at, payload)
            SELECT 'call', n.party_id, n.vehicle_id, n.reason_code, n.reason_params, n.need_key, n.source, n.source_id,
                   n.dealership_id, n.queue,
                   coalesce(pm.id, own.id),
                   n.priority,
                   (n.due_on + make_interval(hours => ${from} + 1)) AT TIME ZONE 'Europe/Moscow',
                   (n.window_end + 1)::timestamp AT TIME ZONE 'Europe/Moscow',
                   (n.due_on + make_interval(hours => ${from} + 1)) AT TIME ZONE 'Europe/Moscow' + make_interval(hours => n.sla_hours),
                   CASE WHEN n.reason_code = 'web_request' THEN n.reason_params->'request' END
              FROM needs n
              JOIN parties p ON p.id = n.party_id
              LEFT JOIN users pm ON pm.id = p.personal_manager_id AND pm.active
              LEFT JOIN users own ON own.id = n.owner_user_id AND own.active
                   AND (own.dealership_id = n.dealership_id OR own.dealership_id IS NULL)
            ON CONFLICT DO NOTHING
            RETURNING id, need_key),
          linked AS (
            UPDATE lifecycle_points lp SET task_id = made.id, updated_at = now()
              FROM made WHERE lp.need_key = made.need_key AND lp.task_id IS NULL RETURNING 1)
          SELECT (SELECT count(*) FROM made)::int AS n`,
    );
    created = inserted[0]?.n ?? 0;
    Object.assign(lifecycle, await settleLifecycle(db, o.today));
    const ex = await execRows<{ n: number }>(
      db,
      sql`WITH e AS (UPDATE tasks SET status = 'expired', updated_at = now()
                      WHERE status = 'open' AND window_end < ${o.now.toISOString()}::timestamptz RETURNING 1)
          SELECT count(*)::int AS n FROM e`,
    );
    expired = ex[0]?.n ?? 0;
  }
  const allowedBy = new Map(bySourceAllowed.map((r) => [`${r.source}:${r.source_id}`, r.n]));
  return {
    needs: needCount,
    held: heldCounts,
    created: o.dryRun ? bySourceAllowed.reduce((s, r) => s + r.n, 0) : created,
    bySource: bySourceNeeds.map((r) => ({
      source: r.source,
      sourceId: r.source_id,
      needs: r.n,
      created: allowedBy.get(`${r.source}:${r.source_id}`) ?? 0,
    })),
    lifecycle,
    expired,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Rebuilds the lifecycle history of the past `days`: every standard evaluated as of each `stepDays`-th
 * day (points only, no calls), then settled against what the clients actually did. For a group that
 * starts with Orbit (and for the demo): the spiral and its utilisation from day one.
 */
export async function rebuildLifecycleHistory(
  db: Db,
  today: string,
  {
    days = 365,
    stepDays = 7,
    onDay,
  }: { days?: number; stepDays?: number; onDay?: (day: string, ms: number) => void } = {},
) {
  let points = 0;
  for (let back = days; back > 0; back -= stepDays) {
    const day = addDays(today, -back);
    // Each day in its own transaction (a savepoint when the caller is in one): a long history is not one huge one.
    const result = await db.transaction((tx) =>
      evaluateWorklists(tx, { today: day, now: dealerMoment(day, 9), lifecycleOnly: true }),
    );
    points += result.lifecycle.points;
    onDay?.(day, result.ms);
  }
  return { points, ...(await db.transaction((tx) => settleLifecycle(tx, today))) };
}
