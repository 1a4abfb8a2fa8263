import type { WorkOrderStatus } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { enqueue } from "../../platform/jobs/queue";
import { pushToClients } from "../../platform/push/hub";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";

/** The durable queue every status change lands in (the client's messages; the portal's push later). */
export const STATUS_QUEUE = "service.status_changed";
/** PostgreSQL NOTIFY channel for screens that show status live (delivered when the change commits). */
export const STATUS_CHANNEL = "orbit_work_order_status";

export interface StatusChangeEvent {
  workOrderId: number;
  number: string;
  partyId: number;
  dealershipId: number;
  from: WorkOrderStatus | null;
  to: WorkOrderStatus;
  at: string;
}

/**
 * Records a work order's status change in the same transaction as the change: the action log (its
 * process step "service.<status>" is what cycle-time analysis mines), a durable job for whoever reacts
 * (the client's messages now, the portal's notification later), and a NOTIFY for live screens.
 */
export async function recordStatusChange(
  db: Db,
  by: ActingAs,
  event: StatusChangeEvent,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAction(db, by, {
    entityType: "work_order",
    entityId: event.workOrderId,
    action: event.from === null ? "create" : `status:${event.to}`,
    processStep: `service.${event.to}`,
    before: event.from === null ? null : { status: event.from },
    after: { status: event.to, ...details },
    dealershipId: event.dealershipId,
  });
  await enqueue(db, STATUS_QUEUE, event);
  await db.execute(sql`SELECT pg_notify(${STATUS_CHANNEL}, ${JSON.stringify(event)})`);
  // The client's portal shows the status as it changes (their own channel only).
  await pushToClients(db, [event.partyId], {
    type: "work_order.status",
    workOrderId: event.workOrderId,
    number: event.number,
    status: event.to,
  });
}
