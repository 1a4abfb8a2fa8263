import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { dealerships, users } from "../staff/schema";
import { vehicles } from "../vehicles/schema";

export const WORK_ORDER_KINDS = [
  "maintenance",
  "repair",
  "tyres",
  "bodywork",
  "diagnostics",
  "warranty",
] as const;
export const WORK_ORDER_STATUSES = [
  "booked",
  "arrived",
  "in_work",
  "waiting_parts",
  "ready",
  "delivered",
  "cancelled",
  "no_show",
] as const;
export const BOOKING_CHANNELS = ["call", "web", "portal", "app", "walk_in", "scenario"] as const;

/** A service visit: booked, worked on, delivered; the client's service history is these rows. */
export const workOrders = pgTable(
  "work_orders",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    number: text("number").notNull(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    vehicleId: integer("vehicle_id")
      .notNull()
      .references(() => vehicles.id),
    advisorId: integer("advisor_id").references(() => users.id),
    kind: text("kind", { enum: WORK_ORDER_KINDS }).notNull(),
    status: text("status", { enum: WORK_ORDER_STATUSES }).notNull(),
    bookingChannel: text("booking_channel", { enum: BOOKING_CHANNELS }).notNull(),
    summary: text("summary").notNull(),
    mileageKm: integer("mileage_km"),
    amountKopecks: bigint("amount_kopecks", { mode: "number" }).notNull().default(0),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    promisedAt: timestamp("promised_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("work_orders_number_uq").on(t.dealershipId, t.number),
    index("work_orders_party_idx").on(t.partyId, t.openedAt),
    index("work_orders_vehicle_idx").on(t.vehicleId, t.openedAt),
    index("work_orders_advisor_idx").on(t.advisorId, t.openedAt),
  ],
);
