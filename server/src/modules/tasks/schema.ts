import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { deals } from "../deals/schema";
import { parties } from "../identity/schema";
import { dealerships, users } from "../staff/schema";
import { vehicles } from "../vehicles/schema";

export const TASK_STATUSES = ["open", "done", "cancelled", "expired"] as const;
export const TASK_OUTCOMES = [
  "reached",
  "no_answer",
  "booked",
  "refused",
  "wrong_number",
  "call_later",
] as const;
export const TASK_SOURCES = ["standard", "scenario", "manual"] as const;
/** Who works a task when nobody owns the client: a department queue of the dealership. */
export const QUEUES = ["sales", "service", "finance", "call_center", "appraisal"] as const;
/** The queues contact standards route calls to (appraisers get only deals' hand-offs). */
export const CONTACT_QUEUES = ["sales", "service", "finance", "call_center"] as const;
/** A call or visit to make; or a deal's hand-off to a specialist (the trade-in appraiser, F&I). */
export const TASK_KINDS = [
  "call",
  "visit",
  "message",
  "appraisal",
  "credit_application",
  "insurance_quote",
] as const;

/**
 * A call (or visit) to make, with the reason in plain words (a code and its parameters, rendered in the
 * employee's language), the time to make it and the window after which the need is missed.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    kind: text("kind", { enum: TASK_KINDS }).notNull().default("call"),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    reasonCode: text("reason_code").notNull(),
    reasonParams: jsonb("reason_params").notNull().default(sql`'{}'::jsonb`),
    /** One open task per need: "maintenance of car 17 in 2026-11" is not called about twice. */
    needKey: text("need_key").notNull(),
    source: text("source", { enum: TASK_SOURCES }).notNull(),
    /** The contact standard or scenario that made the task. */
    sourceId: integer("source_id"),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    queue: text("queue", { enum: QUEUES }).notNull(),
    /** Null while the task waits in its dealership's queue. */
    assigneeUserId: integer("assignee_user_id").references(() => users.id),
    /** 1 is the most urgent. */
    priority: integer("priority").notNull().default(2),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** After this the need is missed (the policy has expired, the season is over). */
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    /** The first attempt is owed by then. */
    slaAt: timestamp("sla_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    outcome: text("outcome", { enum: TASK_OUTCOMES }),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    /** What the outcome created: a booking (work order), a deal, a policy. */
    resultType: text("result_type"),
    resultId: integer("result_id"),
    /** A web-site request's full content, and anything else the task carries. */
    payload: jsonb("payload"),
    /** The deal a hand-off belongs to; completing the deal's step completes the task. */
    dealId: integer("deal_id").references(() => deals.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedByUserId: integer("completed_by_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("tasks_open_need_uq").on(t.needKey).where(sql`${t.status} = 'open'`),
    index("tasks_assignee_idx").on(t.assigneeUserId, t.status, t.dueAt),
    index("tasks_queue_idx").on(t.dealershipId, t.queue, t.status, t.dueAt),
    index("tasks_party_idx").on(t.partyId, t.status),
    index("tasks_created_idx").on(t.partyId, t.createdAt),
    index("tasks_need_idx").on(t.needKey),
    index("tasks_deal_idx").on(t.dealId).where(sql`${t.dealId} is not null`),
    check("tasks_priority_ck", sql`${t.priority} between 1 and 3`),
  ],
);

export const STANDARD_KINDS = [
  "after_delivery",
  "maintenance",
  "insurance_renewal",
  "credit_end",
  "warranty_end",
  "seasonal_tyres",
  "trade_in",
] as const;

/**
 * The contact standards as data: what to call about, when, by whom. A manager edits the parameters and
 * switches standards on and off; the kinds' logic is Orbit's (tasks/standards/*.ts).
 */
export const contactStandards = pgTable("contact_standards", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  kind: text("kind", { enum: STANDARD_KINDS }).notNull(),
  /** A manager's own name for the standard; shipped standards are named by their code in the UI. */
  name: text("name"),
  params: jsonb("params").notNull(),
  queue: text("queue", { enum: CONTACT_QUEUES }).notNull(),
  priority: integer("priority").notNull().default(2),
  slaHours: integer("sla_hours").notNull().default(24),
  active: boolean("active").notNull().default(true),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const LIFECYCLE_KINDS = [
  "delivery_follow_up",
  "maintenance",
  "osago",
  "kasko",
  "credit",
  "warranty",
  "tyres",
  "trade_in",
] as const;
export const LIFECYCLE_STATUSES = ["due", "taken", "missed", "converted"] as const;

/**
 * The lifecycle spiral: every potential deal point of every car's year (a maintenance, a renewal, tyres,
 * the trade-in moment) with its window, and what became of it. Utilisation is converted / due.
 */
export const lifecyclePoints = pgTable(
  "lifecycle_points",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    kind: text("kind", { enum: LIFECYCLE_KINDS }).notNull(),
    /** The need the point answers (the same key the task has): a point is recorded once however often it is seen. */
    needKey: text("need_key").notNull(),
    windowStart: date("window_start", { mode: "string" }).notNull(),
    windowEnd: date("window_end", { mode: "string" }).notNull(),
    status: text("status", { enum: LIFECYCLE_STATUSES }).notNull().default("due"),
    taskId: integer("task_id").references(() => tasks.id),
    /** The work order, policy or deal that converted the point. */
    convertedType: text("converted_type"),
    convertedId: integer("converted_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("lifecycle_points_need_uq").on(t.needKey),
    index("lifecycle_points_status_idx").on(t.status, t.windowEnd),
    // The card reads a client's latest points: by client, then by window, so no other index tempts the planner.
    index("lifecycle_points_party_idx").on(t.partyId, t.windowStart),
    // Settling points reads them by their task, and removing a task checks no point still names it.
    index("lifecycle_points_task_idx").on(t.taskId).where(sql`${t.taskId} is not null`),
  ],
);

/**
 * The contact policy, one row: at most this many contacts a week per client across channels (tasks made
 * and messages sent), and calls only within these hours (the dealer's local time).
 */
export const contactPolicy = pgTable("contact_policy", {
  id: integer("id").primaryKey(),
  maxContactsPerWeek: integer("max_contacts_per_week").notNull().default(2),
  callFromHour: integer("call_from_hour").notNull().default(9),
  callToHour: integer("call_to_hour").notNull().default(21),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
