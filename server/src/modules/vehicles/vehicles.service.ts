import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { mileageReadings, vehicleOwnerships, vehicles } from "./schema";
import { decodeModelYear } from "./vin";

export interface VehicleFacts {
  make?: string | null;
  model?: string | null;
  year?: number | null;
  plate?: string | null;
}

/**
 * Links a car, found or created by its VIN, to a client as owner from today, unless the client
 * already owns it. A car known only by its VIN gets its model year from the VIN.
 */
export async function attachVehicleByVin(
  db: Db,
  partyId: number,
  vin: string,
  facts: VehicleFacts,
  sourceSystem: string,
  since: string = new Date().toISOString().slice(0, 10),
): Promise<number> {
  let [vehicle] = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.vin, vin));
  if (!vehicle) {
    [vehicle] = await db
      .insert(vehicles)
      .values({
        vin,
        make: facts.make ?? null,
        model: facts.model ?? null,
        year: facts.year ?? decodeModelYear(vin) ?? null,
        plate: facts.plate ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: vehicles.id });
    // A concurrent insert of the same VIN won the race; use its row.
    vehicle ??= (await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.vin, vin)))[0];
  }
  if (!vehicle) throw new Error(`vehicle ${vin} could not be created`);
  const [owned] = await db
    .select({ id: vehicleOwnerships.id })
    .from(vehicleOwnerships)
    .where(
      and(
        eq(vehicleOwnerships.vehicleId, vehicle.id),
        eq(vehicleOwnerships.partyId, partyId),
        isNull(vehicleOwnerships.validTo),
      ),
    );
  if (!owned) {
    await db
      .insert(vehicleOwnerships)
      .values({ vehicleId: vehicle.id, partyId, validFrom: since, sourceSystem });
  }
  return vehicle.id;
}

/** Whether the client owns (or drives) the car now. */
export async function ownsVehicle(db: Db, partyId: number, vehicleId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: vehicleOwnerships.id })
    .from(vehicleOwnerships)
    .where(
      and(
        eq(vehicleOwnerships.vehicleId, vehicleId),
        eq(vehicleOwnerships.partyId, partyId),
        isNull(vehicleOwnerships.validTo),
      ),
    );
  return Boolean(row);
}

/** The client who owns the car with this VIN now, if Orbit knows one. */
export async function currentOwnerOf(db: Db, vin: string): Promise<number | null> {
  const [row] = await db
    .select({ partyId: vehicleOwnerships.partyId })
    .from(vehicleOwnerships)
    .innerJoin(vehicles, eq(vehicles.id, vehicleOwnerships.vehicleId))
    .where(and(eq(vehicles.vin, vin), isNull(vehicleOwnerships.validTo)))
    .orderBy(desc(vehicleOwnerships.validFrom), desc(vehicleOwnerships.id))
    .limit(1);
  return row?.partyId ?? null;
}

/** The client no longer owns the car from that day (sold, traded in). */
export async function endOwnership(db: Db, vehicleId: number, partyId: number, day: string): Promise<void> {
  await db
    .update(vehicleOwnerships)
    .set({ validTo: day })
    .where(
      and(
        eq(vehicleOwnerships.vehicleId, vehicleId),
        eq(vehicleOwnerships.partyId, partyId),
        isNull(vehicleOwnerships.validTo),
      ),
    );
}

/** A car sold from stock arrives with its full description and the odometer at the sale. */
export async function describeVehicle(
  db: Db,
  vehicleId: number,
  facts: {
    bodyType: (typeof vehicles.$inferInsert)["bodyType"];
    fuel: (typeof vehicles.$inferInsert)["fuel"];
    drive: (typeof vehicles.$inferInsert)["drive"];
    color: string | null;
  },
): Promise<void> {
  await db
    .update(vehicles)
    .set({ ...facts, updatedAt: new Date() })
    .where(eq(vehicles.id, vehicleId));
}

/** An odometer reading: at a sale, in the workshop, at an appraisal. */
export async function recordMileage(
  db: Db,
  vehicleId: number,
  day: string,
  km: number,
  source: (typeof mileageReadings.$inferInsert)["source"],
): Promise<void> {
  await db.insert(mileageReadings).values({ vehicleId, readOn: day, km, source });
}
