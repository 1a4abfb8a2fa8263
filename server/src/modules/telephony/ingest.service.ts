import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { enqueue } from "../../platform/jobs/queue";
import { pushToUsers } from "../../platform/push/hub";
import { recordAction } from "../audit/service";
import { interactions } from "../engagement/schema";
import { systemProcess } from "../staff/actor";
import { createCallTask } from "../tasks/callbacks.service";
import { chainFor, defaultScript } from "./config.service";
import { callbackOwner, nextEscalation } from "./escalation";
import type { CallEvent } from "./events";
import { type CallerClient, clientByPhone, dealershipByLine, e164Of, userByExtension } from "./lookup";
import { chargeOnAnswer } from "./points.service";

export interface PbxRow {
  id: number;
  code: string;
  kind: string;
  dealershipId: number | null;
}

export interface CallRow {
  id: number;
  direction: "in" | "out";
  raw_number: string;
  phone: string | null;
  party_id: number | null;
  dealership_id: number | null;
  extension: string | null;
  first_user_id: number | null;
  user_id: number | null;
  state: "ringing" | "answered" | "ended";
  outcome: string | null;
  started_at: Date;
  ringing_at: Date | null;
  answered_at: Date | null;
  ended_at: Date | null;
  recording_url: string | null;
  chain_id: number | null;
  escalation_step: number;
  escalated_to: { userId: number; at: string }[];
  script_id: number | null;
  interaction_id: number | null;
}

export const by = systemProcess("telephony");
export const TELEPHONY_JOB = "telephony.escalate";

/** What the browser pops: the call, and the client it is (or the number, to make a new client). */
export function popOf(call: CallRow, client: CallerClient | null, extra: Record<string, unknown> = {}) {
  return {
    type: "call.ringing",
    callId: call.id,
    direction: call.direction,
    number: call.phone ?? call.raw_number,
    client,
    extension: call.extension,
    startedAt: new Date(call.started_at).toISOString(),
    ...extra,
  };
}

async function lockCall(db: Db, pbxId: number, externalId: string): Promise<CallRow | undefined> {
  const [row] = await execRows<CallRow>(
    db,
    sql`SELECT * FROM calls WHERE pbx_id = ${pbxId} AND external_id = ${externalId} FOR UPDATE`,
  );
  return row;
}

async function clientOf(db: Db, partyId: number | null): Promise<CallerClient | null> {
  if (partyId === null) return null;
  const [row] = await execRows<CallerClient>(
    db,
    sql`SELECT id, display_name AS name, segment FROM parties WHERE id = ${partyId}`,
  );
  return row ?? null;
}

/**
 * Applies one PBX event to its call, in the caller's transaction: a repeated event changes nothing; a
 * ringing extension pops the client's card in its employee's browser (or a new-client form for an unknown
 * number) and starts the escalation clock; an answer charges the operator's stake; the end puts the call
 * on the client's timeline and a missed one in the journal with a call-back task.
 */
