import { and, eq, isNull } from "drizzle-orm";
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

/** An odometer reading taken in the workshop (at arrival or delivery). */
export async function recordServiceMileage(
  db: Db,
  vehicleId: number,
  day: string,
  km: number,
): Promise<void> {
  await db.insert(mileageReadings).values({ vehicleId, readOn: day, km, source: "service" });
}
