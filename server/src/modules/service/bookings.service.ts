import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { invalid } from "../../platform/http/errors";
import type { WORK_ORDER_KINDS } from "./schema";

export interface VisitBooking {
  dealershipId: number;
  partyId: number;
  vehicleId: number;
  kind: (typeof WORK_ORDER_KINDS)[number];
  summary: string;
  at: Date;
  channel: "call" | "web" | "portal" | "app" | "scenario";
}

/**
 * Books a service visit: a work order in "booked", numbered like the dealership's own
 * (<dealership>-<yy>-B<id>, B for booked in Orbit, so it never collides with the DMS's numbers).
 */
export async function bookVisit(db: Db, b: VisitBooking): Promise<{ id: number; number: string }> {
  const [owner] = await execRows<{ ok: boolean }>(
    db,
    sql`SELECT true AS ok FROM vehicle_ownerships WHERE vehicle_id = ${b.vehicleId} AND party_id = ${b.partyId} AND valid_to IS NULL`,
  );
  if (!owner) throw invalid("body.booking", "the client does not own this car (any more)");
  const [row] = await execRows<{ id: number; number: string }>(
    db,
    sql`WITH n AS (SELECT nextval(pg_get_serial_sequence('work_orders', 'id'))::int AS id)
        INSERT INTO work_orders (id, number, dealership_id, party_id, vehicle_id, kind, status, booking_channel, summary, opened_at)
        SELECT n.id, split_part(d.code, '-', 2) || '-' || to_char(${b.at.toISOString()}::timestamptz, 'YY') || '-B' || n.id,
               d.id, ${b.partyId}, ${b.vehicleId}, ${b.kind}, 'booked', ${b.channel}, ${b.summary}, ${b.at.toISOString()}::timestamptz
          FROM n, dealerships d WHERE d.id = ${b.dealershipId}
        RETURNING id, number`,
  );
  return row!;
}
