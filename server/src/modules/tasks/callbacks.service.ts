import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";

export interface CallbackTask {
  partyId: number;
  dealershipId: number;
  queue: "call_center" | "service" | "sales";
  assigneeUserId: number | null;
  /** missed_call: call the client back; call_handover: the operator passes the client to an advisor. */
  reasonCode: "missed_call" | "call_handover";
  reasonParams: Record<string, unknown>;
  callId: number;
  slaMinutes: number;
  now: Date;
}

/**
 * A task made by the telephony: a call back after a missed call, or the advisor's call after the
 * operator's handover. A client who rang twice gets one open call-back task (the need key is the
 * client's), with both calls in its payload; the client asked to be called, so no consent is needed.
 */
export async function createCallTask(db: Db, by: ActingAs, t: CallbackTask): Promise<number> {
  const needKey =
    t.reasonCode === "missed_call" ? `callback:party:${t.partyId}` : `handover:call:${t.callId}`;
  const sla = new Date(t.now.getTime() + t.slaMinutes * 60_000);
  const [row] = await execRows<{ id: number; created: boolean }>(
    db,
    sql`INSERT INTO tasks (kind, party_id, reason_code, reason_params, need_key, source, dealership_id, queue,
                           assignee_user_id, priority, due_at, window_end, sla_at, payload)
        VALUES ('call', ${t.partyId}, ${t.reasonCode}, ${JSON.stringify(t.reasonParams)}::jsonb, ${needKey}, 'manual',
                ${t.dealershipId}, ${t.queue}, ${t.assigneeUserId}, 1, ${t.now.toISOString()}::timestamptz,
                ${t.now.toISOString()}::timestamptz + interval '7 days', ${sla.toISOString()}::timestamptz,
                ${JSON.stringify({ callIds: [t.callId] })}::jsonb)
        ON CONFLICT (need_key) WHERE status = 'open'
        DO UPDATE SET payload = jsonb_set(coalesce(tasks.payload, '{}'::jsonb), '{callIds}',
                        coalesce(tasks.payload->'callIds', '[]'::jsonb) || to_jsonb(${t.callId}::int)),
                      reason_params = EXCLUDED.reason_params, priority = 1, updated_at = now()
        RETURNING id, (xmax = 0) AS created`,
  );
  if (!row) throw new Error("call task insert returned nothing");
  await recordAction(db, by, {
    entityType: "task",
    entityId: row.id,
    action: row.created ? "create" : "repeat_call",
    processStep: t.reasonCode === "missed_call" ? "call.callback_task" : "call.handover",
    after: { reason: t.reasonCode, queue: t.queue, assigneeUserId: t.assigneeUserId, callId: t.callId },
    dealershipId: t.dealershipId,
  });
  return row.id;
}
