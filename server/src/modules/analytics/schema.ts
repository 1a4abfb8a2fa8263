import { EXPERIMENT_METRICS, EXPERIMENT_UNITS } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { scenarios } from "../scenarios/schema";
import { dealerships, users } from "../staff/schema";

export const ARMS = ["pilot", "control"] as const;

/**
 * A pilot of a change (a scenario, a call script, a KPI) against a control group: which units take part,
 * from when, and what counts as success. The groups are drawn once, at creation, and kept.
 */
export const experiments = pgTable(
  "experiments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    /** What the pilot group does differently, in the manager's words. */
    change: text("change").notNull(),
    unit: text("unit", { enum: EXPERIMENT_UNITS }).notNull(),
    /** What the change should move: tasks that ended in a booking, or lifecycle points converted. */
    metric: text("metric", { enum: EXPERIMENT_METRICS }).notNull(),
    /** Count only the tasks this scenario made (task_booked). */
    scenarioId: integer("scenario_id").references(() => scenarios.id),
    /** Employees or clients of one dealership; null for the whole group. */
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    pilotShare: real("pilot_share").notNull(),
    seed: text("seed").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("experiments_unit_ck", sql`${t.unit} in ('dealership', 'employee', 'client')`),
    check("experiments_metric_ck", sql`${t.metric} in ('task_booked', 'point_converted')`),
    check("experiments_share_ck", sql`${t.pilotShare} > 0 and ${t.pilotShare} < 1`),
    check("experiments_period_ck", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Each unit's group; unit_id is a dealership, user or party id by the experiment's unit. */
export const experimentUnits = pgTable(
  "experiment_units",
  {
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").notNull(),
    arm: text("arm", { enum: ARMS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.unitId] }),
    index("experiment_units_arm_idx").on(t.experimentId, t.arm),
    check("experiment_units_arm_ck", sql`${t.arm} in ('pilot', 'control')`),
  ],
);

/**
 * Process mining's facts, kept from the action log by `refreshProcessFacts` so a report over a year of a
 * large group only aggregates: one row per logged process step of a work order or a deal (the log's id),
 * with the moment the case's next step came (null while it has none). Derived data: the next run
 * rebuilds them from the whole log once the `process_facts` watermark is set back to 0.
 */
export const processEvents = pgTable(
  "process_events",
  {
    /** The action_log row this step was read from. */
    id: bigint("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").notNull(),
    /** The work order's or deal's id. */
    caseId: bigint("case_id", { mode: "number" }).notNull(),
    step: text("step").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    nextAt: timestamp("next_at", { withTimezone: true }),
    /** How long the case stayed in this step, in whole minutes (rounded); null while it has no next. */
    minutes: integer("minutes"),
    actorUserId: integer("actor_user_id"),
    dealershipId: integer("dealership_id"),
  },
  (t) => [
    index("process_events_at_idx").on(t.entityType, t.at),
    // A case's steps are replaced together when a new one is logged.
    index("process_events_case_idx").on(t.entityType, t.caseId),
  ],
);

/** Each case's whole path through its process, from its first step to its latest. */
export const processCases = pgTable(
  "process_cases",
  {
    entityType: text("entity_type").notNull(),
    caseId: bigint("case_id", { mode: "number" }).notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
    events: integer("events").notNull(),
    /** From the first step to the latest, in whole minutes (rounded). */
    minutes: integer("minutes").notNull(),
    /** The steps in the order they were logged (a repeated step stays repeated; the report merges them). */
    path: text("path").array().notNull(),
    /** Where the case's first step was logged. */
    dealershipId: integer("dealership_id"),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.caseId] }),
    index("process_cases_first_idx").on(t.entityType, t.firstAt),
  ],
);

/** How far into the action log each derived table has read (the last log id taken in), and when. */
export const analyticsWatermarks = pgTable("analytics_watermarks", {
  name: text("name").primaryKey(),
  logId: bigint("log_id", { mode: "number" }).notNull().default(0),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
});
