import type { Experiment, ExperimentInput } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { assignArms, pilotCount } from "./assignment";
import { uplift } from "./uplift";

interface ExperimentRow {
  id: number;
  name: string;
  change: string;
  unit: Experiment["unit"];
  metric: Experiment["metric"];
  scenario_id: number | null;
  dealership_id: number | null;
  pilot_share: number;
  seed: string;
  starts_on: string;
  ends_on: string;
}

/** The units an experiment may draw from: a dealership's (or the group's) dealerships, employees or clients. */
function candidates(unit: Experiment["unit"], dealershipId: number | null): SQL {
  const scoped = (column: string) =>
    dealershipId === null ? sql`` : sql`AND ${sql.raw(column)} = ${dealershipId}`;
  if (unit === "dealership") return sql`SELECT id FROM dealerships WHERE true ${scoped("id")}`;
  if (unit === "employee")
    return sql`SELECT id FROM users WHERE active AND role NOT IN ('admin', 'marketer') ${scoped("dealership_id")}`;
  return sql`SELECT id FROM parties WHERE merged_into_id IS NULL AND status = 'active' ${scoped("home_dealership_id")}`;
}

/**
 * Creates a pilot and draws its groups: units ordered by md5("seed:id"), the first pilotShare of them in
 * the pilot (assignment.ts says why). Clients are drawn in SQL by the same rule, so a million of them
 * never leave the database; dealerships and employees in TypeScript.
 */
