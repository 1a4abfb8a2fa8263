import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { refused } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { tasks } from "./schema";

export type HandoffTaskKind = "appraisal" | "credit_application" | "insurance_quote";

export interface Handoff {
  dealId: number;
  /** The deal's step the specialist completes; one open task per deal and step. */
  stepCode: string;
  kind: HandoffTaskKind;
  queue: "appraisal" | "finance" | "sales";
  slaHours: number;
  partyId: number;
  dealershipId: number;
  vehicleId: number | null;
  note: string | null;
  /** For the reason line in the specialist's list: who asks, and about which car. */
  params: Record<string, string | number>;
}

const needKey = (dealId: number, step: string) => `deal:${dealId}:${step}`;

/**
 * A deal's hand-off as a task of the specialist's queue: due now, the first look owed within the step's SLA.
 * The task stays open until the deal's step is completed (completeHandoff); its window is generous because
 * the client is in the showroom and the work is never "missed", only late.
 */
export async function openHandoff(db: Db, by: ActingAs, h: Handoff): Promise<{ id: number }> {
  const now = new Date();
  const [row] = await db
    .insert(tasks)
    .values({
      kind: h.kind,
      partyId: h.partyId,
      vehicleId: h.vehicleId,
      reasonCode: `deal_${h.kind}`,
      reasonParams: { ...h.params, dealId: h.dealId, step: h.stepCode, ...(h.note ? { note: h.note } : {}) },
      needKey: needKey(h.dealId, h.stepCode),
      source: "manual",
      dealershipId: h.dealershipId,
      queue: h.queue,
      priority: 1,
      dueAt: now,
      slaAt: new Date(now.getTime() + h.slaHours * 3_600_000),
      windowEnd: new Date(now.getTime() + Math.max(7 * 24, h.slaHours * 4) * 3_600_000),
      dealId: h.dealId,
      // Shown in the work list as the request's comment.
      payload: h.note ? { comment: h.note } : null,
    })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!row) throw refused("step_waiting", "This step is already with a specialist");
  await recordAction(db, by, {
    entityType: "task",
    entityId: row.id,
    action: "create",
    processStep: `worklist.handoff.${h.kind}`,
    after: { dealId: h.dealId, step: h.stepCode, queue: h.queue, slaHours: h.slaHours },
    dealershipId: h.dealershipId,
  });
  return row;
}

/** The specialist finished the step: its open task is done, with the deal as its result. */
export async function completeHandoff(
  db: Db,
  by: ActingAs,
  dealId: number,
  stepCode: string,
): Promise<number | null> {
  const now = new Date();
  const [row] = await db
    .update(tasks)
    .set({
      status: "done",
      completedAt: now,
      completedByUserId: by.userId,
      assigneeUserId: sql`coalesce(${tasks.assigneeUserId}, ${by.userId})`,
      resultType: "deal",
      resultId: dealId,
      updatedAt: now,
    })
    .where(and(eq(tasks.needKey, needKey(dealId, stepCode)), eq(tasks.status, "open")))
    .returning({ id: tasks.id, dealershipId: tasks.dealershipId });
  if (!row) return null;
  await recordAction(db, by, {
    entityType: "task",
    entityId: row.id,
    action: "complete",
    processStep: "worklist.handoff.done",
    after: { dealId, step: stepCode },
    dealershipId: row.dealershipId,
  });
  return row.id;
}

/** A lost deal needs no specialist any more: its open hand-offs are cancelled. */
export async function cancelHandoffs(db: Db, by: ActingAs, dealId: number): Promise<void> {
  const rows = await db
    .update(tasks)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(and(eq(tasks.dealId, dealId), eq(tasks.status, "open")))
    .returning({ id: tasks.id, dealershipId: tasks.dealershipId });
  for (const r of rows)
    await recordAction(db, by, {
      entityType: "task",
      entityId: r.id,
      action: "cancel",
      processStep: "worklist.handoff.cancel",
      after: { dealId },
      dealershipId: r.dealershipId,
    });
}

export interface HandoffTaskState {
  id: number;
  step: string;
  status: string;
  assigneeName: string | null;
  slaAt: Date;
  completedAt: Date | null;
}

/** The latest hand-off task of each of the deal's steps. */
export async function handoffsOf(db: Db, dealId: number): Promise<HandoffTaskState[]> {
  const result = (await db.execute(sql`
    SELECT DISTINCT ON (t.need_key) t.id, split_part(t.need_key, ':', 3) AS step, t.status,
           u.full_name AS assignee_name, t.sla_at, t.completed_at
      FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id
     WHERE t.deal_id = ${dealId}
     ORDER BY t.need_key, t.id DESC`)) as unknown as {
    rows: {
      id: number;
      step: string;
      status: string;
      assignee_name: string | null;
      sla_at: Date | string;
      completed_at: Date | string | null;
    }[];
  };
  return result.rows.map((r) => ({
    id: r.id,
    step: r.step,
    status: r.status,
    assigneeName: r.assignee_name,
    slaAt: new Date(r.sla_at),
    completedAt: r.completed_at ? new Date(r.completed_at) : null,
  }));
}
