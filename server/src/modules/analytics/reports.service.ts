import type { AnalyticsQuery, AnalyticsReport, AnalyticsReportName } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { invalid } from "../../platform/http/errors";
import { hoursPercentile } from "./percentiles";
import { processFactsAsOf } from "./processFacts.service";
import { discoverVariants } from "./variants";

type Row = Record<string, string | number | null>;
interface Table {
  columns: string[];
  rows: Row[];
  variants?: AnalyticsReport["variants"];
}

/** The period as a half-open range of moments, for index range scans on timestamp columns. */
const moments = (column: SQL, q: AnalyticsQuery) =>
  sql`${column} >= ${q.from}::date AND ${column} < ${q.to}::date + 1`;
const inDealership = (column: SQL, q: AnalyticsQuery) =>
  q.dealershipId === undefined ? sql`` : sql`AND ${column} = ${q.dealershipId}`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * One statement of a report, in a read transaction of its own: a year of a million clients' points or
 * work orders is grouped in memory (with the default 4 MB the sorts and hash tables of the larger
 * reports spill to disk and take seconds longer), and a report's independent statements run side by
 * side on the pool's connections (one after the other on PGlite).
 */
function read<T>(db: Db, query: SQL, planner: Record<string, string> = {}): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '128MB'`);
    for (const [name, value] of Object.entries(planner))
      await tx.execute(sql.raw(`SET LOCAL ${name} = ${value}`));
    return execRows<T>(tx, query);
  });
}

/**
 * Lifecycle utilisation: of the points whose window began in the period, the share the group converted,
 * by kind of point, dealership, the employee who had the call (points nobody called about apart) or
 * month.
 */
async function utilisation(db: Db, q: AnalyticsQuery): Promise<Table> {
  const by = q.by ?? "kind";
  const key: Record<string, [SQL, SQL, SQL]> = {
    kind: [sql`lp.kind`, sql`lp.kind`, sql``],
    // Grouped by the month's first day (integer arithmetic on the date), named once per month outside.
    month: [sql`lp.window_start - extract(day FROM lp.window_start)::int + 1`, sql`NULL::text`, sql``],
    dealership: [
      sql`lp.dealership_id::text`,
      sql`d.name`,
      sql`LEFT JOIN dealerships d ON d.id = lp.dealership_id`,
    ],
    employee: [
      sql`u.id::text`,
      sql`u.full_name`,
      sql`LEFT JOIN tasks t ON t.id = lp.task_id
          LEFT JOIN users u ON u.id = coalesce(t.completed_by_user_id, t.assignee_user_id)`,
    ],
  };
  const [k, label, join] = key[by] as [SQL, SQL, SQL];
  const rows = await read<{ key: string | null; label: string | null; due: number; converted: number }>(
    db,
    sql`SELECT ${by === "month" ? sql`to_char(g.key, 'YYYY-MM')` : sql`g.key::text`} AS key,
               ${by === "month" ? sql`to_char(g.key, 'YYYY-MM')` : sql`g.label`} AS label, g.due, g.converted
          FROM (SELECT ${k} AS key, ${label} AS label, count(*)::int AS due,
                       count(*) FILTER (WHERE lp.status = 'converted')::int AS converted
                  FROM lifecycle_points lp ${join}
                 WHERE lp.window_start BETWEEN ${q.from}::date AND ${q.to}::date ${inDealership(sql`lp.dealership_id`, q)}
                 GROUP BY 1, 2) g
         ORDER BY g.key NULLS LAST`,
  );
  return {
    columns: ["key", "label", "due", "converted", "utilisation"],
    rows: rows.map((r) => ({ ...r, utilisation: share(r.converted, r.due) })),
  };
}

/**
 * Wallet share and revenue by year of ownership: the cars owned in the period by the year of ownership
 * they reached at its end, the share of them maintained at the group in the period (the part of the
 * car's service the group won), and the group's service revenue per client.
 */
async function wallet(db: Db, q: AnalyticsQuery): Promise<Table> {
  const owned = sql`FROM vehicle_ownerships o
    ${q.dealershipId === undefined ? sql`` : sql`JOIN parties p ON p.id = o.party_id AND p.home_dealership_id = ${q.dealershipId}`}`;
  const ownedInPeriod = sql`o.role = 'owner' AND o.valid_from <= ${q.to}::date AND (o.valid_to IS NULL OR o.valid_to >= ${q.from}::date)`;
  const year = sql`least(10, (${q.to}::date - o.valid_from) / 365 + 1)`;
  // The cars with what the group earned on them. For the whole group, in slices of vehicle ids read
  // side by side, each walking both sides in vehicle order (the ownerships' and work orders' vehicle
  // indexes) and merging them: PostgreSQL's own parallel plan repeats the whole period's spending in
  // every worker, and hashing a million vehicles' spending costs more than merging it. The group's
  // distinct owners are counted beside them, sorting their ids alone rather than every car's row with
  // its spending. One dealership's cars are fewer, found through its clients: one statement, the
  // planner's hashes, the owners counted in it.
  const group = q.dealershipId === undefined;
  const slices = group ? SLICES : 1;
  const [range] = await read<{ lo: number | null; hi: number | null }>(
    db,
    sql`SELECT min(id) AS lo, max(id) AS hi FROM vehicles`,
  );
  const lo = range?.lo ?? 0;
  const step = Math.ceil(((range?.hi ?? 0) - lo + 1) / slices);
  const slice = (i: number) =>
    read<{
      year: number;
      cars: number;
      clients: number;
      served: number;
      maintained: number;
      kopecks: string | number;
    }>(
      db,
      sql`WITH spent AS (
            SELECT w.vehicle_id, sum(w.amount_kopecks) AS kopecks, bool_or(w.kind = 'maintenance') AS maintained
              FROM work_orders w
             WHERE ${moments(sql`w.opened_at`, q)} AND w.status = 'delivered' ${inDealership(sql`w.dealership_id`, q)}
               AND w.vehicle_id >= ${lo + i * step} AND w.vehicle_id < ${lo + (i + 1) * step}
             GROUP BY w.vehicle_id)
          SELECT ${year} AS year, count(*)::int AS cars,
                 ${group ? sql`0` : sql`count(DISTINCT o.party_id)::int`} AS clients,
                 count(s.vehicle_id)::int AS served, count(*) FILTER (WHERE s.maintained)::int AS maintained,
                 coalesce(sum(s.kopecks), 0) AS kopecks
            ${owned} LEFT JOIN spent s ON s.vehicle_id = o.vehicle_id
           WHERE ${ownedInPeriod} AND o.vehicle_id >= ${lo + i * step} AND o.vehicle_id < ${lo + (i + 1) * step}
           GROUP BY 1`,
      group
        ? { max_parallel_workers_per_gather: "0", enable_hashjoin: "off" }
        : { max_parallel_workers_per_gather: "0" },
    );
  const [clients, ...sliced] = await Promise.all([
    group ? groupOwners(db, owned, ownedInPeriod, year) : new Map<number, number>(),
    ...Array.from({ length: slices }, (_, i) => slice(i)),
  ]);
  const byYear = new Map<
    number,
    { year: number; cars: number; clients: number; served: number; maintained: number; kopecks: bigint }
  >();
  for (const r of sliced.flat()) {
    const y = byYear.get(r.year) ?? {
      year: r.year,
      cars: 0,
      clients: clients.get(r.year) ?? r.clients,
      served: 0,
      maintained: 0,
      kopecks: 0n,
    };
    y.cars += r.cars;
    y.served += r.served;
    y.maintained += r.maintained;
    // Summed exactly (PostgreSQL's sum of bigints is a numeric), then made rubles as one SQL sum would.
    y.kopecks += BigInt(r.kopecks);
    byYear.set(r.year, y);
  }
  const rows = [...byYear.values()]
    .map((y) => ({ ...y, revenue: Number(y.kopecks) / 100 }))
    .sort((a, b) => a.year - b.year);
  return {
    columns: [
      "key",
      "label",
      "cars",
      "clients",
      "served",
      "maintained",
      "walletShare",
      "revenue",
      "revenuePerClient",
    ],
    rows: rows.map((r) => ({
      key: String(r.year),
      label: String(r.year),
      cars: r.cars,
      clients: r.clients,
      served: r.served,
      maintained: r.maintained,
      walletShare: share(r.maintained, r.cars),
      revenue: r.revenue,
      revenuePerClient: r.clients ? Math.round((r.revenue / r.clients) * 100) / 100 : null,
    })),
  };
}

/**
 * How many statements the group's cars are read in, side by side (beside the owners' count). Of 2, 3
 * and 4 on the million-client database and two busy cores, three finished first, by little.
 */
const SLICES = 3;
const OWNERSHIP_YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The group's distinct owners by year of ownership. Each owner's years are gathered as bits of one
 * integer walking the ownerships in owner order (their index), then each year counts the owners with
 * its bit: no sort or hash of a million owner ids.
 */
async function groupOwners(db: Db, owned: SQL, ownedInPeriod: SQL, year: SQL): Promise<Map<number, number>> {
  const [row] = await read<Record<string, number>>(
    db,
    sql`SELECT ${sql.join(
      OWNERSHIP_YEARS.map(
        (y) => sql`count(*) FILTER (WHERE m.years & ${1 << y} <> 0)::int AS ${sql.identifier(`y${y}`)}`,
      ),
      sql`, `,
    )}
          FROM (SELECT bit_or(1 << ${year}) AS years ${owned} WHERE ${ownedInPeriod} GROUP BY o.party_id) m`,
    { max_parallel_workers_per_gather: "0", enable_hashagg: "off" },
  );
  return new Map(OWNERSHIP_YEARS.map((y) => [y, row?.[`y${y}`] ?? 0]));
}

/** The sales funnel by where the lead came from: leads opened in the period, still open, won, lost. */
async function funnel(db: Db, q: AnalyticsQuery): Promise<Table> {
  const rows = await read<{
    key: string;
    leads: number;
    open: number;
    won: number;
    lost: number;
    revenue: number;
  }>(
    db,
    sql`SELECT source AS key, count(*)::int AS leads, count(*) FILTER (WHERE status = 'open')::int AS open,
               count(*) FILTER (WHERE status = 'won')::int AS won, count(*) FILTER (WHERE status = 'lost')::int AS lost,
               coalesce(sum(amount_kopecks) FILTER (WHERE status = 'won'), 0)::float8 / 100 AS revenue
          FROM deals WHERE ${moments(sql`opened_at`, q)} ${inDealership(sql`dealership_id`, q)}
         GROUP BY source ORDER BY count(*) DESC, source`,
  );
  return {
    columns: ["key", "label", "leads", "open", "won", "lost", "conversion", "revenue"],
    rows: rows.map((r) => ({ ...r, label: r.key, conversion: share(r.won, r.leads) })),
  };
}

const CAME = sql`status IN ('arrived', 'in_work', 'waiting_parts', 'ready', 'delivered')`;

/** Show-up by booking channel: of the visits booked for the period that are settled, the share that came. */
async function showUp(db: Db, q: AnalyticsQuery): Promise<Table> {
  const rows = await read<{
    key: string;
    booked: number;
    came: number;
    noShow: number;
    cancelled: number;
  }>(
    db,
    sql`SELECT booking_channel AS key, count(*)::int AS booked,
               count(*) FILTER (WHERE ${CAME})::int AS came,
               count(*) FILTER (WHERE status = 'no_show')::int AS "noShow",
               count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
          FROM work_orders WHERE ${moments(sql`opened_at`, q)} ${inDealership(sql`dealership_id`, q)}
         GROUP BY booking_channel ORDER BY count(*) DESC, booking_channel`,
  );
  return {
    columns: ["key", "label", "booked", "came", "noShow", "cancelled", "showUpRate"],
    rows: rows.map((r) => ({ ...r, label: r.key, showUpRate: share(r.came, r.came + r.noShow) })),
  };
}

/** Scenario strike rate: of the tasks each scenario made in the period, how many reached and booked. */
async function strikeRate(db: Db, q: AnalyticsQuery): Promise<Table> {
  const rows = await read<{
    key: string;
    label: string | null;
    tasks: number;
    closed: number;
    reached: number;
    booked: number;
  }>(
    db,
    sql`SELECT t.source_id::text AS key, s.name AS label, count(*)::int AS tasks,
               count(*) FILTER (WHERE t.status <> 'open')::int AS closed,
               count(*) FILTER (WHERE t.outcome IN ('reached', 'booked'))::int AS reached,
               count(*) FILTER (WHERE t.outcome = 'booked')::int AS booked
          FROM tasks t LEFT JOIN scenarios s ON s.id = t.source_id
         WHERE t.source = 'scenario' AND ${moments(sql`t.created_at`, q)} ${inDealership(sql`t.dealership_id`, q)}
         GROUP BY 1, 2 ORDER BY count(*) DESC, 1`,
  );
  return {
    columns: ["key", "label", "tasks", "closed", "reached", "booked", "strikeRate"],
    rows: rows.map((r) => ({ ...r, strikeRate: share(r.booked, r.tasks) })),
  };
}

/**
 * The contact centre: incoming calls answered and missed, the median minutes until the client was called
 * back (the first outgoing call to the number within two days), the share of answered calls that ended
 * in a booking, and script adherence (key steps ticked of the script's key steps), by dealership or
 * employee.
 */
async function calls(db: Db, q: AnalyticsQuery): Promise<Table> {
  const employee = q.by === "employee";
  const rows = await read<{
    key: string | null;
    label: string | null;
    incoming: number;
    answered: number;
    missed: number;
    calledBack: number;
    callbackMinutes: number | null;
    booked: number;
    adherence: number | null;
  }>(
    db,
    sql`SELECT ${employee ? sql`c.user_id::text` : sql`c.dealership_id::text`} AS key,
               ${employee ? sql`u.full_name` : sql`d.name`} AS label,
               count(*) FILTER (WHERE c.direction = 'in')::int AS incoming,
               count(*) FILTER (WHERE c.direction = 'in' AND c.outcome = 'answered')::int AS answered,
               count(*) FILTER (WHERE c.direction = 'in' AND c.outcome IN ('missed', 'busy', 'failed'))::int AS missed,
               count(cb.at)::int AS "calledBack",
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM cb.at - c.started_at) / 60))::float8 AS "callbackMinutes",
               count(*) FILTER (WHERE c.outcome = 'answered' AND c.handover_type = 'work_order')::int AS booked,
               avg(sa.adherence)::float8 AS adherence
          FROM calls c
          ${employee ? sql`LEFT JOIN users u ON u.id = c.user_id` : sql`LEFT JOIN dealerships d ON d.id = c.dealership_id`}
          LEFT JOIN LATERAL (
            SELECT min(o.started_at) AS at FROM calls o
             WHERE c.direction = 'in' AND c.outcome IN ('missed', 'busy', 'failed') AND c.phone IS NOT NULL
               AND o.phone = c.phone AND o.direction = 'out'
               AND o.started_at > c.started_at AND o.started_at < c.started_at + interval '2 days') cb ON true
          LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE c.script_progress ? (s->>'code'))::float8 / nullif(count(*), 0) AS adherence
              FROM call_scripts cs, jsonb_array_elements(cs.steps) s
             WHERE cs.id = c.script_id AND c.outcome = 'answered' AND coalesce((s->>'key')::boolean, false)) sa ON true
         WHERE ${moments(sql`c.started_at`, q)} ${inDealership(sql`c.dealership_id`, q)}
         GROUP BY 1, 2 ORDER BY 1 NULLS LAST`,
  );
  return {
    columns: [
      "key",
      "label",
      "incoming",
      "answered",
      "missed",
      "answerRate",
      "calledBack",
      "callbackMinutes",
      "booked",
      "bookingRate",
      "adherence",
    ],
    rows: rows.map((r) => ({
      ...r,
      answerRate: share(r.answered, r.incoming),
      bookingRate: share(r.booked, r.answered),
    })),
  };
}

/**
 * Process mining from its facts (case = the deal or work order, activity = its process step), which
 * `refreshProcessFacts` keeps from the action log every few minutes: the report is as fresh as that
 * job's last run (`factsAsOf`). Per step, how often it happened in the period and how long the case
 * stayed in it until its next step (median and 90th percentile hours, to the minute; a step whose next
 * came after the period still counts its whole length), by step or by who did it; plus the cycle time and
 * the common variants of the cases that began in the period. The database only counts durations per
 * whole minute; the percentiles are read off those counts (percentiles.ts), so a year of a large group
 * sorts nothing.
 */
async function processMining(db: Db, q: AnalyticsQuery): Promise<Table> {
  const entity = q.process ?? "work_order";
  const who = q.by === "employee" ? "employee" : q.by === "dealership" ? "dealership" : "step";
  // Grouped by the id itself; made text once per group, not once per step.
  const key = { step: sql`e.step`, employee: sql`e.actor_user_id`, dealership: sql`e.dealership_id` }[who];
  const label = {
    step: sql`g.key`,
    employee: sql`(SELECT full_name FROM users WHERE id = g.key)`,
    dealership: sql`(SELECT name FROM dealerships WHERE id = g.key)`,
  }[who];
  const cases = sql`FROM process_cases c
                   WHERE c.entity_type = ${entity} AND ${moments(sql`c.first_at`, q)} ${inDealership(sql`c.dealership_id`, q)}`;
  const [steps, [cycle], paths] = await Promise.all([
    read<Counted & { key: string | null; label: string | null; handedOn: number }>(
      db,
      sql`SELECT g.key::text AS key, ${label} AS label, sum(g.n)::int AS events, sum(g.n) FILTER (WHERE g.minutes IS NOT NULL)::int AS "handedOn",
               array_agg(g.minutes ORDER BY g.minutes) FILTER (WHERE g.minutes IS NOT NULL) AS minutes,
               array_agg(g.n ORDER BY g.minutes) FILTER (WHERE g.minutes IS NOT NULL) AS counts
          FROM (SELECT ${key} AS key, e.minutes, count(*)::int AS n
                  FROM process_events e
                 WHERE e.entity_type = ${entity} AND ${moments(sql`e.at`, q)} ${inDealership(sql`e.dealership_id`, q)}
                 GROUP BY 1, 2) g
         GROUP BY g.key`,
    ),
    // A case of one step has no cycle yet.
    read<Counted>(
      db,
      sql`SELECT coalesce(sum(g.n), 0)::int AS events, array_agg(g.minutes) AS minutes, array_agg(g.n) AS counts
          FROM (SELECT c.minutes, count(*)::int AS n
                  ${cases} AND c.events > 1 GROUP BY 1) g`,
    ),
    read<{ steps: string[]; cases: number; mean_hours: number }>(
      db,
      sql`SELECT c.path AS steps, count(*)::int AS cases,
               avg(date_part('epoch', c.last_at - c.first_at) / 3600) AS mean_hours
          ${cases} GROUP BY c.path ORDER BY count(*) DESC LIMIT 500`,
    ),
  ]);
  const hours = (r: Counted, p: number) => hoursPercentile(countsOf(r), p);
  const stepRows = steps
    .map((r) => ({
      key: r.key,
      label: r.label,
      events: r.events,
      handedOn: r.handedOn ?? 0,
      medianHours: hours(r, 0.5),
      p90Hours: hours(r, 0.9),
    }))
    // The slowest steps first, as before; steps nobody handed on last.
    .sort(
      (a, b) =>
        (b.medianHours ?? Number.NEGATIVE_INFINITY) - (a.medianHours ?? Number.NEGATIVE_INFINITY) ||
        byKeyNullsLast(a.key, b.key),
    );
  const c = cycle ?? { events: 0, minutes: null, counts: null };
  return {
    columns: ["key", "label", "events", "handedOn", "medianHours", "p90Hours"],
    rows: [
      ...stepRows,
      {
        key: "cycle",
        label: null,
        events: c.events,
        handedOn: null,
        medianHours: hours(c, 0.5),
        p90Hours: hours(c, 0.9),
      },
    ],
    variants: discoverVariants(
      paths.map((p) => ({ steps: p.steps, cases: p.cases, meanHours: p.mean_hours })),
      10,
    ),
  };
}

/** Durations counted per whole minute, as the database returns them (arrays in the same order). */
interface Counted {
  events: number;
  minutes: number[] | null;
  counts: number[] | null;
}
function byKeyNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
const countsOf = (r: Counted) => ({ minutes: r.minutes ?? [], counts: r.counts ?? [] });

const REPORTS: Record<AnalyticsReportName, (db: Db, q: AnalyticsQuery) => Promise<Table>> = {
  utilisation,
  wallet,
  funnel,
  showUp,
  strikeRate,
  calls,
  process: processMining,
};

/**
 * One report for the period, a dealership's (or the group's) numbers, as a table. Takes the database,
 * not a transaction: the report's statements open read transactions of their own, side by side.
 */
export async function analyticsReport(
  db: Db,
  report: AnalyticsReportName,
  q: AnalyticsQuery,
): Promise<AnalyticsReport> {
  if (q.to < q.from) throw invalid("query.to", "before from");
  const [table, factsAsOf] = await Promise.all([
    REPORTS[report](db, q),
    report === "process" ? processFactsAsOf(db) : undefined,
  ]);
  return {
    report,
    from: q.from,
    to: q.to,
    dealershipId: q.dealershipId ?? null,
    by: q.by ?? null,
    columns: table.columns,
    rows: table.rows,
    variants: table.variants ?? [],
    ...(factsAsOf === undefined ? {} : { factsAsOf }),
  };
}

export const REPORT_NAMES = Object.keys(REPORTS) as AnalyticsReportName[];
