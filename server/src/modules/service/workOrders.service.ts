import type { CardWorkOrder } from "@orbit/contracts";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { users } from "../staff/schema";
import { vehicles } from "../vehicles/schema";
import { workOrders } from "./schema";

/** The client's service history at every service centre of the group, newest first. */
export async function clientWorkOrders(db: Db, partyId: number, limit = 200): Promise<CardWorkOrder[]> {
  const rows = await db
    .select({ w: workOrders, advisor: users.fullName, car: vehicles })
    .from(workOrders)
    .leftJoin(users, eq(users.id, workOrders.advisorId))
    .leftJoin(vehicles, eq(vehicles.id, workOrders.vehicleId))
    .where(eq(workOrders.partyId, partyId))
    .orderBy(desc(workOrders.openedAt))
    .limit(limit);
  return rows.map(({ w, advisor, car }) => ({
    id: w.id,
    number: w.number,
    dealershipId: w.dealershipId,
    vehicleId: w.vehicleId,
    vehicle: car ? [car.make, car.model, car.plate].filter(Boolean).join(" ") || null : null,
    kind: w.kind,
    status: w.status,
    bookingChannel: w.bookingChannel,
    summary: w.summary,
    advisor,
    mileageKm: w.mileageKm,
    amountRub: w.amountKopecks / 100,
    openedAt: w.openedAt.toISOString(),
    closedAt: w.closedAt?.toISOString() ?? null,
  }));
}
