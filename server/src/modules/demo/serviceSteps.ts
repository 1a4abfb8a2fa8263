import type { Database } from "../../platform/db/database";

/** How far back the demo's action log holds the workshop's status changes. */
export const SERVICE_LOG_DAYS = 60;

/**
 * The action log of the last two months' service visits, as the advisors' status changes would have
 * written it: booked (days before, unless the client walked in), arrived, in work, waiting for parts on
 * long repairs, ready, delivered; or booked and no-show. The minutes vary by the work order's id, so the
 * demo is the same on every run and process mining has real variants and step times to show.
 */
export async function logDemoServiceSteps(database: Database, asOf: string): Promise<number> {
  const minutes = (mod: number, plus = 0) =>
    `make_interval(mins => (w.id::bigint * 7919 % ${mod})::int + ${plus})`;
  const [row] = await database.query<{ n: number }>(
    `WITH w AS (
       SELECT id, dealership_id, advisor_id, kind, status, booking_channel, opened_at, closed_at
         FROM work_orders
        WHERE opened_at >= $1::date - ${SERVICE_LOG_DAYS} AND opened_at < $1::date + 1
          AND status IN ('delivered', 'no_show')),
     steps AS (
       SELECT w.*, 'booked' AS step, w.opened_at - make_interval(days => 1 + w.id % 5) - ${minutes(600)} AS at
         FROM w WHERE w.booking_channel <> 'walk_in'
       UNION ALL SELECT w.*, 'no_show', w.opened_at + interval '2 hours' FROM w WHERE w.status = 'no_show'
       UNION ALL SELECT w.*, 'arrived', w.opened_at + ${minutes(20)} FROM w WHERE w.status = 'delivered'
       UNION ALL SELECT w.*, 'in_work', w.opened_at + ${minutes(40, 20)} FROM w WHERE w.status = 'delivered'
       UNION ALL SELECT w.*, 'waiting_parts', w.opened_at + ${minutes(60, 90)} FROM w
        WHERE w.status = 'delivered' AND w.closed_at - w.opened_at > interval '1 day'
       UNION ALL SELECT w.*, 'in_work', w.closed_at - interval '4 hours' FROM w
        WHERE w.status = 'delivered' AND w.closed_at - w.opened_at > interval '1 day'
       UNION ALL SELECT w.*, 'ready', w.closed_at - ${minutes(50, 10)} FROM w WHERE w.status = 'delivered'
       UNION ALL SELECT w.*, 'delivered', w.closed_at + ${minutes(90)} FROM w WHERE w.status = 'delivered'),
     logged AS (
       INSERT INTO action_log (at, actor_user_id, actor_role, dealership_id, entity_type, entity_id, action, process_step, after)
       SELECT at, advisor_id, 'service_advisor', dealership_id, 'work_order', id::text, 'status', 'service.' || step,
              jsonb_build_object('status', step)
         FROM steps ORDER BY at, id
       RETURNING 1)
     SELECT count(*)::int AS n FROM logged`,
    [asOf],
  );
  return row?.n ?? 0;
}
