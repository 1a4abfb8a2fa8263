import type { EventBatch } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { createClient } from "../identity/clients.service";
import { normalizeEmail } from "../identity/email";
import type { Matcher } from "../identity/matching.service";
import { normalizePhone } from "../identity/phone";
import { systemProcess } from "../staff/actor";

type Events = z.output<typeof EventBatch>["events"];

/**
 * Takes a batch of web, portal or app events. Set-wise: one statement stores them all (an event id
 * seen before is skipped, so a retried batch changes nothing); a visitor who tells who they are (a
 * phone or e-mail on a form) is tied to the client, with their earlier anonymous events; a request from
 * someone Orbit does not know yet creates the client, as any new client is created.
 */
export async function ingestEvents(
  db: Db,
  matcher: Matcher,
  source: "site" | "portal" | "app",
  events: Events,
): Promise<{ accepted: number; duplicates: number; linked: number }> {
  // Who the identifying events name: a phone or an e-mail Orbit knows.
  const told = new Map<
    string,
    { phone?: string; email?: string; name?: string; payload: Record<string, unknown> }
  >();
  for (const e of events) {
    if (!e.client) continue;
    const phone = e.client.phone ? normalizePhone(e.client.phone) : null;
    told.set(e.visitorId, {
      ...(phone?.valid ? { phone: phone.e164 } : {}),
      ...(e.client.email ? { email: normalizeEmail(e.client.email) } : {}),
      ...(e.client.name ? { name: e.client.name } : {}),
      payload: e.payload,
    });
  }
  const visitorIds = [...new Set(events.map((e) => e.visitorId))];
  await db.execute(
    sql`INSERT INTO visitors (visitor_id) SELECT unnest(${sql.param(visitorIds)}::text[]) ON CONFLICT DO NOTHING`,
  );

  let linked = 0;
  for (const [visitorId, who] of told) {
    const values = [who.phone, who.email].filter((v): v is string => Boolean(v));
    if (values.length === 0) continue;
    let [hit] = await execRows<{ party_id: number }>(
      db,
      sql`SELECT c.party_id FROM contact_points c JOIN parties p ON p.id = c.party_id AND p.status = 'active'
           WHERE c.value = ANY(${sql.param(values)}::text[]) AND c.valid_to IS NULL ORDER BY c.party_id LIMIT 1`,
    );
    if (!hit && who.name && who.phone) {
      // A request from someone new: a client like any other, from the web site, matched as any other.
      const result = await createClient(
        db,
        systemProcess(`events:${source}`),
        matcher,
        {
          kind: "person",
          fullName: who.name,
          phones: [who.phone],
          emails: who.email ? [who.email] : [],
          messengers: [],
          vins: [],
          consents: [],
        },
        { sourceSystem: source === "site" ? "web" : source, sourceKey: `visitor:${visitorId}` },
      );
      hit = { party_id: result.clientId };
    }
    if (!hit) continue;
    const changed = await execRows<{ visitor_id: string }>(
      db,
      sql`UPDATE visitors SET party_id = ${hit.party_id}, linked_at = now()
           WHERE visitor_id = ${visitorId} AND party_id IS DISTINCT FROM ${hit.party_id} RETURNING visitor_id`,
    );
    if (changed.length) {
      linked++;
      // The visitor's earlier anonymous events belong to the client too.
      await db.execute(
        sql`UPDATE web_events SET party_id = ${hit.party_id} WHERE visitor_id = ${visitorId} AND party_id IS NULL`,
      );
    }
  }

  const inserted = await execRows<{ n: number }>(
    db,
    sql`WITH e AS (
          SELECT * FROM unnest(${sql.param(events.map((e) => e.id))}::text[],
                               ${sql.param(events.map((e) => e.type))}::text[],
                               ${sql.param(events.map((e) => e.occurredAt))}::timestamptz[],
                               ${sql.param(events.map((e) => e.visitorId))}::text[],
                               ${sql.param(events.map((e) => JSON.stringify(e.payload)))}::jsonb[])
                 AS x(id, type, occurred_at, visitor_id, payload)),
        ins AS (
          INSERT INTO web_events (id, source, type, occurred_at, visitor_id, party_id, payload)
          SELECT e.id, ${source}, e.type, e.occurred_at, e.visitor_id, v.party_id, e.payload
            FROM e LEFT JOIN visitors v ON v.visitor_id = e.visitor_id
          ON CONFLICT (id) DO NOTHING RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  const accepted = inserted[0]?.n ?? 0;
  return { accepted, duplicates: events.length - accepted, linked };
}

/**
 * An event of a signed-in client of the portal: known, so tied to them at once (their portal visitor
 * id is "portal:<client>"). The id makes a repeat a no-op. The abandoned-booking scenario reads the
 * portal's "booking_started" and "booking_completed" events like the site's.
 */
export async function recordClientEvent(
  db: Db,
  partyId: number,
  event: { id: string; type: string; payload: Record<string, unknown>; occurredAt?: Date },
): Promise<boolean> {
  const visitorId = `portal:${partyId}`;
  await db.execute(
    sql`INSERT INTO visitors (visitor_id, party_id, linked_at) VALUES (${visitorId}, ${partyId}, now()) ON CONFLICT DO NOTHING`,
  );
  const inserted = await execRows<{ id: string }>(
    db,
    sql`INSERT INTO web_events (id, source, type, occurred_at, visitor_id, party_id, payload)
        VALUES (${`portal:${event.id}`}, 'portal', ${event.type}, ${(event.occurredAt ?? new Date()).toISOString()}::timestamptz,
                ${visitorId}, ${partyId}, ${JSON.stringify(event.payload)}::jsonb)
        ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return inserted.length > 0;
}
