import type { Task, TaskOutcomeInput } from "@orbit/contracts";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, forbidden, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { openDeal } from "../deals/leads.service";
import { interactions } from "../engagement/schema";
import { bookVisit } from "../service/bookings.service";
import { type ActingAs, type Actor, actingAs } from "../staff/actor";
import { nextAttempt, queuesOf } from "./queues";
import { contactPolicy, lifecyclePoints, tasks } from "./schema";

interface TaskRow {
  id: number;
  kind: string;
  party_id: number;
  display_name: string;
  phone: string | null;
  segment: string;
  vehicle_id: number | null;
  vehicle: string | null;
  reason_code: string;
  reason_params: Record<string, unknown>;
  source: Task["source"];
  source_id: number | null;
  dealership_id: number;
  queue: Task["queue"];
  assignee_user_id: number | null;
  assignee_name: string | null;
  priority: number;
  due_at: Date;
  window_end: Date;
  sla_at: Date;
  status: Task["status"];
  outcome: Task["outcome"];
  attempts: number;
  last_attempt_at: Date | null;
  result_type: string | null;
  result_id: number | null;
  payload: unknown;
  deal_id: number | null;
  created_at: Date;
}

const SELECT = sql`SELECT t.id, t.kind, t.party_id, p.display_name, p.segment,
    (SELECT c.value FROM contact_points c WHERE c.party_id = t.party_id AND c.kind = 'phone' AND c.valid_to IS NULL
      ORDER BY c.is_primary DESC, c.id LIMIT 1) AS phone,
    t.vehicle_id, nullif(concat_ws(' ', v.make, v.model, v.plate), '') AS vehicle,
    t.reason_code, t.reason_params, t.source, t.source_id, t.dealership_id, t.queue, t.assignee_user_id,
    u.full_name AS assignee_name, t.priority, t.due_at, t.window_end, t.sla_at, t.status, t.outcome, t.attempts,
    t.last_attempt_at, t.result_type, t.result_id, t.payload, t.deal_id, t.created_at
  FROM tasks t
  JOIN parties p ON p.id = t.party_id
  LEFT JOIN vehicles v ON v.id = t.vehicle_id
  LEFT JOIN users u ON u.id = t.assignee_user_id`;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    kind: r.kind,
    clientId: r.party_id,
    clientName: r.display_name,
    clientPhone: r.phone,
    segment: r.segment,
    vehicleId: r.vehicle_id,
    vehicle: r.vehicle,
    reason: { code: r.reason_code, params: r.reason_params },
    source: r.source,
    sourceId: r.source_id,
    dealershipId: r.dealership_id,
    queue: r.queue,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name,
    priority: r.priority,
    dueAt: iso(r.due_at)!,
    windowEnd: iso(r.window_end)!,
    slaAt: iso(r.sla_at)!,
    status: r.status,
    outcome: r.outcome,
    attempts: r.attempts,
    lastAttemptAt: iso(r.last_attempt_at),
    result: r.result_type && r.result_id ? { type: r.result_type, id: r.result_id } : null,
    payload: r.payload ?? null,
    dealId: r.deal_id,
    createdAt: iso(r.created_at)!,
  };
}

/** Which tasks an employee sees: their own, their dealership's queues, or (managers) all of their scope. */
function visibility(actor: Actor, scope: "mine" | "queue" | "all"): SQL {
  const queues = queuesOf(actor.role);
  const inScope = actor.dealershipId === null ? sql`true` : sql`t.dealership_id = ${actor.dealershipId}`;
  if (scope === "mine") return sql`t.assignee_user_id = ${actor.userId}`;
  if (scope === "queue") {
    if (queues.length === 0) return sql`false`;
    return sql`t.assignee_user_id IS NULL AND ${inScope} AND t.queue = ANY(${sql.param(queues)}::text[])`;
  }
  const manager = ["admin", "director", "sales_manager"].includes(actor.role);
  return manager
    ? inScope
    : sql`(t.assignee_user_id = ${actor.userId} OR (t.assignee_user_id IS NULL AND ${inScope}))`;
}

export interface TaskFilter {
  scope: "mine" | "queue" | "all";
  status: Task["status"];
  dueBy?: string | undefined;
  clientId?: number | undefined;
  limit: number;
  offset: number;
}

/** The work list: most urgent first (overdue SLA, then priority, then due time). */
export async function listTasks(
  db: Db,
  actor: Actor,
  f: TaskFilter,
): Promise<{ total: number; tasks: Task[] }> {
  const where = sql.join(
    [
      visibility(actor, f.scope),
      sql`t.status = ${f.status}`,
      f.dueBy ? sql`t.due_at < (${f.dueBy}::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow'` : sql`true`,
      f.clientId ? sql`t.party_id = ${f.clientId}` : sql`true`,
    ],
    sql` AND `,
  );
  const [count] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM tasks t WHERE ${where}`,
  );
  const rows = await execRows<TaskRow>(
    db,
    sql`${SELECT} WHERE ${where}
        ORDER BY (t.sla_at < now()) DESC, t.priority, t.due_at, t.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return { total: count?.n ?? 0, tasks: rows.map(toTask) };
}

