import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { segmentSql } from "./segments";

/**
 * Recomputes every client's segment from what they did with the group, as of `today` (YYYY-MM-DD),
 * and writes only the ones that changed. Part of the daily run, so segments follow clients as they
 * buy, come back or go quiet.
 */
export async function refreshSegments(db: Db, today: string): Promise<{ changed: number }> {
  const segment = segmentSql({
    today: sql`${today}::date`,
    firstDay: sql`f.first_day`,
    last: sql`f.last_day`,
    previous: sql`f.previous_day`,
    days: sql`f.days`,
    purchases: sql`f.purchases`,
    blocked: sql`f.blocked`,
  });
  const rows = await execRows<{ n: number }>(
    db,
    sql`WITH activity AS (
          SELECT party_id, delivered_on AS day, 1 AS purchase FROM deals
           WHERE status = 'won' AND kind IN ('new_car', 'used_car') AND delivered_on IS NOT NULL
          UNION ALL
          SELECT party_id, opened_at::date, 0 FROM work_orders WHERE status = 'delivered'),
        per_party AS (
          SELECT party_id, (array_agg(day ORDER BY day DESC))[1:2] AS latest, count(*)::int AS days,
                 sum(purchase)::int AS purchases
            FROM activity WHERE day <= ${today}::date GROUP BY party_id),
        f AS (
          SELECT p.id, p.segment, p.blocked, p.created_at::date AS first_day, a.latest[1] AS last_day,
                 a.latest[2] AS previous_day, coalesce(a.days, 0) AS days, coalesce(a.purchases, 0) AS purchases
            FROM parties p LEFT JOIN per_party a ON a.party_id = p.id
           WHERE p.status = 'active'),
        changed AS (
          UPDATE parties p SET segment = s.segment
            FROM (SELECT f.id, ${segment} AS segment, f.segment AS was FROM f) s
           WHERE p.id = s.id AND s.segment IS DISTINCT FROM s.was
          RETURNING 1)
        SELECT count(*)::int AS n FROM changed`,
  );
  return { changed: rows[0]?.n ?? 0 };
}
