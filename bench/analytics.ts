// Analytics reports on a generated group: `npm run bench -- analytics [--from 2025-12-01 --to 2026-11-30]
// [--explain] [--rebuild-facts]`.
//
// Runs on DATABASE_URL (else orbit_bench_analytics), which the demo generator filled:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench_analytics npm run demo -- --clients 1000000
// Times each report's SQL as the API runs it (the median of three, for the whole group and for the
// largest dealership), a pilot's results and a campaign list's preview. The reference for each is the
// plainest SQL that reads the same period's rows (a count over the range), so the ratio says what the
// report's grouping, joins and percentiles cost on top of reading the data. Target: under 2 s each.
import type { AnalyticsQuery, AnalyticsReportName } from "@orbit/contracts";
import { ANALYTICS_REPORTS } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { getExperiment } from "../server/src/modules/analytics/experiments.service";
import { refreshProcessFacts } from "../server/src/modules/analytics/processFacts.service";
import { analyticsReport } from "../server/src/modules/analytics/reports.service";
import { previewTargetList } from "../server/src/modules/analytics/targetLists.service";
import { type Database, openDatabase } from "../server/src/platform/db/database";
import { migrate } from "../server/src/platform/db/migrate";
import { databaseUrl, machine } from "./lib/pgDatabase";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function median(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** The plainest read of the rows each report looks at: a count over the same range. */
function reference(report: AnalyticsReportName, q: AnalyticsQuery): string {
  const d = q.dealershipId === undefined ? "" : ` AND dealership_id = ${q.dealershipId}`;
  const range = (col: string) => `${col} >= '${q.from}'::date AND ${col} < '${q.to}'::date + 1`;
  switch (report) {
    case "utilisation":
      return `SELECT count(*) FROM lifecycle_points WHERE window_start BETWEEN '${q.from}' AND '${q.to}'${d}`;
    case "wallet":
      return `SELECT count(*), (SELECT count(*) FROM work_orders WHERE ${range("opened_at")}${d}) FROM vehicle_ownerships WHERE role = 'owner' AND valid_from <= '${q.to}'`;
    case "funnel":
      return `SELECT count(*) FROM deals WHERE ${range("opened_at")}${d}`;
    case "showUp":
      return `SELECT count(*) FROM work_orders WHERE ${range("opened_at")}${d}`;
    case "strikeRate":
      return `SELECT count(*) FROM tasks WHERE source = 'scenario' AND ${range("created_at")}${d}`;
    case "calls":
      return `SELECT count(*) FROM calls WHERE ${range("started_at")}${d}`;
    case "process":
      return `SELECT count(*) FROM process_events WHERE entity_type = 'work_order' AND ${range("at")}${d}`;
  }
}

const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;

export default async function analyticsBench(): Promise<void> {
  const url = process.env.DATABASE_URL ?? databaseUrl("orbit_bench_analytics");
  const database: Database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  await migrate(database);
  const db = database.db;
  // Process mining reads facts the worker keeps from the action log: bring them up to date first (the
  // whole log on the first run, or with --rebuild-facts), and say how long that took.
  if (process.argv.includes("--rebuild-facts")) {
    await database.query("UPDATE analytics_watermarks SET log_id = 0 WHERE name = 'process_facts'");
  }
  const factsStarted = performance.now();
  const facts = await refreshProcessFacts(db);
  const factsMs = performance.now() - factsStarted;
  const againStarted = performance.now();
  await refreshProcessFacts(db);
  const againMs = performance.now() - againStarted;
  const [size] = await database.query<{
    clients: number;
    points: number;
    orders: number;
    log: number;
    last: string;
  }>(
    `SELECT (SELECT count(*)::int FROM parties) AS clients, (SELECT count(*)::int FROM lifecycle_points) AS points,
            (SELECT count(*)::int FROM work_orders) AS orders, (SELECT count(*)::int FROM action_log) AS log,
            (SELECT coalesce(max(opened_at), now())::date::text FROM work_orders WHERE opened_at <= now()) AS last`,
  );
  const to = arg("--to") ?? (size?.last as string);
  const from = arg("--from") ?? new Date(Date.parse(to) - 364 * 86_400_000).toISOString().slice(0, 10);
  const [top] = await database.query<{ id: number }>(
    "SELECT dealership_id AS id FROM work_orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
  );
  console.log(
    `analytics benchmark on ${url.replace(/\/\/[^@]*@/, "//")}: ${size?.clients.toLocaleString("en")} clients, ` +
      `${size?.points.toLocaleString("en")} lifecycle points, ${size?.orders.toLocaleString("en")} work orders, ` +
      `${size?.log.toLocaleString("en")} action log entries; period ${from} .. ${to}`,
  );
  console.log(`machine: ${await machine()}`);
  console.log(
    `process facts: ${facts.full ? "built from the whole log" : "brought up to date"} in ${(factsMs / 1000).toFixed(1)} s ` +
      `(${facts.cases.toLocaleString("en")} cases written); a run with nothing new: ${againMs.toFixed(0)} ms\n`,
  );
  console.log("report                       scope        report     reference   ratio");
  let worst = 0;
  for (const dealershipId of [undefined, top?.id]) {
    for (const report of ANALYTICS_REPORTS) {
      const bys: (AnalyticsQuery["by"] | undefined)[] =
        report === "utilisation"
          ? ["kind", "employee", "month"]
          : report === "calls"
            ? ["dealership", "employee"]
            : [undefined];
      for (const by of bys) {
        const q: AnalyticsQuery = { from, to, dealershipId, by };
        const took = await median(() => analyticsReport(db, report, q));
        const ref = await median(() => database.query(reference(report, q)));
        worst = Math.max(worst, took);
        const name = `${report}${by ? ` by ${by}` : ""}`.padEnd(28);
        console.log(
          `${name} ${(dealershipId ? `dealer ${dealershipId}` : "group").padEnd(10)} ${ms(took)} ${ms(ref)}  ${(took / Math.max(ref, 0.1)).toFixed(1).padStart(5)}x`,
        );
        if (process.argv.includes("--explain") && !dealershipId) {
          const plan = await database.query<{ "QUERY PLAN": string }>(`EXPLAIN ${reference(report, q)}`);
          console.log(plan.map((p) => `    ${p["QUERY PLAN"]}`).join("\n"));
        }
      }
    }
  }
  // A pilot across the dealerships, measured on the tasks of the period; deleted afterwards.
  const [created] = await database.query<{ id: number }>(
    `INSERT INTO experiments (name, change, unit, metric, pilot_share, seed, starts_on, ends_on)
     VALUES ('bench', 'bench', 'dealership', 'task_booked', 0.5, 'bench', $1, $2) RETURNING id`,
    [from, to],
  );
  const pilot = created?.id as number;
  await database.query(
    `INSERT INTO experiment_units SELECT $1, id, CASE WHEN id % 2 = 0 THEN 'pilot' ELSE 'control' END FROM dealerships`,
    [pilot],
  );
  const pilotMs = await median(() => getExperiment(db, pilot, "all"));
  await db.execute(sql`DELETE FROM experiments WHERE id = ${pilot}`);
  const listMs = await median(() => previewTargetList(db, { segments: ["lapsed"], inactiveDays: 365 }));
  const tasksRef = await median(() =>
    database.query(
      `SELECT count(*) FROM tasks WHERE created_at >= '${from}' AND created_at < '${to}'::date + 1`,
    ),
  );
  console.log(
    `pilot results (dealerships) ${"group".padEnd(10)} ${ms(pilotMs)} ${ms(tasksRef)}  ${(pilotMs / Math.max(tasksRef, 0.1)).toFixed(1).padStart(5)}x`,
  );
  const partiesRef = await median(() =>
    database.query("SELECT count(*) FROM parties WHERE segment = 'lapsed'"),
  );
  console.log(
    `campaign list preview       ${"group".padEnd(10)} ${ms(listMs)} ${ms(partiesRef)}  ${(listMs / Math.max(partiesRef, 0.1)).toFixed(1).padStart(5)}x`,
  );
  worst = Math.max(worst, pilotMs, listMs);
  console.log(`\nslowest: ${worst.toFixed(0)} ms (target: under 2,000 ms)`);
  await database.close();
}
