import type { Message, MessageInput } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { interactions } from "../engagement/schema";
import type { ActingAs, Actor } from "../staff/actor";
import { ProviderError, type Providers } from "./providers";
import { messages } from "./schema";

const CONTACT_KIND = { email: "email", sms: "phone", messenger: "telegram" } as const;

/** Why a message may not go out, or null: the same contact policy the work lists follow. */
export async function policyCheck(
  db: Db,
  partyId: number,
  channel: MessageInput["channel"],
  purpose: MessageInput["purpose"],
  now = new Date(),
): Promise<{ recipient: string } | { refused: string }> {
  const [p] = await execRows<{ blocked: boolean; status: string }>(
    db,
    sql`SELECT blocked, status FROM parties WHERE id = ${partyId}`,
  );
  if (p?.status !== "active") return { refused: "no such client" };
  if (p.blocked) return { refused: "the client is blocked" };
  const [to] = await execRows<{ value: string }>(
    db,
    sql`SELECT value FROM contact_points WHERE party_id = ${partyId} AND kind = ${CONTACT_KIND[channel]}
          AND valid_to IS NULL ORDER BY is_primary DESC, id LIMIT 1`,
  );
  if (!to) return { refused: `the client has no ${CONTACT_KIND[channel]} contact` };
  // Marketing needs the client's yes on this channel; service messages only that they have not said no.
  const [consent] = await execRows<{ granted: boolean }>(
    db,
    sql`SELECT granted FROM consents WHERE party_id = ${partyId} AND channel = ${channel} AND purpose = ${purpose}
          AND valid_to IS NULL ORDER BY id DESC LIMIT 1`,
  );
  if (purpose === "marketing" ? consent?.granted !== true : consent?.granted === false) {
    return { refused: `no consent to ${purpose} messages by ${channel}` };
  }
  const [cap] = await execRows<{ cap: number; recent: number }>(
    db,
    sql`SELECT coalesce((SELECT max_contacts_per_week FROM contact_policy WHERE id = 1), 2) AS cap,
               (SELECT count(*)::int FROM tasks t WHERE t.party_id = ${partyId} AND t.created_at > ${now.toISOString()}::timestamptz - interval '7 days')
             + (SELECT count(*)::int FROM interactions i WHERE i.party_id = ${partyId} AND i.direction = 'out'
                  AND i.occurred_at > ${now.toISOString()}::timestamptz - interval '7 days') AS recent`,
  );
  if (cap && cap.recent >= cap.cap) return { refused: `the weekly cap of ${cap.cap} contacts is reached` };
  return { recipient: to.value };
}

/**
 * Sends a message to a client on a channel, if the contact policy allows: consent for the purpose on
 * that channel, not blocked, within the weekly cap across channels. A sent message lands on the
 * timeline (and so counts against the cap); a provider's refusal is kept with its reason.
 */
export async function sendMessage(
  db: Db,
  providers: Providers,
  actor: Actor,
  by: ActingAs,
  input: MessageInput,
): Promise<Message> {
  const check = await policyCheck(db, input.clientId, input.channel, input.purpose);
  if ("refused" in check) {
    if (check.refused === "no such client") throw notFound("Client");
    throw conflict(`Not sent: ${check.refused}`, [{ field: "channel", message: check.refused }]);
  }
  const provider = providers[input.channel];
  let externalId: string | null = null;
  let error: string | null = null;
  try {
    externalId = (await provider.send({ to: check.recipient, subject: input.subject, text: input.text }))
      .externalId;
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    error = err.message;
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    let interactionId: number | null = null;
    if (!error) {
      const [row] = await tx
        .insert(interactions)
        .values({
          partyId: input.clientId,
          occurredAt: now,
          channel: input.channel,
          direction: "out",
          dealershipId: actor.dealershipId,
          userId: actor.userId,
          subject: input.subject ?? input.text.slice(0, 120),
          body: input.text,
          refType: "message",
        })
        .returning({ id: interactions.id });
      interactionId = row?.id ?? null;
    }
    const [saved] = await tx
      .insert(messages)
      .values({
        partyId: input.clientId,
        channel: input.channel,
        provider: provider.name,
        purpose: input.purpose,
        recipient: check.recipient,
        subject: input.subject ?? null,
        body: input.text,
        status: error ? "failed" : "sent",
        error,
        externalId,
        sentByUserId: actor.userId,
        interactionId,
        createdAt: now,
      })
      .returning();
    if (!saved) throw new Error("message insert returned nothing");
    if (interactionId !== null) {
      await tx.execute(sql`UPDATE interactions SET ref_id = ${saved.id} WHERE id = ${interactionId}`);
    }
    await recordAction(tx, by, {
      entityType: "message",
      entityId: saved.id,
      action: error ? "send_failed" : "send",
      processStep: `message.${input.channel}`,
      after: {
        clientId: input.clientId,
        channel: input.channel,
        provider: provider.name,
        purpose: input.purpose,
        error,
      },
    });
    return {
      id: saved.id,
      clientId: saved.partyId,
      channel: saved.channel,
      provider: saved.provider,
      to: saved.recipient,
      status: saved.status,
      error: saved.error,
      at: saved.createdAt.toISOString(),
    };
  });
}
