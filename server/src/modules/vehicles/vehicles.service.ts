import type { CardVehicle } from "@orbit/contracts";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { estimateMileage } from "./mileage";
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

/** The client's cars, current first, each with today's estimated mileage from its odometer readings. */
export async function clientVehicles(db: Db, partyId: number, today: string): Promise<CardVehicle[]> {
  const owned = await db
    .select({ v: vehicles, o: vehicleOwnerships })
    .from(vehicleOwnerships)
    .innerJoin(vehicles, eq(vehicles.id, vehicleOwnerships.vehicleId))
    .where(eq(vehicleOwnerships.partyId, partyId))
    .orderBy(desc(vehicleOwnerships.validFrom));
  // A car appears once: a duplicate card merged in may have brought a second ownership row for it.
  const unique = [...new Map(owned.map((r) => [r.v.id, r])).values()].sort(
    (a, b) => Number(a.o.validTo !== null) - Number(b.o.validTo !== null),
  );
  if (unique.length === 0) return [];
  const readings = await db
    .select({ vehicleId: mileageReadings.vehicleId, date: mileageReadings.readOn, km: mileageReadings.km })
    .from(mileageReadings)
    .where(
      inArray(
        mileageReadings.vehicleId,
        unique.map((r) => r.v.id),
      ),
    );
  return unique.map(({ v, o }) => ({
    id: v.id,
    vin: v.vin,
    plate: v.plate,
    make: v.make,
    model: v.model,
    year: v.year,
    color: v.color,
    role: o.role,
    ownedFrom: o.validFrom,
    ownedTo: o.validTo,
    warrantyUntil: v.warrantyUntil,
    firstRegisteredOn: v.firstRegisteredOn,
    mileage: estimateMileage(
      readings.filter((r) => r.vehicleId === v.id),
      today,
      v.firstRegisteredOn,
    ),
  }));
}
