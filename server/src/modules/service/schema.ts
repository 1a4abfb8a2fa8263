import {
  BOOKING_CHANNELS,
  type BookingRules,
  type OpeningHours,
  type ShiftPattern,
  SKILLS,
  WORK_KINDS,
  WORK_ORDER_STATUSES,
} from "@orbit/contracts";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { dealerships, users } from "../staff/schema";
import { vehicles } from "../vehicles/schema";

export const WORK_ORDER_KINDS = WORK_KINDS;
export { BOOKING_CHANNELS, WORK_ORDER_STATUSES };

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
    /** Where and by whom the job is planned; null for history from before Orbit planned the workshop. */
    postId: integer("post_id").references(() => servicePosts.id),
    technicianId: integer("technician_id").references(() => technicians.id),
    plannedStart: timestamp("planned_start", { withTimezone: true }),
    plannedEnd: timestamp("planned_end", { withTimezone: true }),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }),
    /** Set at delivery from the model's maintenance schedule. */
    nextMaintenanceOn: date("next_maintenance_on", { mode: "string" }),
    nextMaintenanceKm: integer("next_maintenance_km"),
  },
  (t) => [
    uniqueIndex("work_orders_number_uq").on(t.dealershipId, t.number),
    index("work_orders_party_idx").on(t.partyId, t.openedAt),
    index("work_orders_vehicle_idx").on(t.vehicleId, t.openedAt),
    index("work_orders_advisor_idx").on(t.advisorId, t.openedAt),
    // The planning board and slot search read a centre's planned jobs by time.
    index("work_orders_plan_idx")
      .on(t.dealershipId, t.plannedStart)
      .where(sql`${t.plannedStart} IS NOT NULL`),
  ],
);

/** A service centre's workshop: opening hours, booking rules and labour rate. One row per dealership. */
export const workshops = pgTable("workshops", {
  dealershipId: integer("dealership_id")
    .primaryKey()
    .references(() => dealerships.id),
  openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull(),
  rules: jsonb("rules").$type<BookingRules>().notNull(),
  labourRateKopecks: bigint("labour_rate_kopecks", { mode: "number" }).notNull(),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A post (bay, lift) of a workshop and what it is equipped for. */
export const servicePosts = pgTable(
  "service_posts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    name: text("name").notNull(),
    skills: text("skills", { enum: SKILLS }).array().notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("service_posts_name_uq").on(t.dealershipId, t.name)],
);

/** A technician (mechanic) with skills and a shift pattern; not necessarily an Orbit user. */
export const technicians = pgTable(
  "technicians",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    fullName: text("full_name").notNull(),
    skills: text("skills", { enum: SKILLS }).array().notNull(),
    shift: jsonb("shift").$type<ShiftPattern>().notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("technicians_dealership_idx").on(t.dealershipId)],
);

/** Days a technician does not work despite the pattern: leave, sickness, training. */
export const technicianAbsences = pgTable(
  "technician_absences",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    technicianId: integer("technician_id")
      .notNull()
      .references(() => technicians.id),
    fromDay: date("from_day", { mode: "string" }).notNull(),
    toDay: date("to_day", { mode: "string" }).notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [index("technician_absences_idx").on(t.technicianId, t.toDay)],
);

/** The catalog of works with standard labour time (minutes) when the model has none of its own. */
export const serviceWorks = pgTable("service_works", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: WORK_KINDS }).notNull(),
  skill: text("skill", { enum: SKILLS }).notNull(),
  labourMinutes: integer("labour_minutes").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The maker's standard labour time of a work for a model. */
export const serviceWorkTimes = pgTable(
  "service_work_times",
  {
    workId: integer("work_id")
      .notNull()
      .references(() => serviceWorks.id, { onDelete: "cascade" }),
    make: text("make").notNull(),
    model: text("model").notNull(),
    labourMinutes: integer("labour_minutes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workId, t.make, t.model] })],
);

/** Parts with the price from the latest ERP price list. */
export const serviceParts = pgTable("service_parts", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  article: text("article").notNull().unique(),
  name: text("name").notNull(),
  brand: text("brand"),
  unit: text("unit").notNull().default("шт"),
  priceKopecks: bigint("price_kopecks", { mode: "number" }).notNull(),
  source: text("source").notNull().default("manual"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A model's maintenance: every so many km or months, whichever comes first, with its works and parts. */
export const maintenanceSchedules = pgTable(
  "maintenance_schedules",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    make: text("make").notNull(),
    model: text("model").notNull(),
    intervalKm: integer("interval_km").notNull(),
    intervalMonths: integer("interval_months").notNull(),
    works: text("works").array().notNull(),
    parts: jsonb("parts").$type<{ article: string; quantity: number }[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("maintenance_schedules_model_uq").on(t.make, t.model)],
);

/** The works and parts of a work order, priced when added. */
export const workOrderLines = pgTable(
  "work_order_lines",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workOrderId: integer("work_order_id")
      .notNull()
      .references(() => workOrders.id),
    kind: text("kind", { enum: ["work", "part"] }).notNull(),
    workId: integer("work_id").references(() => serviceWorks.id),
    partId: integer("part_id").references(() => serviceParts.id),
    code: text("code"),
    name: text("name").notNull(),
    quantity: numeric("quantity", { precision: 10, scale: 2 }).notNull(),
    labourMinutes: integer("labour_minutes"),
    priceKopecks: bigint("price_kopecks", { mode: "number" }).notNull(),
    amountKopecks: bigint("amount_kopecks", { mode: "number" }).notNull(),
  },
  (t) => [index("work_order_lines_order_idx").on(t.workOrderId)],
);
