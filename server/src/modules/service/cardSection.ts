import type { CardWorkOrder } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/** The client's latest work orders at every service centre of the group. */
export function workOrdersSection(partyId: number, limit: number): SQL {
  return sql`coalesce((SELECT json_agg(x ORDER BY x.opened_at DESC) FROM (
      SELECT w.id, w.number, w.dealership_id, w.vehicle_id,
             nullif(concat_ws(' ', v.make, v.model, v.plate), '') AS vehicle, w.kind, w.status, w.booking_channel,
             w.summary, u.full_name AS advisor, w.mileage_km, w.amount_kopecks, w.opened_at, w.closed_at
        FROM work_orders w
        LEFT JOIN users u ON u.id = w.advisor_id
        LEFT JOIN vehicles v ON v.id = w.vehicle_id
       WHERE w.party_id = ${partyId}
       ORDER BY w.opened_at DESC LIMIT ${limit}) x), '[]')`;
}

/** The client's service visits in all: how many and how much, over every work order ever delivered. */
export function serviceTotalsSection(partyId: number): SQL {
  return sql`(SELECT json_build_object('visits', count(*), 'kopecks', coalesce(sum(amount_kopecks), 0))
      FROM work_orders WHERE party_id = ${partyId} AND status = 'delivered')`;
}

interface WorkOrderJson {
  id: number;
  number: string;
  dealership_id: number;
  vehicle_id: number;
  vehicle: string | null;
  kind: string;
  status: string;
  booking_channel: string;
  summary: string;
  advisor: string | null;
  mileage_km: number | null;
  amount_kopecks: number;
  opened_at: string;
  closed_at: string | null;
}

export function toWorkOrders(rows: WorkOrderJson[]): CardWorkOrder[] {
  return rows.map((w) => ({
    id: w.id,
    number: w.number,
    dealershipId: w.dealership_id,
    vehicleId: w.vehicle_id,
    vehicle: w.vehicle,
    kind: w.kind,
    status: w.status,
    bookingChannel: w.booking_channel,
    summary: w.summary,
    advisor: w.advisor,
    mileageKm: w.mileage_km,
    amountRub: Number(w.amount_kopecks) / 100,
    openedAt: new Date(w.opened_at).toISOString(),
    closedAt: w.closed_at ? new Date(w.closed_at).toISOString() : null,
  }));
}
