import { EXPERIMENT_METRICS, EXPERIMENT_UNITS } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, real, text, timestamp } from "drizzle-orm/pg-core";
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