async function loadTask(db: Db, id: number, lock = false): Promise<TaskRow | undefined> {
  const [row] = await execRows<TaskRow>(
    db,
    sql`${SELECT} WHERE t.id = ${id} ${lock ? sql`FOR UPDATE OF t` : sql``}`,
  );
  return row;
}

function assertMayWork(actor: Actor, t: TaskRow): void {
  const own = t.assignee_user_id === actor.userId;
  const sameDealership = actor.dealershipId === null || actor.dealershipId === t.dealership_id;
  const queue = t.assignee_user_id === null && sameDealership && queuesOf(actor.role).includes(t.queue);
  const manager = ["admin", "director", "sales_manager"].includes(actor.role) && sameDealership;
  if (!own && !queue && !manager) throw forbidden("This task is someone else's");
}

export async function getTask(db: Db, actor: Actor, id: number): Promise<Task> {
  const t = await loadTask(db, id);
  if (!t) throw notFound("Task");
  assertMayWork(actor, t);
  return toTask(t);
}

/** Takes a task from the queue: it becomes the employee's. */
export async function takeTask(db: Db, actor: Actor, by: ActingAs, id: number): Promise<Task> {
  const t = await loadTask(db, id, true);
  if (!t) throw notFound("Task");
  assertMayWork(actor, t);
  if (t.assignee_user_id !== null && t.assignee_user_id !== actor.userId)
    throw conflict("Someone else took this task");
  await db.update(tasks).set({ assigneeUserId: actor.userId, updatedAt: new Date() }).where(eq(tasks.id, id));
  await recordAction(db, by, {
    entityType: "task",
    entityId: id,
    action: "take",
    processStep: "worklist.take",
    before: { assigneeUserId: t.assignee_user_id },
    after: { assigneeUserId: actor.userId },
    dealershipId: t.dealership_id,
  });
  return getTask(db, actor, id);
}

/**
 * Records how a call went. No answer is tried again automatically (two hours later, or the next
 * morning) up to the third attempt; "call later" waits for the time the client named; every other
 * outcome closes the task. The call lands on the client's timeline and in the action log.
 */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: TaskOutcomeInput,
): Promise<Task> {
  const t = await loadTask(db, id, true);
  if (!t) throw notFound("Task");
  assertMayWork(actor, t);
  if (t.status !== "open") throw conflict(`This task is ${t.status} already`);
  const now = new Date();
  const attempts = t.attempts + 1;
  const [policy] = await db.select().from(contactPolicy).where(eq(contactPolicy.id, 1));
  let status: Task["status"] = "done";
  let dueAt = new Date(t.due_at);
  if (input.outcome === "no_answer") {
    const next = nextAttempt(now, attempts, policy?.callFromHour ?? 9, policy?.callToHour ?? 21);
    if (next) {
      status = "open";
      dueAt = next;
    }
  } else if (input.outcome === "call_later") {
    const at = new Date(input.callBackAt ?? "");
    if (!(at > now)) throw invalid("body.callBackAt", "must be in the future");
    status = "open";
    dueAt = at;
  }
  const result = input.booking
    ? await makeBooking(db, actor, by, t, input.booking, now)
    : input.result
      ? await checkResult(db, t, input.result)
      : null;
  await db
    .update(tasks)
    .set({
      status,
      outcome: input.outcome,
      attempts,
      lastAttemptAt: now,
      dueAt,
      assigneeUserId: t.assignee_user_id ?? actor.userId,
      resultType: result?.type ?? null,
      resultId: result?.id ?? null,
      updatedAt: now,
      ...(status === "done" ? { completedAt: now, completedByUserId: actor.userId } : {}),
    })
    .where(eq(tasks.id, id));
  if (input.outcome === "reached" || input.outcome === "booked") {
    await db
      .update(lifecyclePoints)
      .set({ status: "taken", updatedAt: now })
      .where(sql`${lifecyclePoints.taskId} = ${id} AND ${lifecyclePoints.status} = 'due'`);
  }
  await db.insert(interactions).values({
    partyId: t.party_id,
    occurredAt: now,
    channel: "call",
    direction: "out",
    dealershipId: t.dealership_id,
    userId: actor.userId,
    vehicleId: t.vehicle_id,
    subject: input.note ? `${t.reason_code}: ${input.note}` : t.reason_code,
    outcome: input.outcome,
    refType: result?.type ?? "task",
    refId: result?.id ?? id,
    payload: { taskId: id, ...(input.booking ? { bookedFor: input.booking.at } : {}) },
  });
  await recordAction(db, by, {
    entityType: "task",
    entityId: id,
    action: `outcome:${input.outcome}`,
    processStep: "worklist.call",
    before: { status: t.status, attempts: t.attempts, dueAt: iso(t.due_at) },
    after: { status, attempts, dueAt: dueAt.toISOString(), note: input.note ?? null, result },
    dealershipId: t.dealership_id,
  });
  return getTask(db, actor, id);
}

