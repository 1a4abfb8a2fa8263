import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { earnCashback, grantSignUp } from "../loyalty/ledger.service";
import { systemProcess } from "../staff/actor";

const DEMO_PORTAL_CLIENTS = 5;

/**
 * A few clients who use the portal: the first persons (by id, so the same every time) with a phone of
 * their own and a car the catalog has a schedule for. They signed up (the sign-up points) and got
 * cashback for their visits of the last year.
 */
export async function seedDemoPortalClients(db: Db, asOf: string): Promise<string[]> {
  const by = systemProcess("demo");
  const clients = await execRows<{ party_id: number; phone: string }>(
    db,
    sql`SELECT DISTINCT ON (p.id) p.id AS party_id, c.value AS phone
          FROM parties p JOIN contact_points c ON c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL
          JOIN vehicle_ownerships o ON o.party_id = p.id AND o.valid_to IS NULL
          JOIN vehicles v ON v.id = o.vehicle_id JOIN maintenance_schedules s ON s.make = v.make AND s.model = v.model
         WHERE p.kind = 'person' AND p.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM contact_points x WHERE x.value = c.value AND x.party_id <> p.id AND x.valid_to IS NULL)
           AND EXISTS (SELECT 1 FROM work_orders w WHERE w.party_id = p.id AND w.status = 'delivered')
         ORDER BY p.id, c.is_primary DESC, c.id LIMIT ${DEMO_PORTAL_CLIENTS}`,
  );
  const yearAgo = new Date(Date.parse(`${asOf}T00:00:00Z`) - 365 * 86_400_000).toISOString();
  await db.transaction(async (tx) => {
    for (const c of clients) {
      const visits = await execRows<{ id: number; number: string; amount_kopecks: string; closed_at: Date }>(
        tx,
        sql`SELECT id, number, amount_kopecks, closed_at FROM work_orders
             WHERE party_id = ${c.party_id} AND status = 'delivered' AND closed_at > ${yearAgo}::timestamptz ORDER BY closed_at`,
      );
      const first = visits[0]?.closed_at ? new Date(visits[0].closed_at) : new Date(`${asOf}T09:00:00Z`);
      await grantSignUp(tx, by, c.party_id, first);
      for (const w of visits) {
        await earnCashback(
          tx,
          by,
          { id: w.id, number: w.number, partyId: c.party_id, amountKopecks: Number(w.amount_kopecks) },
          new Date(w.closed_at),
        );
      }
    }
  });
  return clients.map((c) => c.phone);
}

/** The phone of the first demo portal client, for the start banner (null when there is none). */
export async function demoPortalPhone(db: Db): Promise<string | null> {
  const [row] = await execRows<{ phone: string }>(
    db,
    sql`SELECT c.value AS phone FROM loyalty_movements m
          JOIN contact_points c ON c.party_id = m.party_id AND c.kind = 'phone' AND c.valid_to IS NULL
         WHERE m.reason = 'sign_up' ORDER BY m.party_id, c.is_primary DESC, c.id LIMIT 1`,
  );
  return row?.phone ?? null;
}
