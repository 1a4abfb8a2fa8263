import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { enqueue } from "../../platform/jobs/queue";
import { pushToUsers } from "../../platform/push/hub";
import { recordAction } from "../audit/service";
import { chainById } from "./config.service";
import { nextEscalation, type Step } from "./escalation";
import { by, type CallRow, popOf, TELEPHONY_JOB } from "./ingest.service";

interface Target {
  id: number;
  name: string;
}

/** The employee a step names, for this call: its department's head, the contact centre's, the director. */
async function resolveTarget(db: Db, step: Step, call: CallRow): Promise<Target | null> {
  const one = async (q: ReturnType<typeof sql>) => (await execRows<Target>(db, q))[0] ?? null;
  const director = () =>
    one(sql`SELECT id, full_name AS name FROM users WHERE role = 'director' AND active
             AND (dealership_id = ${call.dealership_id} OR dealership_id IS NULL)
             ORDER BY (dealership_id IS NULL), id LIMIT 1`);
  const centreHead = () =>
    one(
      sql`SELECT id, full_name AS name FROM users WHERE role = 'call_center_head' AND active ORDER BY id LIMIT 1`,
    );
  switch (step.target) {
    case "user":
      return one(sql`SELECT id, full_name AS name FROM users WHERE id = ${step.userId} AND active`);
    case "director":
      return director();
    case "group_director":
      return one(sql`SELECT id, full_name AS name FROM users WHERE role = 'director' AND active
                      AND dealership_id IS NULL ORDER BY id LIMIT 1`);
    case "call_center_head":
      return centreHead();
    case "department_head": {
      // The head of the rung employee's department; group-wide operators answer to the contact centre's head.
      const head = await one(
        sql`SELECT h.id, h.full_name AS name FROM users u
              JOIN departments d ON d.id = u.department_id JOIN users h ON h.id = d.head_user_id
             WHERE u.id = ${call.first_user_id} AND h.active AND h.id <> u.id`,
      );
      return head ?? (await centreHead()) ?? director();
    }
  }
}

/**
 * A call still ringing when a step of its chain falls due goes up: the step's employee sees it pop up
 * (with who it rang for and for how long) and the next step is scheduled. A call answered or ended in
 * the meantime is left alone, so a late job does nothing.
 */
export async function escalateCall(
  db: Db,
  callId: number,
  step: number,
): Promise<{ escalated: boolean; to?: number }> {
  const [call] = await execRows<CallRow>(db, sql`SELECT * FROM calls WHERE id = ${callId} FOR UPDATE`);
  if (call?.state !== "ringing" || call.escalation_step >= step) return { escalated: false };
  const chain = await chainById(db, call.chain_id);
  const def = chain?.steps[step - 1];
  if (!chain || !def) return { escalated: false };
  const target = await resolveTarget(db, def, call);
  const seen = new Set([call.first_user_id, ...call.escalated_to.map((x) => x.userId)]);
  const now = new Date();
  const escalatedTo =
    target && !seen.has(target.id)
      ? [...call.escalated_to, { userId: target.id, at: now.toISOString() }]
      : call.escalated_to;
  await db.execute(
    sql`UPDATE calls SET escalation_step = ${step}, escalated_to = ${JSON.stringify(escalatedTo)}::jsonb WHERE id = ${call.id}`,
  );
  if (target && !seen.has(target.id)) {
    const [client] = await execRows<{ id: number; name: string; segment: string }>(
      db,
      sql`SELECT id, display_name AS name, segment FROM parties WHERE id = ${call.party_id}`,
    );
    const [rung] = await execRows<{ name: string }>(
      db,
      sql`SELECT full_name AS name FROM users WHERE id = ${call.first_user_id}`,
    );
    await pushToUsers(
      db,
      [target.id],
      popOf(call, client ?? null, {
        escalation: {
          step,
          from: rung?.name ?? call.extension,
          waitingS: Math.round(
            (now.getTime() - new Date(call.ringing_at ?? call.started_at).getTime()) / 1000,
          ),
        },
      }),
    );
  }
  const next = nextEscalation(
    chain.strategy,
    chain.steps,
    step,
    new Date(call.ringing_at ?? call.started_at),
  );
  if (next) {
    await enqueue(
      db,
      TELEPHONY_JOB,
      { callId: call.id, step: next.step },
      { runAt: next.at, dedupeKey: `escalate:${call.id}:${next.step}` },
    );
  }
  await recordAction(db, by, {
    entityType: "call",
    entityId: call.id,
    action: "escalated",
    processStep: "call.escalated",
    after: { step, target: def.target, userId: target?.id ?? null },
    dealershipId: call.dealership_id,
  });
  return target ? { escalated: true, to: target.id } : { escalated: true };
}
