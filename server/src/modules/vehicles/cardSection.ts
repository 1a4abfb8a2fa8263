import type { CardVehicle } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { estimateMileage } from "./mileage";

/** The client's cars (current and past), each with its odometer readings, as one JSON value. */
export function vehiclesSection(partyId: number): SQL {
  return sql`coalesce((SELECT json_agg(v ORDER BY v.owned_to IS NOT NULL, v.owned_from DESC) FROM (
      SELECT DISTINCT ON (ve.id) ve.id, ve.vin, ve.plate, ve.make, ve.model, ve.year, ve.color,
             ve.warranty_until, ve.first_registered_on, o.role, o.valid_from AS owned_from, o.valid_to AS owned_to,
             (SELECT json_agg(json_build_array(r.read_on, r.km)) FROM mileage_readings r WHERE r.vehicle_id = ve.id) AS readings
        FROM vehicle_ownerships o JOIN vehicles ve ON ve.id = o.vehicle_id
       WHERE o.party_id = ${partyId}
       ORDER BY ve.id, o.valid_to IS NULL DESC, o.valid_from DESC) v), '[]')`;
}

interface VehicleJson {
  id: number;
  vin: string | null;
  plate: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  color: string | null;
  warranty_until: string | null;
  first_registered_on: string | null;
  role: string;
  owned_from: string;
  owned_to: string | null;
  readings: [string, number][] | null;
}

/** Cars with today's estimated mileage, worked out from the readings. */
export function toVehicles(rows: VehicleJson[], today: string): CardVehicle[] {
  return rows.map((v) => ({
    id: v.id,
    vin: v.vin,
    plate: v.plate,
    make: v.make,
    model: v.model,
    year: v.year,
    color: v.color,
    role: v.role,
    ownedFrom: v.owned_from,
    ownedTo: v.owned_to,
    warrantyUntil: v.warranty_until,
    firstRegisteredOn: v.first_registered_on,
    mileage: estimateMileage(
      (v.readings ?? []).map(([date, km]) => ({ date, km })),
      today,
      v.first_registered_on,
    ),
  }));
}
