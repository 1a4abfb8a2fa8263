import { z } from "zod";
import { ContactQueue } from "./tasks";

/** What counts as the client taking an offer (see the server's families.ts). */
export const FamilyTarget = z.object({
  source: z.enum(["work_order", "deal", "policy", "credit"]),
  kinds: z.array(z.string().min(1).max(40)).max(10),
  match: z.enum(["vehicle", "client"]),
});

export const OfferFamilyConfig = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
  target: FamilyTarget,
  horizonDays: z.number().int(),
  valueRub: z.number().int(),
  purpose: z.enum(["service", "marketing"]),
  queue: ContactQueue,
  active: z.boolean(),
  builtIn: z.boolean(),
});
export type OfferFamilyConfig = z.infer<typeof OfferFamilyConfig>;

export const OfferFamilyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "latin lower-case letters, digits and _"),
  name: z.string().trim().min(1, "required").max(200),
  target: FamilyTarget,
  horizonDays: z.number().int().min(7).max(365),
  valueRub: z.number().int().min(0).max(100_000_000),
  purpose: z.enum(["service", "marketing"]),
  queue: ContactQueue,
});
export const OfferFamilyUpdate = OfferFamilyInput.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() });

const Share = z.object({ precision: z.number().nullable(), capture: z.number().nullable() });
export const Evaluation = z.object({
  rows: z.number().int(),
  positives: z.number().int(),
  auc: z.number().nullable(),
  averagePrecision: z.number().nullable(),
  top10: Share,
  top20: Share,
  brier: z.number(),
  calibration: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      rows: z.number().int(),
      predicted: z.number(),
      observed: z.number(),
    }),
  ),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const ModelVersion = z.object({
  id: z.number().int(),
  family: z.string(),
  version: z.number().int(),
  status: z.enum(["active", "retired", "fallback"]),
  /** too_little_history, too_few_outcomes, too_few_holdout_outcomes, not_better_than_rules. */
  fallbackReason: z.string().nullable(),
  trainedAt: z.string(),
  trainFrom: z.string().nullable(),
  trainTo: z.string().nullable(),
  holdoutFrom: z.string().nullable(),
  holdoutTo: z.string().nullable(),
  trainingRows: z.number().int(),
  trainingPositives: z.number().int(),
  feedbackRows: z.number().int(),
  trees: z.number().int(),
  trainingMs: z.number().int(),
  evaluation: z.object({ model: Evaluation, rules: Evaluation }).nullable(),
});
export type ModelVersion = z.infer<typeof ModelVersion>;

export const PropensityOverview = z.object({
  families: z.array(
    OfferFamilyConfig.extend({
      /** The version scoring clients now; null: the rules are used. */
      liveModel: ModelVersion.nullable(),
      versions: z.array(ModelVersion),
    }),
  ),
  lastRun: z
    .object({
      id: z.number().int(),
      scoredOn: z.string(),
      finishedAt: z.string(),
      cars: z.number().int(),
      offers: z.number().int(),
      ms: z.number().int(),
    })
    .nullable(),
  /** A training or scoring job waiting or running. */
  pending: z.object({ training: z.boolean(), scoring: z.boolean() }),
});
export type PropensityOverview = z.infer<typeof PropensityOverview>;
