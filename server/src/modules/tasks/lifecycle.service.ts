import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { invalid } from "../../platform/http/errors";

/**
 * What became of the lifecycle points: converted when the client did it with the group in the window
 * (the maintenance visit, the renewed policy, the tyre change, the next car), taken when the call reached
 * the client, missed when the window closed with neither.
 */
export async function settleLifecycle(db: Db, today: string) {
  const count = async (q: ReturnType<typeof sql>) => (await execRows<{ n: number }>(db, q))[0]?.n ?? 0;
  const convert = (kind: string, source: ReturnType<typeof sql>) =>
    count(sql`WITH c AS (UPDATE lifecycle_points lp SET status = 'converted', converted_type = m.type, converted_id = m.id, updated_at = now()
                          FROM (${source}) m
                         WHERE lp.kind = ${kind} AND lp.status IN ('due', 'taken') AND m.point_id = lp.id RETURNING 1)
              SELECT count(*)::int AS n FROM c`);
  const open = sql`lp.status IN ('due', 'taken')`;
  let converted = 0;
  converted += await convert(
    "maintenance",
    sql`SELECT DISTINCT ON (lp.id) lp.id AS point_id, 'work_order' AS type, w.id FROM lifecycle_points lp
          JOIN work_orders w ON w.vehicle_id = lp.vehicle_id AND w.kind = 'maintenance' AND w.status IN ('booked', 'arrived', 'in_work', 'ready', 'delivered')
           AND w.opened_at::date BETWEEN lp.window_start - 30 AND lp.window_end
         WHERE lp.kind = 'maintenance' AND ${open}`,
  );
  converted += await convert(
    "tyres",
    sql`SELECT DISTINCT ON (lp.id) lp.id AS point_id, 'work_order' AS type, w.id FROM lifecycle_points lp
          JOIN work_orders w ON w.vehicle_id = lp.vehicle_id AND w.kind = 'tyres'
           AND w.opened_at::date BETWEEN lp.window_start AND lp.window_end
         WHERE lp.kind = 'tyres' AND ${open}`,
  );
  for (const kind of ["osago", "kasko"]) {
    converted += await convert(
      kind,
      sql`SELECT DISTINCT ON (lp.id) lp.id AS point_id, 'policy' AS type, ip.id FROM lifecycle_points lp
            JOIN insurance_policies ip ON ip.vehicle_id = lp.vehicle_id AND ip.kind = ${kind} AND ip.dealership_id IS NOT NULL
             AND ip.starts_on BETWEEN lp.window_start AND lp.window_end
           WHERE lp.kind = ${kind} AND ${open}`,
    );
  }
  // The next car: a purchase in the window (after the trade-in offer or the credit's end).
  for (const kind of ["trade_in", "credit"]) {
    converted += await convert(
      kind,
      sql`SELECT DISTINCT ON (lp.id) lp.id AS point_id, 'deal' AS type, d.id FROM lifecycle_points lp
            JOIN deals d ON d.party_id = lp.party_id AND d.status = 'won' AND d.kind IN ('new_car', 'used_car', 'trade_in')
             AND d.closed_at::date BETWEEN lp.window_start AND lp.window_end
           WHERE lp.kind = ${kind} AND ${open}`,
    );
  }
  // Before the warranty ends: the car at the group's service (the last check under warranty).
  converted += await convert(
    "warranty",
    sql`SELECT DISTINCT ON (lp.id) lp.id AS point_id, 'work_order' AS type, w.id FROM lifecycle_points lp
          JOIN work_orders w ON w.vehicle_id = lp.vehicle_id AND w.status NOT IN ('cancelled', 'no_show')
           AND w.opened_at::date BETWEEN lp.window_start AND lp.window_end
         WHERE lp.kind = 'warranty' AND ${open}`,
  );
  const taken = await count(sql`WITH t AS (UPDATE lifecycle_points lp SET status = 'taken', updated_at = now()
                                  FROM tasks t WHERE t.id = lp.task_id AND lp.status = 'due' AND t.outcome IN ('reached', 'booked')
                                  RETURNING 1) SELECT count(*)::int AS n FROM t`);
  const missed = await count(sql`WITH m AS (UPDATE lifecycle_points SET status = 'missed', updated_at = now()
                                   WHERE status = 'due' AND window_end < ${today}::date RETURNING 1) SELECT count(*)::int AS n FROM m`);
  return { converted, taken, missed };
}

interface CountsRow {
  kind: string | null;
  due: number;
  open: number;
  taken: number;
  missed: number;
  converted: number;
}

const withRate = ({ kind: _kind, ...c }: CountsRow) => ({
  ...c,
  utilisation: c.due ? c.converted / c.due : null,
});

/**
 * Utilisation of the spiral: of the points whose window started in [from, to], how many the group
 * converted (and took, missed, still has open), by kind and in all. A dealership's employee sees their
 * dealership; the group's see any one or all.
 */
export async function lifecycleUtilisation(
  db: Db,
  f: { from: string; to: string; dealershipId: number | null },
) {
  if (f.to < f.from) throw invalid("query.to", "before from");
  const rows = await execRows<CountsRow>(
    db,
    sql`SELECT kind, count(*)::int AS due, count(*) FILTER (WHERE status = 'due')::int AS open,
               count(*) FILTER (WHERE status = 'taken')::int AS taken,
               count(*) FILTER (WHERE status = 'missed')::int AS missed,
               count(*) FILTER (WHERE status = 'converted')::int AS converted
          FROM lifecycle_points
         WHERE window_start BETWEEN ${f.from}::date AND ${f.to}::date
           ${f.dealershipId === null ? sql`` : sql`AND dealership_id = ${f.dealershipId}`}
         GROUP BY ROLLUP (kind) ORDER BY kind NULLS LAST`,
  );
  const total = rows.find((r) => r.kind === null) ?? {
    kind: null,
    due: 0,
    open: 0,
    taken: 0,
    missed: 0,
    converted: 0,
  };
  return {
    from: f.from,
    to: f.to,
    dealershipId: f.dealershipId,
    total: withRate(total),
    byKind: rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind!, ...withRate(r) })),
  };
}
