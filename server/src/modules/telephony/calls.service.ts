import type { Call, CallHandover } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, forbidden, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { bookVisit } from "../service/bookings.service";
import type { ActingAs, Actor } from "../staff/actor";
import { createCallTask } from "../tasks/callbacks.service";
import { scriptById } from "./config.service";
import { creditHandover } from "./points.service";

interface CallJson {
  id: number;
  direction: "in" | "out";
  phone: string | null;
  raw_number: string;
  party_id: number | null;
  client_name: string | null;
  segment: string | null;
  dealership_id: number | null;
  extension: string | null;
  user_id: number | null;
  user_name: string | null;
  first_user_id: number | null;
  state: Call["state"];
  outcome: Call["outcome"];
  started_at: string;
  ringing_at: string | null;
  answered_at: string | null;
  ended_at: string | null;
  recording_url: string | null;
  escalation_step: number;
  escalated_to: { userId: number; at: string; name: string }[];
  script_id: number | null;
  script_progress: Record<string, string>;
  callback_task_id: number | null;
  callback_status: string | null;
  callback_assignee: string | null;
  handover_type: string | null;
  handover_id: number | null;
  handover_at: string | null;
}

const SELECT = sql`SELECT c.*, p.display_name AS client_name, p.segment, u.full_name AS user_name,
    t.status AS callback_status, ta.full_name AS callback_assignee,
    (SELECT coalesce(json_agg(json_build_object('userId', (x->>'userId')::int, 'at', x->>'at', 'name', eu.full_name)), '[]')
       FROM jsonb_array_elements(c.escalated_to) x JOIN users eu ON eu.id = (x->>'userId')::int) AS escalated_to
  FROM calls c
  LEFT JOIN parties p ON p.id = c.party_id
  LEFT JOIN users u ON u.id = coalesce(c.user_id, c.first_user_id)
  LEFT JOIN tasks t ON t.id = c.callback_task_id
  LEFT JOIN users ta ON ta.id = t.assignee_user_id`;

const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : null);
const seconds = (a: string | null, b: string | null) =>
  a && b ? Math.max(0, Math.round((new Date(b).getTime() - new Date(a).getTime()) / 1000)) : null;

async function toCall(db: Db, r: CallJson): Promise<Call> {
  const script = await scriptById(db, r.script_id);
  return {
    id: r.id,
    direction: r.direction,
    phone: r.phone,
    rawNumber: r.raw_number,
    client:
      r.party_id !== null ? { id: r.party_id, name: r.client_name ?? "", segment: r.segment ?? "" } : null,
    dealershipId: r.dealership_id,
    extension: r.extension,
    userId: r.user_id ?? r.first_user_id,
    userName: r.user_name,
    state: r.state,
    outcome: r.outcome,
    startedAt: iso(r.started_at) as string,
    answeredAt: iso(r.answered_at),
    endedAt: iso(r.ended_at),
    waitS: seconds(r.started_at, r.answered_at ?? r.ended_at),
    talkS: seconds(r.answered_at, r.ended_at),
    hasRecording: r.recording_url !== null,
    escalationStep: r.escalation_step,
    escalatedTo: r.escalated_to.map((x) => ({ userId: x.userId, name: x.name, at: iso(x.at) as string })),
    script: script
      ? {
          id: script.id,
          targetS: script.targetS,
          steps: script.steps.map((s) => ({
            code: s.code,
            key: s.key,
            doneAt: r.script_progress[s.code] ?? null,
          })),
        }
      : null,
    callback: r.callback_task_id
      ? { taskId: r.callback_task_id, status: r.callback_status ?? "open", assigneeName: r.callback_assignee }
      : null,
    handover:
      r.handover_type && r.handover_id
        ? { type: r.handover_type, id: r.handover_id, at: iso(r.handover_at) as string }
        : null,
  };
}

const SUPERVISORS = new Set(["admin", "director", "sales_manager", "call_center_head"]);

