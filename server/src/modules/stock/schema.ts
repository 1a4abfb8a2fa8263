import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { dealerships } from "../staff/schema";
import { BODY_TYPES, DRIVES, FUELS } from "../vehicles/schema";

export const STOCK_STATUSES = ["in_transit", "in_stock", "reserved", "sold"] as const;
export const COMFORT_CLASSES = ["economy", "comfort", "business", "premium"] as const;

/** New and used cars for sale, of every brand and dealership of the group. */
export const stockVehicles = pgTable(
  "stock_vehicles",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    vin: text("vin").notNull(),
    make: text("make").notNull(),
    model: text("model").notNull(),
    trim: text("trim"),
    year: integer("year").notNull(),
    condition: text("condition", { enum: ["new", "used"] }).notNull(),
    status: text("status", { enum: STOCK_STATUSES }).notNull(),
    bodyType: text("body_type", { enum: BODY_TYPES }).notNull(),
    seats: integer("seats").notNull(),
    drive: text("drive", { enum: DRIVES }).notNull(),
    fuel: text("fuel", { enum: FUELS }).notNull(),
    groundClearanceMm: integer("ground_clearance_mm").notNull(),
    comfortClass: text("comfort_class", { enum: COMFORT_CLASSES }).notNull(),
    color: text("color"),
    mileageKm: integer("mileage_km").notNull().default(0),
    priceKopecks: bigint("price_kopecks", { mode: "number" }).notNull(),
    arrivedOn: date("arrived_on", { mode: "string" }),
    soldOn: date("sold_on", { mode: "string" }),
    /** The open deal the car is reserved for; set and cleared by the deal. */
    reservedByDealId: integer("reserved_by_deal_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stock_vehicles_vin_uq").on(t.vin),
    index("stock_vehicles_status_idx").on(t.status, t.dealershipId),
    check("stock_price_ck", sql`${t.priceKopecks} > 0`),
  ],
);