export async function createExperiment(db: Db, by: ActingAs, raw: ExperimentInput): Promise<Experiment> {
  const input = raw as Required<Omit<ExperimentInput, "seed">> & { seed?: string };
  const seed = input.seed ?? input.name;
  if (input.scenarioId !== null && input.metric !== "task_booked")
    throw invalid("scenarioId", "only tasks come from a scenario: use the task_booked metric");
  const [known] = await execRows<{ scenario: boolean; dealership: boolean }>(
    db,
    sql`SELECT ${input.scenarioId}::int IS NULL OR EXISTS (SELECT 1 FROM scenarios WHERE id = ${input.scenarioId}) AS scenario,
               ${input.dealershipId}::int IS NULL OR EXISTS (SELECT 1 FROM dealerships WHERE id = ${input.dealershipId}) AS dealership`,
  );
  if (!known?.scenario) throw invalid("scenarioId", "no such scenario");
  if (!known?.dealership) throw invalid("dealershipId", "no such dealership");
  const [row] = await execRows<{ id: number }>(
    db,
    sql`INSERT INTO experiments (name, change, unit, metric, scenario_id, dealership_id, pilot_share, seed, starts_on, ends_on, created_by_user_id)
        VALUES (${input.name}, ${input.change}, ${input.unit}, ${input.metric}, ${input.scenarioId}, ${input.dealershipId},
                ${input.pilotShare}, ${seed}, ${input.startsOn}, ${input.endsOn}, ${by.userId}) RETURNING id`,
  );
  const id = (row as { id: number }).id;
  const pool = candidates(input.unit, input.dealershipId);
  if (input.unit === "client") {
    await db.execute(
      sql`WITH pool AS (SELECT id, row_number() OVER (ORDER BY substr(md5(${seed} || ':' || id), 1, 8) COLLATE "C", id) AS place,
                               count(*) OVER () AS n FROM (${pool}) p)
          INSERT INTO experiment_units (experiment_id, unit_id, arm)
          SELECT ${id}, id, CASE WHEN place <= pilots.k THEN 'pilot' ELSE 'control' END
            FROM pool, LATERAL (SELECT CASE WHEN n < 2 THEN n ELSE least(n - 1, greatest(1, round(n * ${input.pilotShare}::float8))) END AS k) pilots`,
    );
  } else {
    const ids = (await execRows<{ id: number }>(db, pool)).map((r) => r.id);
    const arms = assignArms(ids, seed, input.pilotShare);
    if (arms.length > 0)
      await db.execute(
        sql`INSERT INTO experiment_units (experiment_id, unit_id, arm)
            SELECT ${id}, u, a FROM unnest(${`{${arms.map((x) => x.unitId).join(",")}}`}::int[], ${`{${arms.map((x) => x.arm).join(",")}}`}::text[]) AS x(u, a)`,
      );
  }
  const [units] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM experiment_units WHERE experiment_id = ${id}`,
  );
  if (!units?.n) throw invalid("unit", "there is nobody to draw in this dealership");
  await recordAction(db, by, {
    entityType: "experiment",
    entityId: id,
    action: "create",
    processStep: "analytics.experiment",
    after: { ...input, seed, units: units.n, pilots: pilotCount(units.n, input.pilotShare) },
    dealershipId: input.dealershipId,
  });
  return getExperiment(db, id, "all");
}

/** How each group did on the experiment's metric in its period. */
function armResults(e: ExperimentRow): SQL {
  const period = (column: string) =>
    sql`${sql.raw(column)} >= ${e.starts_on}::date AND ${sql.raw(column)} < ${e.ends_on}::date + 1`;
  if (e.metric === "task_booked") {
    const unit = {
      dealership: "t.dealership_id",
      employee: "coalesce(t.completed_by_user_id, t.assignee_user_id)",
      client: "t.party_id",
    }[e.unit];
    return sql`SELECT u.arm, count(DISTINCT u.unit_id)::int AS units, count(t.id)::int AS n,
                      count(t.id) FILTER (WHERE t.outcome = 'booked')::int AS successes
                 FROM experiment_units u
                 LEFT JOIN tasks t ON ${sql.raw(unit)} = u.unit_id AND ${period("t.created_at")}
                  ${e.scenario_id === null ? sql`` : sql`AND t.source = 'scenario' AND t.source_id = ${e.scenario_id}`}
                  ${e.dealership_id === null ? sql`` : sql`AND t.dealership_id = ${e.dealership_id}`}
                WHERE u.experiment_id = ${e.id} GROUP BY u.arm`;
  }
  const unit = {
    dealership: "lp.dealership_id",
    employee: "coalesce(t.completed_by_user_id, t.assignee_user_id)",
    client: "lp.party_id",
  }[e.unit];
  return sql`SELECT u.arm, count(DISTINCT u.unit_id)::int AS units, count(lp.id)::int AS n,
                    count(lp.id) FILTER (WHERE lp.status = 'converted')::int AS successes
               FROM experiment_units u
               LEFT JOIN (lifecycle_points lp LEFT JOIN tasks t ON t.id = lp.task_id)
                 ON ${sql.raw(unit)} = u.unit_id AND lp.window_start BETWEEN ${e.starts_on}::date AND ${e.ends_on}::date
                ${e.dealership_id === null ? sql`` : sql`AND lp.dealership_id = ${e.dealership_id}`}
              WHERE u.experiment_id = ${e.id} GROUP BY u.arm`;
}

async function withResults(db: Db, e: ExperimentRow): Promise<Experiment> {
  const arms = await execRows<{ arm: "pilot" | "control"; units: number; n: number; successes: number }>(
    db,
    armResults(e),
  );
  const arm = (name: string) => {
    const a = arms.find((x) => x.arm === name);
    return { units: a?.units ?? 0, n: a?.n ?? 0, successes: a?.successes ?? 0 };
  };
  const pilot = arm("pilot");
  const control = arm("control");
  return {
    id: e.id,
    name: e.name,
    change: e.change,
    unit: e.unit,
    metric: e.metric,
    scenarioId: e.scenario_id,
    dealershipId: e.dealership_id,
    pilotShare: e.pilot_share,
    seed: e.seed,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    pilot,
    control,
    uplift: uplift(pilot, control),
  };
}

const COLUMNS = sql`id, name, change, unit, metric, scenario_id, dealership_id, pilot_share, seed, starts_on::text, ends_on::text`;
const scopeSql = (scope: "all" | number[]) =>
  scope === "all" ? sql`` : sql`AND dealership_id = ANY(${`{${scope.join(",")}}`}::int[])`;

export async function getExperiment(db: Db, id: number, scope: "all" | number[]): Promise<Experiment> {
  const [e] = await execRows<ExperimentRow>(
    db,
    sql`SELECT ${COLUMNS} FROM experiments WHERE id = ${id} ${scopeSql(scope)}`,
  );
  if (!e) throw notFound("experiment");
  return withResults(db, e);
}

/** The pilots a dealership's manager may see (their own dealership's), newest first, with results. */
export async function listExperiments(db: Db, scope: "all" | number[]): Promise<Experiment[]> {
  const rows = await execRows<ExperimentRow>(
    db,
    sql`SELECT ${COLUMNS} FROM experiments WHERE true ${scopeSql(scope)} ORDER BY id DESC LIMIT 100`,
  );
  const out: Experiment[] = [];
  for (const e of rows) out.push(await withResults(db, e));
  return out;
}
