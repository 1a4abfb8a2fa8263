import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";

export const BODY_TYPES = [
  "sedan",
  "hatchback",
  "liftback",
  "wagon",
  "crossover",
  "suv",
  "minivan",
  "pickup",
  "van",
  "coupe",
] as const;
export const DRIVES = ["fwd", "rwd", "awd"] as const;
export const FUELS = ["petrol", "diesel", "hybrid", "electric", "lpg"] as const;

/** A client's car, one row per VIN across the whole group. */
export const vehicles = pgTable(
  "vehicles",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** Null only for old cars whose VIN nobody has recorded (then the body number identifies them). */
    vin: text("vin"),
    /** Make and model may be unknown when a client record brings only a VIN. */
    make: text("make"),
    model: text("model"),
    year: integer("year"),
    bodyType: text("body_type", { enum: BODY_TYPES }),
    fuel: text("fuel", { enum: FUELS }),
    drive: text("drive", { enum: DRIVES }),
    color: text("color"),
    /** Current registration plate, normalised to Cyrillic (А123ВС77). */
    plate: text("plate"),
    firstRegisteredOn: date("first_registered_on", { mode: "string" }),
    warrantyUntil: date("warranty_until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("vehicles_vin_uq").on(t.vin).where(sql`${t.vin} is not null`),
    index("vehicles_plate_idx").on(t.plate).where(sql`${t.plate} is not null`),
    // "The last digits of the VIN" and part of a plate are the usual ways staff look a car up.
    index("vehicles_vin_trgm").using("gin", sql`${t.vin} gin_trgm_ops`),
    index("vehicles_plate_trgm").using("gin", sql`${t.plate} gin_trgm_ops`),
    check("vehicles_year_ck", sql`${t.year} between 1950 and 2100`),
  ],
);

export const OWNERSHIP_ROLES = ["owner", "driver", "lessee"] as const;

/** Who owned or drove a car when: a car changes hands (trade-in, resale), a client changes cars. */
export const vehicleOwnerships = pgTable(
  "vehicle_ownerships",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    vehicleId: integer("vehicle_id")
      .notNull()
      .references(() => vehicles.id),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    role: text("role", { enum: OWNERSHIP_ROLES }).notNull().default("owner"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    sourceSystem: text("source_system").notNull(),
  },
  (t) => [
    index("vehicle_ownerships_party_idx").on(t.partyId),
    index("vehicle_ownerships_vehicle_idx").on(t.vehicleId),
  ],
);

export const MILEAGE_SOURCES = ["sale", "service", "client", "inspection", "telematics"] as const;

/** Odometer readings; the current mileage of a car is estimated from them. */
export const mileageReadings = pgTable(
  "mileage_readings",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    vehicleId: integer("vehicle_id")
      .notNull()
      .references(() => vehicles.id),
    readOn: date("read_on", { mode: "string" }).notNull(),
    km: integer("km").notNull(),
    source: text("source", { enum: MILEAGE_SOURCES }).notNull(),
  },
  (t) => [
    index("mileage_readings_vehicle_idx").on(t.vehicleId, t.readOn),
    check("mileage_km_ck", sql`${t.km} >= 0`),
  ],
);