export async function ingestCallEvent(
  db: Db,
  pbx: PbxRow,
  e: CallEvent,
): Promise<{ duplicate: boolean; callId: number | null }> {
  const fresh = await execRows<{ event_id: string }>(
    db,
    sql`INSERT INTO call_events (pbx_id, event_id, type, at, payload)
        VALUES (${pbx.id}, ${e.eventId}, ${e.type}, ${e.at.toISOString()}::timestamptz, ${JSON.stringify(e)}::jsonb)
        ON CONFLICT DO NOTHING RETURNING event_id`,
  );
  if (fresh.length === 0) return { duplicate: true, callId: null };

  let call = await lockCall(db, pbx.id, e.callId);
  if (!call) {
    // A recording for a call Orbit never saw (it began before Orbit listened): nothing to attach it to.
    if (e.type === "recording") return { duplicate: false, callId: null };
    const phone = e164Of(e.number);
    const client = phone ? await clientByPhone(db, phone) : null;
    const dealershipId = pbx.dealershipId ?? (await dealershipByLine(db, e.line));
    await db.execute(
      sql`INSERT INTO calls (pbx_id, external_id, direction, raw_number, phone, line_number, party_id, dealership_id,
                             state, started_at)
          VALUES (${pbx.id}, ${e.callId}, ${e.direction ?? "in"}, ${e.number ?? ""}, ${phone}, ${e.line ?? null},
                  ${client?.id ?? null}, ${dealershipId}, 'ringing', ${e.at.toISOString()}::timestamptz)
          ON CONFLICT (pbx_id, external_id) DO NOTHING`,
    );
    call = (await lockCall(db, pbx.id, e.callId)) as CallRow;
  } else if (!call.raw_number && e.number) {
    const phone = e164Of(e.number);
    const client = phone ? await clientByPhone(db, phone) : null;
    await db.execute(
      sql`UPDATE calls SET raw_number = ${e.number}, phone = ${phone}, party_id = coalesce(party_id, ${client?.id ?? null})
          WHERE id = ${call.id}`,
    );
    call = { ...call, raw_number: e.number, phone, party_id: call.party_id ?? client?.id ?? null };
  }
  await db.execute(
    sql`UPDATE call_events SET call_id = ${call.id} WHERE pbx_id = ${pbx.id} AND event_id = ${e.eventId}`,
  );

  switch (e.type) {
    case "started":
      if (call.direction === "out" && e.extension) await ringing(db, pbx, call, e, false);
      break;
    case "ringing":
      await ringing(db, pbx, call, e, call.direction === "in");
      break;
    case "answered":
      await answered(db, call, e);
      break;
    case "ended":
      await ended(db, call, e);
      break;
    case "recording":
      await db.execute(sql`UPDATE calls SET recording_url = ${e.recordingUrl ?? null} WHERE id = ${call.id}`);
      if (call.interaction_id !== null) {
        await db.execute(
          sql`UPDATE interactions SET recording_url = ${e.recordingUrl ?? null} WHERE id = ${call.interaction_id}`,
        );
      }
      break;
  }
  return { duplicate: false, callId: call.id };
}

async function ringing(db: Db, pbx: PbxRow, call: CallRow, e: CallEvent, pop: boolean): Promise<void> {
  if (call.state !== "ringing") return;
  const user = await userByExtension(db, e.extension);
  const dealershipId = call.dealership_id ?? user?.dealershipId ?? null;
  const first = call.first_user_id ?? user?.id ?? null;
  const ringingAt = call.ringing_at ? new Date(call.ringing_at) : e.at;
  const chain = call.chain_id === null && call.direction === "in" ? await chainFor(db, dealershipId) : null;
  await db.execute(
    sql`UPDATE calls SET extension = ${e.extension ?? null}, ringing_at = ${ringingAt.toISOString()}::timestamptz,
               first_user_id = ${first}, dealership_id = ${dealershipId},
               user_id = CASE WHEN direction = 'out' THEN ${user?.id ?? null}::int ELSE user_id END,
               chain_id = coalesce(chain_id, ${chain?.id ?? null}::int)
         WHERE id = ${call.id}`,
  );
  const updated = { ...call, extension: e.extension ?? null, dealership_id: dealershipId };
  if (pop && user) {
    await pushToUsers(
      db,
      [user.id],
      popOf(updated, await clientOf(db, call.party_id), { simulated: pbx.code === "simulator" }),
    );
  }
  if (chain && call.ringing_at === null) {
    const next = nextEscalation(chain.strategy, chain.steps, 0, ringingAt);
    if (next) {
      await enqueue(
        db,
        TELEPHONY_JOB,
        { callId: call.id, step: next.step },
        {
          runAt: next.at,
          dedupeKey: `escalate:${call.id}:${next.step}`,
        },
      );
    }
  }
  await recordAction(db, by, {
    entityType: "call",
    entityId: call.id,
    action: call.direction === "in" ? "ringing" : "dialling",
    processStep: call.direction === "in" ? "call.ringing" : "call.dialling",
    after: { extension: e.extension ?? null, userId: user?.id ?? null, clientId: call.party_id },
    dealershipId,
  });
}

