import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../staff/schema";

/**
 * The offers Orbit predicts, as data: what counts as the client taking the offer (a work order, deal,
 * policy or credit of given kinds within the horizon), its value, and who calls about it. Orbit ships the
 * six families of the sources; a dealer adds their own (bodywork, accessories...) and a model per family
 * is trained on the next run.
 */
export const offerFamilies = pgTable("offer_families", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  /** A dealer's own name; shipped families are named by their code in the UI. */
  name: text("name"),
  /** { source: work_order | deal | policy | credit, kinds: [...], match: vehicle | client }. */
  target: jsonb("target").notNull(),
  horizonDays: integer("horizon_days").notNull(),
  valueRub: integer("value_rub").notNull(),
  purpose: text("purpose", { enum: ["service", "marketing"] }).notNull(),
  queue: text("queue", { enum: ["sales", "service", "finance", "call_center"] }).notNull(),
  active: boolean("active").notNull().default(true),
  builtIn: boolean("built_in").notNull().default(false),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const MODEL_STATUSES = ["active", "retired", "fallback"] as const;

/**
 * A trained version of a family's propensity model with its evaluation on the time-based holdout (and
 * the rules' on the same rows). `fallback` versions record a training that found too little history:
 * no model, and the rules stay in charge, which the admin page says.
 */
export const propensityModels = pgTable(
  "propensity_models",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    family: text("family").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: MODEL_STATUSES }).notNull(),
    /** Why this version is a fallback, in a code the UI renders ("too_few_positives"...). */
    fallbackReason: text("fallback_reason"),
    trainedAt: timestamp("trained_at", { withTimezone: true }).notNull().defaultNow(),
    /** Snapshots up to trainTo (labels known by holdoutFrom) trained it; holdoutFrom..holdoutTo tested it. */
    trainFrom: date("train_from", { mode: "string" }),
    trainTo: date("train_to", { mode: "string" }),
    holdoutFrom: date("holdout_from", { mode: "string" }),
    holdoutTo: date("holdout_to", { mode: "string" }),
    trainingRows: integer("training_rows").notNull().default(0),
    trainingPositives: integer("training_positives").notNull().default(0),
    /** Offers made by Orbit and their outcomes among the training rows: the feedback this version learned from. */
    feedbackRows: integer("feedback_rows").notNull().default(0),
    model: jsonb("model"),
    /** { model: Evaluation, rules: Evaluation } on the holdout. */
    evaluation: jsonb("evaluation"),
    trainingMs: integer("training_ms").notNull().default(0),
    trainedByUserId: integer("trained_by_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("propensity_models_version_uq").on(t.family, t.version),
    uniqueIndex("propensity_models_active_uq").on(t.family).where(sql`${t.status} = 'active'`),
  ],
);

/** One nightly (or on-demand) scoring of every client's cars. */
export const scoringRuns = pgTable("scoring_runs", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  scoredOn: date("scored_on", { mode: "string" }).notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  cars: integer("cars").notNull().default(0),
  offers: integer("offers").notNull().default(0),
  ms: integer("ms").notNull().default(0),
});

/**
 * Each client's best offers of a scoring run, ranked by expected value (probability × value), with the
 * top reasons as codes and parameters the UI renders in the employee's language. Written in bulk by
 * COPY, a million clients a night, so it carries no foreign keys (like interactions); readers take the
 * latest finished run, and a run replaces the one before.
 */
export const offerScores = pgTable(
  "offer_scores",
  {
    runId: integer("run_id").notNull(),
    partyId: integer("party_id").notNull(),
    vehicleId: integer("vehicle_id"),
    dealershipId: integer("dealership_id"),
    family: text("family").notNull(),
    rank: smallint("rank").notNull(),
    probability: real("probability").notNull(),
    valueRub: integer("value_rub").notNull(),
    expectedRub: integer("expected_rub").notNull(),
    modelId: integer("model_id").notNull(),
    reasons: jsonb("reasons").notNull(),
  },
  (t) => [index("offer_scores_party_idx").on(t.partyId, t.runId)],
);