/** Moves a task to another time, within its window. */
export async function rescheduleTask(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  dueAt: Date,
): Promise<Task> {
  const t = await loadTask(db, id, true);
  if (!t) throw notFound("Task");
  assertMayWork(actor, t);
  if (t.status !== "open") throw conflict(`This task is ${t.status} already`);
  if (dueAt > new Date(t.window_end)) throw invalid("body.dueAt", "after the end of the task's window");
  await db.update(tasks).set({ dueAt, updatedAt: new Date() }).where(eq(tasks.id, id));
  await recordAction(db, by, {
    entityType: "task",
    entityId: id,
    action: "reschedule",
    processStep: "worklist.reschedule",
    before: { dueAt: iso(t.due_at) },
    after: { dueAt: dueAt.toISOString() },
    dealershipId: t.dealership_id,
  });
  return getTask(db, actor, id);
}

type Result = { type: "work_order" | "deal"; id: number };

const WORK_BY_REASON: Record<string, NonNullable<NonNullable<TaskOutcomeInput["booking"]>["kind"]>> = {
  maintenance_due_km: "maintenance",
  maintenance_due_time: "maintenance",
  tyres_summer: "tyres",
  tyres_winter: "tyres",
  warranty_ends: "diagnostics",
};

/**
 * What a booked call makes: a service visit for a service or call-centre task, an open deal (the
 * client comes to the showroom) for a sales or finance one.
 */
async function makeBooking(
  db: Db,
  actor: Actor,
  by: ActingAs,
  t: TaskRow,
  booking: NonNullable<TaskOutcomeInput["booking"]>,
  now: Date,
): Promise<Result> {
  const at = new Date(booking.at);
  if (!(at > now)) throw invalid("body.booking.at", "must be in the future");
  if (t.queue === "service" || t.queue === "call_center") {
    const vehicleId = booking.vehicleId ?? t.vehicle_id;
    if (!vehicleId) throw invalid("body.booking.vehicleId", "say which car comes in");
    const kind = booking.kind ?? WORK_BY_REASON[t.reason_code] ?? "repair";
    const visit = await bookVisit(db, by, {
      dealershipId: t.dealership_id,
      partyId: t.party_id,
      vehicleId,
      kind,
      ...(typeof t.reason_params.work === "string" ? { summary: t.reason_params.work } : {}),
      at,
      channel: t.source === "scenario" ? "scenario" : "call",
      advisorId: actor.role === "service_advisor" ? actor.userId : null,
    });
    return { type: "work_order", id: visit.id };
  }
  const tradeIn = t.reason_code === "trade_in_year";
  const deal = await openDeal(
    db,
    {
      dealershipId: t.dealership_id,
      partyId: t.party_id,
      kind: tradeIn ? "trade_in" : "new_car",
      source: t.source === "scenario" ? "scenario" : "call",
      salespersonId: actor.userId,
      tradeInVehicleId: tradeIn ? t.vehicle_id : null,
    },
    actingAs(actor),
  );
  return { type: "deal", id: deal.id };
}

/** A booking or deal made elsewhere, linked to the task: it must exist and be this client's. */
async function checkResult(db: Db, t: TaskRow, result: Result): Promise<Result> {
  const table = result.type === "work_order" ? sql`work_orders` : sql`deals`;
  const [row] = await execRows<{ party_id: number }>(
    db,
    sql`SELECT party_id FROM ${table} WHERE id = ${result.id}`,
  );
  if (!row) throw invalid("body.result.id", `no such ${result.type}`);
  if (row.party_id !== t.party_id) throw invalid("body.result.id", `the ${result.type} is another client's`);
  return result;
}

/**
 * A follow-up call a service makes for itself (the NPS survey after a visit): one per need key, in the
 * dealership's service queue, due from `dueAt` until `windowEnd`.
 */
export async function createFollowUpTask(
  db: Db,
  f: {
    partyId: number;
    vehicleId: number | null;
    dealershipId: number;
    reasonCode: string;
    reasonParams: Record<string, unknown>;
    needKey: string;
    dueAt: Date;
    windowEnd: Date;
    assigneeUserId: number | null;
  },
): Promise<number | null> {
  const [row] = await execRows<{ id: number }>(
    db,
    sql`INSERT INTO tasks (kind, party_id, vehicle_id, reason_code, reason_params, need_key, source, dealership_id, queue,
                           assignee_user_id, priority, due_at, window_end, sla_at)
        VALUES ('call', ${f.partyId}, ${f.vehicleId}, ${f.reasonCode}, ${JSON.stringify(f.reasonParams)}::jsonb, ${f.needKey},
                'manual', ${f.dealershipId}, 'service', ${f.assigneeUserId}, 2, ${f.dueAt.toISOString()}::timestamptz,
                ${f.windowEnd.toISOString()}::timestamptz, ${new Date(f.dueAt.getTime() + 86_400_000).toISOString()}::timestamptz)
        ON CONFLICT (need_key) WHERE status = 'open' DO NOTHING
        RETURNING id`,
  );
  return row?.id ?? null;
}