async function answered(db: Db, call: CallRow, e: CallEvent): Promise<void> {
  if (call.state !== "ringing") return;
  const user = await userByExtension(db, e.extension);
  const script = await defaultScript(db);
  await db.execute(
    sql`UPDATE calls SET state = 'answered', answered_at = ${e.at.toISOString()}::timestamptz,
               extension = ${e.extension ?? call.extension}, user_id = ${user?.id ?? null},
               first_user_id = coalesce(first_user_id, ${user?.id ?? null}), script_id = ${script?.id ?? null}
         WHERE id = ${call.id}`,
  );
  if (user) {
    await pushToUsers(db, [user.id], {
      type: "call.answered",
      callId: call.id,
      client: await clientOf(db, call.party_id),
      number: call.phone ?? call.raw_number,
      answeredAt: e.at.toISOString(),
    });
    if (call.direction === "in")
      await chargeOnAnswer(db, {
        callId: call.id,
        userId: user.id,
        role: user.role,
        at: e.at,
        partyId: call.party_id,
      });
  }
  // Everyone else whose screen showed the call: someone took it.
  const others = [call.first_user_id, ...call.escalated_to.map((x) => x.userId)].filter(
    (id): id is number => id !== null && id !== user?.id,
  );
  await pushToUsers(db, others, {
    type: "call.closed",
    callId: call.id,
    takenBy: user?.name ?? e.extension ?? null,
  });
  await recordAction(db, by, {
    entityType: "call",
    entityId: call.id,
    action: "answered",
    processStep: "call.answered",
    after: {
      extension: e.extension ?? null,
      userId: user?.id ?? null,
      waitS: secondsBetween(call.started_at, e.at),
    },
    dealershipId: call.dealership_id,
  });
}

const secondsBetween = (a: Date | string, b: Date | string) =>
  Math.max(0, Math.round((new Date(b).getTime() - new Date(a).getTime()) / 1000));

async function ended(db: Db, call: CallRow, e: CallEvent): Promise<void> {
  if (call.state === "ended") return;
  const wasAnswered = call.answered_at !== null;
  const outcome = wasAnswered
    ? "answered"
    : e.reason === "busy"
      ? "busy"
      : e.reason === "failed"
        ? "failed"
        : "missed";
  const talkS = wasAnswered ? secondsBetween(call.answered_at as Date, e.at) : 0;
  let interactionId: number | null = null;
  if (call.party_id !== null) {
    const [row] = await db
      .insert(interactions)
      .values({
        partyId: call.party_id,
        occurredAt: new Date(call.started_at),
        channel: "call",
        direction: call.direction,
        dealershipId: call.dealership_id,
        userId: call.user_id ?? call.first_user_id,
        subject: call.direction === "in" ? (wasAnswered ? "call_in" : "call_missed") : "call_out",
        outcome: wasAnswered ? "reached" : "no_answer",
        durationS: talkS,
        recordingUrl: call.recording_url,
        refType: "call",
        refId: call.id,
        payload: { callId: call.id, extension: call.extension },
      })
      .returning({ id: interactions.id });
    interactionId = row?.id ?? null;
  }
  let callbackTaskId: number | null = null;
  if (outcome !== "answered" && call.direction === "in" && call.party_id !== null) {
    const chain = await chainFor(db, call.dealership_id);
    const dealershipId = call.dealership_id ?? (await anyDealership(db));
    const owner = callbackOwner(chain.strategy, call.first_user_id);
    callbackTaskId = await createCallTask(db, by, {
      partyId: call.party_id,
      dealershipId,
      queue: chain.callbackQueue,
      assigneeUserId: owner.assignee,
      reasonCode: "missed_call",
      reasonParams: { at: new Date(call.started_at).toISOString(), phone: call.phone ?? call.raw_number },
      callId: call.id,
      slaMinutes: chain.callbackSlaMinutes,
      now: e.at,
    });
  }
  await db.execute(
    sql`UPDATE calls SET state = 'ended', outcome = ${outcome}, ended_at = ${e.at.toISOString()}::timestamptz,
               interaction_id = ${interactionId}, callback_task_id = ${callbackTaskId}
         WHERE id = ${call.id}`,
  );
  const watchers = [call.user_id, call.first_user_id, ...call.escalated_to.map((x) => x.userId)].filter(
    (id): id is number => id !== null,
  );
  await pushToUsers(db, watchers, { type: "call.ended", callId: call.id, outcome, callbackTaskId });
  await recordAction(db, by, {
    entityType: "call",
    entityId: call.id,
    action: outcome === "answered" ? "ended" : "missed",
    processStep: outcome === "answered" ? "call.ended" : "call.missed",
    after: { outcome, talkS, callbackTaskId, clientId: call.party_id },
    dealershipId: call.dealership_id,
  });
}

async function anyDealership(db: Db): Promise<number> {
  const [row] = await execRows<{ id: number }>(db, sql`SELECT id FROM dealerships ORDER BY id LIMIT 1`);
  if (!row) throw new Error("no dealership to hold the call-back task");
  return row.id;
}
