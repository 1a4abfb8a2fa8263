import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { dealerMoment } from "../../platform/time/dealerCalendar";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";

/** A campaign turns at most this many clients into calls at once; larger lists go out as CSV. */
export const CAMPAIGN_TASKS_MAX = 10_000;

/**
 * One call task per client of a campaign's target list, in the queue of the client's dealership (or the
 * one given), due on the day at nine. A client who already has this campaign's call open gets no second
 * one. `clients` selects (party_id, dealership_id).
 */
export async function createCampaignTasks(
  db: Db,
  by: ActingAs,
  clients: SQL,
  c: { campaign: string; dueOn: string; queue: "sales" | "service" | "call_center" },
): Promise<{ created: number }> {
  const due = dealerMoment(c.dueOn, 9);
  const windowEnd = dealerMoment(c.dueOn, 21 + 24 * 13);
  const [row] = await execRows<{ created: number }>(
    db,
    sql`WITH made AS (
          INSERT INTO tasks (kind, party_id, reason_code, reason_params, need_key, source, dealership_id, queue,
                             priority, due_at, window_end, sla_at)
          SELECT 'call', l.party_id, 'campaign', jsonb_build_object('campaign', ${c.campaign}::text),
                 'campaign:' || md5(${c.campaign}) || ':' || l.party_id, 'manual', l.dealership_id, ${c.queue},
                 3, ${due.toISOString()}::timestamptz, ${windowEnd.toISOString()}::timestamptz,
                 ${new Date(due.getTime() + 86_400_000).toISOString()}::timestamptz
            FROM (${clients}) l WHERE l.dealership_id IS NOT NULL LIMIT ${CAMPAIGN_TASKS_MAX}
          ON CONFLICT (need_key) WHERE status = 'open' DO NOTHING RETURNING 1)
        SELECT count(*)::int AS created FROM made`,
  );
  const created = row?.created ?? 0;
  await recordAction(db, by, {
    entityType: "campaign",
    entityId: c.campaign,
    action: "tasks",
    processStep: "worklist.campaign",
    after: { ...c, created },
  });
  return { created };
}