/** Who may see a call: the employees it rang for, supervisors of its dealership, the contact centre. */
function maySee(actor: Actor, r: CallJson): boolean {
  if ([r.user_id, r.first_user_id, ...r.escalated_to.map((x) => x.userId)].includes(actor.userId))
    return true;
  const sameDealership =
    actor.dealershipId === null || r.dealership_id === null || actor.dealershipId === r.dealership_id;
  return sameDealership && (SUPERVISORS.has(actor.role) || actor.role === "call_center_operator");
}

async function load(db: Db, id: number, lock = false): Promise<CallJson | undefined> {
  const [row] = await execRows<CallJson>(
    db,
    sql`${SELECT} WHERE c.id = ${id}${lock ? sql` FOR UPDATE OF c` : sql``}`,
  );
  return row;
}

export async function getCall(db: Db, actor: Actor, id: number): Promise<Call> {
  const r = await load(db, id);
  if (!r || !maySee(actor, r)) throw notFound("Call");
  return toCall(db, r);
}

/** The calls ringing at or being talked on by this employee now: the call panel after a page reload. */
export async function myLiveCalls(db: Db, actor: Actor): Promise<Call[]> {
  const rows = await execRows<CallJson>(
    db,
    sql`${SELECT} WHERE c.state <> 'ended' AND c.started_at > now() - interval '2 hours'
          AND (c.user_id = ${actor.userId} OR (c.state = 'ringing' AND (c.first_user_id = ${actor.userId}
               OR c.escalated_to @> ${JSON.stringify([{ userId: actor.userId }])}::jsonb)))
        ORDER BY c.started_at DESC LIMIT 5`,
  );
  return Promise.all(rows.map((r) => toCall(db, r)));
}

/**
 * The missed-call journal: incoming calls nobody answered, newest first; "open" are those whose call-back
 * is not done yet (or that have no client to call back for yet), "handled" the rest.
 */
export async function missedCalls(
  db: Db,
  actor: Actor,
  q: { status: "open" | "handled" | "all"; limit: number; offset: number },
): Promise<{ total: number; calls: Call[] }> {
  const conditions: SQL[] = [sql`c.direction = 'in'`, sql`c.outcome IN ('missed', 'busy', 'failed')`];
  if (actor.dealershipId !== null)
    conditions.push(sql`(c.dealership_id = ${actor.dealershipId} OR c.first_user_id = ${actor.userId})`);
  if (!SUPERVISORS.has(actor.role) && actor.role !== "call_center_operator") {
    conditions.push(sql`(c.first_user_id = ${actor.userId} OR t.assignee_user_id = ${actor.userId})`);
  }
  const open = sql`(t.status = 'open' OR (c.callback_task_id IS NULL AND c.handover_at IS NULL))`;
  if (q.status === "open") conditions.push(open);
  if (q.status === "handled") conditions.push(sql`NOT ${open}`);
  const where = sql.join(conditions, sql` AND `);
  const [count] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM calls c LEFT JOIN tasks t ON t.id = c.callback_task_id WHERE ${where}`,
  );
  const rows = await execRows<CallJson>(
    db,
    sql`${SELECT} WHERE ${where} ORDER BY c.started_at DESC, c.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { total: count?.n ?? 0, calls: await Promise.all(rows.map((r) => toCall(db, r))) };
}

function assertOwnCall(actor: Actor, r: CallJson): void {
  if (r.user_id !== actor.userId && !SUPERVISORS.has(actor.role))
    throw forbidden("This is someone else's call");
}

