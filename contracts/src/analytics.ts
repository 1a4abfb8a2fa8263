import { z } from "zod";
import { TextRowId } from "./ids";

/** The industry's usual share of lifecycle points converted, and the group's target; drawn on charts. */
export const UTILISATION_REFERENCE = 0.15;
export const UTILISATION_TARGET = 0.5;

export const ANALYTICS_REPORTS = [
  "utilisation",
  "wallet",
  "funnel",
  "showUp",
  "strikeRate",
  "calls",
  "process",
] as const;
export const AnalyticsReportName = z.enum(ANALYTICS_REPORTS);
export type AnalyticsReportName = z.infer<typeof AnalyticsReportName>;

/** What a report is broken down by; each report takes the ones that make sense for it. */
export const ANALYTICS_DIMENSIONS = ["kind", "dealership", "employee", "month"] as const;

export const AnalyticsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    dealershipId: TextRowId.optional(),
    by: z.enum(ANALYTICS_DIMENSIONS).optional(),
    /** Process mining: deals or work orders. */
    process: z.enum(["deal", "work_order"]).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "before from" });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

const cell = z.union([z.string(), z.number(), z.null()]);
/**
 * Every report is a table: rows keyed by what they are broken down by, with the label to show and the
 * counts and rates (shares 0..1, money in roubles, times in hours or minutes as the column says).
 */
export const AnalyticsReport = z.object({
  report: AnalyticsReportName,
  from: z.string(),
  to: z.string(),
  dealershipId: z.number().int().nullable(),
  by: z.string().nullable(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), cell)),
  /** Process mining's common variants; empty for other reports. */
  variants: z.array(
    z.object({ steps: z.array(z.string()), cases: z.number(), share: z.number(), meanHours: z.number() }),
  ),
  /**
   * Process mining reads facts a background job keeps from the action log every few minutes: the moment
   * of its last run (null before the first). Absent for reports read from the live tables.
   */
  factsAsOf: z.string().nullable().optional(),
});
export type AnalyticsReport = z.infer<typeof AnalyticsReport>;

export const EXPERIMENT_UNITS = ["dealership", "employee", "client"] as const;
export const EXPERIMENT_METRICS = ["task_booked", "point_converted"] as const;

export const ExperimentInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    change: z.string().trim().min(1).max(500),
    unit: z.enum(EXPERIMENT_UNITS),
    metric: z.enum(EXPERIMENT_METRICS),
    scenarioId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
    dealershipId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
    pilotShare: z.number().gt(0).lt(1).default(0.5),
    /** The draw's seed; the same seed gives the same groups. Defaults to the experiment's name. */
    seed: z.string().trim().min(1).max(60).optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((e) => e.startsOn <= e.endsOn, { path: ["endsOn"], message: "before startsOn" });
export type ExperimentInput = z.input<typeof ExperimentInput>;

export const ArmResult = z.object({
  units: z.number().int(),
  n: z.number().int(),
  successes: z.number().int(),
});

export const Experiment = z.object({
  id: z.number().int(),
  name: z.string(),
  change: z.string(),
  unit: z.enum(EXPERIMENT_UNITS),
  metric: z.enum(EXPERIMENT_METRICS),
  scenarioId: z.number().int().nullable(),
  dealershipId: z.number().int().nullable(),
  pilotShare: z.number(),
  seed: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  pilot: ArmResult,
  control: ArmResult,
  /** pilot rate minus control rate with its 95% interval (Newcombe's hybrid score). */
  uplift: z.object({
    pilotRate: z.number().nullable(),
    controlRate: z.number().nullable(),
    uplift: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    significant: z.boolean(),
  }),
});
export type Experiment = z.infer<typeof Experiment>;

export const SEGMENT_NAMES = ["new", "active", "loyal", "returning", "lapsed"] as const;

/** A campaign's target list: clients of segments, of a home dealership, not seen at the service for a while. */
export const TargetListFilter = z.object({
  segments: z
    .union([z.array(z.enum(SEGMENT_NAMES)), z.enum(SEGMENT_NAMES).transform((s) => [s])])
    .default([]),
  dealershipId: TextRowId.optional(),
  /** No delivered work order in the last so many days. */
  inactiveDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type TargetListFilter = z.input<typeof TargetListFilter>;

export const TargetListPreview = z.object({
  total: z.number().int(),
  sample: z.array(
    z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable(), segment: z.string() }),
  ),
});
export type TargetListPreview = z.infer<typeof TargetListPreview>;

export const TargetListTasksInput = z.object({
  filter: TargetListFilter,
  campaign: z.string().trim().min(1).max(120),
  dueOn: z.iso.date(),
  queue: z.enum(["sales", "service", "call_center"]),
});
export type TargetListTasksInput = z.input<typeof TargetListTasksInput>;