/** The operator ticks a script step as done (or undoes it) during the call. */
export async function tickScriptStep(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: { step: string; done: boolean },
): Promise<Call> {
  const r = await load(db, id, true);
  if (!r) throw notFound("Call");
  assertOwnCall(actor, r);
  const script = await scriptById(db, r.script_id);
  if (!script) throw conflict("This call has no script");
  if (!script.steps.some((s) => s.code === input.step))
    throw invalid("body.step", "not a step of the call's script");
  await db.execute(
    input.done
      ? sql`UPDATE calls SET script_progress = script_progress || jsonb_build_object(${input.step}::text, ${new Date().toISOString()}::text) WHERE id = ${id}`
      : sql`UPDATE calls SET script_progress = script_progress - ${input.step}::text WHERE id = ${id}`,
  );
  await recordAction(db, by, {
    entityType: "call",
    entityId: id,
    action: input.done ? "script_step" : "script_step_undone",
    processStep: `call.script.${input.step}`,
    after: { step: input.step, done: input.done },
    dealershipId: r.dealership_id,
  });
  return getCall(db, actor, id);
}

/**
 * The operator passes the client on: a service visit booked on the call, or a task for a service
 * advisor to call the client. Done in time, it returns the operator's stake (Wilgood's rule).
 */
export async function handOver(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: CallHandover,
): Promise<{ call: Call; points: number }> {
  const r = await load(db, id, true);
  if (!r) throw notFound("Call");
  assertOwnCall(actor, r);
  if (r.party_id === null) throw conflict("Save the caller as a client first");
  if (r.answered_at === null) throw conflict("The call was not answered");
  if (r.handover_type !== null) throw conflict("This call's client was passed on already");
  const now = new Date();
  const dealershipId = r.dealership_id ?? actor.dealershipId ?? (await firstDealership(db));
  let handover: { type: string; id: number };
  if (input.kind === "booking") {
    const at = new Date(input.at);
    if (!(at > now)) throw invalid("body.at", "must be in the future");
    const visit = await bookVisit(db, by, {
      dealershipId,
      partyId: r.party_id,
      vehicleId: input.vehicleId,
      kind: input.work,
      summary: input.note ?? input.work,
      at,
      channel: "call",
    });
    handover = { type: "work_order", id: visit.id };
  } else {
    const taskId = await createCallTask(db, by, {
      partyId: r.party_id,
      dealershipId,
      queue: "service",
      assigneeUserId: null,
      reasonCode: "call_handover",
      reasonParams: { note: input.note ?? "", operator: actor.fullName },
      callId: id,
      slaMinutes: 30,
      now,
    });
    handover = { type: "task", id: taskId };
  }
  await db.execute(
    sql`UPDATE calls SET handover_type = ${handover.type}, handover_id = ${handover.id}, handover_at = ${now.toISOString()}::timestamptz WHERE id = ${id}`,
  );
  const points = await creditHandover(db, {
    callId: id,
    userId: actor.userId,
    role: actor.role,
    answeredAt: new Date(r.answered_at),
    at: now,
    partyId: r.party_id,
  });
  await recordAction(db, by, {
    entityType: "call",
    entityId: id,
    action: "handover",
    processStep: "call.handover",
    after: { ...handover, points },
    dealershipId,
  });
  return { call: await getCall(db, actor, id), points };
}

/** A caller saved as a new client from the pop-up: the call (and its timeline entry) become theirs. */
export async function linkClient(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  clientId: number,
): Promise<Call> {
  const r = await load(db, id, true);
  if (!r) throw notFound("Call");
  assertOwnCall(actor, r);
  if (r.party_id !== null && r.party_id !== clientId) throw conflict("The call is another client's");
  const [party] = await execRows<{ id: number }>(
    db,
    sql`SELECT id FROM parties WHERE id = ${clientId} AND status = 'active'`,
  );
  if (!party) throw invalid("body.clientId", "no such client");
  await db.execute(sql`UPDATE calls SET party_id = ${clientId} WHERE id = ${id}`);
  await recordAction(db, by, {
    entityType: "call",
    entityId: id,
    action: "link_client",
    processStep: "call.identified",
    after: { clientId },
    dealershipId: r.dealership_id,
  });
  return getCall(db, actor, id);
}

async function firstDealership(db: Db): Promise<number> {
  const [row] = await execRows<{ id: number }>(db, sql`SELECT id FROM dealerships ORDER BY id LIMIT 1`);
  if (!row) throw new Error("no dealership");
  return row.id;
}
