import { z } from "zod";
import { RowId, TextRowId } from "./ids";

export const TaskOutcome = z.enum([
  "reached",
  "no_answer",
  "booked",
  "refused",
  "wrong_number",
  "call_later",
]);
export type TaskOutcome = z.infer<typeof TaskOutcome>;
/** The department queues contact standards and scenarios route calls to. */
export const ContactQueue = z.enum(["sales", "service", "finance", "call_center"]);
/** Every queue a task can wait in: the departments', and the trade-in appraisers' for deals' hand-offs. */
export const TaskQueue = z.enum(["sales", "service", "finance", "call_center", "appraisal"]);

export const Task = z.object({
  id: z.number().int(),
  kind: z.string(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientPhone: z.string().nullable(),
  segment: z.string(),
  vehicleId: z.number().int().nullable(),
  vehicle: z.string().nullable(),
  /** Rendered in the employee's language from the code and its parameters. */
  reason: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }),
  source: z.enum(["standard", "scenario", "manual"]),
  sourceId: z.number().int().nullable(),
  dealershipId: z.number().int(),
  queue: TaskQueue,
  assigneeUserId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  priority: z.number().int(),
  dueAt: z.string(),
  windowEnd: z.string(),
  slaAt: z.string(),
  status: z.enum(["open", "done", "cancelled", "expired"]),
  outcome: TaskOutcome.nullable(),
  attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  result: z.object({ type: z.string(), id: z.number().int() }).nullable(),
  payload: z.unknown().nullable(),
  /** The deal a hand-off (an appraisal, a credit application, an insurance quote) is part of. */
  dealId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z.object({
  /** mine: assigned to me; queue: unassigned in my dealership's queues; all: what a manager oversees. */
  scope: z.enum(["mine", "queue", "all"]).default("mine"),
  status: z.enum(["open", "done", "expired", "cancelled"]).default("open"),
  /** Only tasks due by the end of this day (YYYY-MM-DD), e.g. today's work list. */
  dueBy: z.iso.date().optional(),
  clientId: TextRowId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const TaskList = z.object({ total: z.number().int(), tasks: z.array(Task) });
export type TaskList = z.infer<typeof TaskList>;

export const TaskOutcomeInput = z
  .object({
    outcome: TaskOutcome,
    note: z.string().trim().max(2000).optional(),
    /** For call_later: when to call back. */
    callBackAt: z.iso.datetime({ offset: true }).optional(),
    /** What the call created elsewhere (a booking or a deal made in the DMS): linked to the task. */
    result: z.object({ type: z.enum(["work_order", "deal"]), id: RowId }).optional(),
    /**
     * For booked: Orbit makes the booking. A service task books a visit for the task's car (or `vehicleId`);
     * a sales or finance task opens a deal and notes the showroom visit.
     */
    booking: z
      .object({
        at: z.iso.datetime({ offset: true }),
        vehicleId: RowId.optional(),
        kind: z.enum(["maintenance", "repair", "tyres", "bodywork", "diagnostics", "warranty"]).optional(),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "booked" && !v.booking && !v.result) {
      ctx.addIssue({
        code: "custom",
        path: ["booking"],
        message: "say when the client comes (or link the booking)",
      });
    }
    if (v.booking && v.outcome !== "booked") {
      ctx.addIssue({ code: "custom", path: ["booking"], message: "only a booked call makes a booking" });
    }
    if (v.outcome === "call_later" && !v.callBackAt) {
      ctx.addIssue({ code: "custom", path: ["callBackAt"], message: "say when to call back" });
    }
  });
export type TaskOutcomeInput = z.infer<typeof TaskOutcomeInput>;

export const TaskReschedule = z.object({ dueAt: z.iso.datetime({ offset: true }) });

export const ContactStandard = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.string(),
  name: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  queue: ContactQueue,
  priority: z.number().int(),
  slaHours: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ContactStandard = z.infer<typeof ContactStandard>;

export const ContactStandardUpdate = z.object({
  name: z.string().trim().max(200).nullable().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  queue: ContactQueue.optional(),
  priority: z.number().int().min(1).max(3).optional(),
  slaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  active: z.boolean().optional(),
});

export const ScenarioKind = z.enum(["viewed_segment", "abandoned_booking", "web_request", "next_best_offer"]);

export const Scenario = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: ScenarioKind,
  name: z.string(),
  params: z.record(z.string(), z.unknown()),
  queue: ContactQueue,
  priority: z.number().int(),
  slaHours: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioInput = z.object({
  kind: ScenarioKind,
  name: z.string().trim().min(1, "required").max(200),
  params: z.record(z.string(), z.unknown()),
  queue: ContactQueue,
  priority: z.number().int().min(1).max(3).default(2),
  slaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(4),
});
export const ScenarioUpdate = ScenarioInput.partial().extend({ active: z.boolean().optional() });

/** What a standard or scenario would do today: how many needs it sees and how many tasks it would make. */
export const Preview = z.object({
  needs: z.number().int(),
  tasks: z.number().int(),
  held: z.object({
    alreadyContacted: z.number().int(),
    blocked: z.number().int(),
    noConsent: z.number().int(),
    weeklyCap: z.number().int(),
  }),
});
export type Preview = z.infer<typeof Preview>;

export const ContactPolicy = z.object({
  maxContactsPerWeek: z.number().int().min(1).max(50),
  callFromHour: z.number().int().min(0).max(23),
  callToHour: z.number().int().min(1).max(24),
});

/** An event from the web site, the portal or the app. */
export const WebEvent = z.object({
  /** The sender's id of the event: a batch sent twice is stored once. */
  id: z.string().trim().min(8).max(100),
  type: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z][a-z0-9_]*$/, "lower_snake_case"),
  occurredAt: z.iso.datetime({ offset: true }),
  visitorId: z.string().trim().min(1).max(100),
  /** What identifies the visitor when they tell (a form, a sign-in): ties their events to the client. */
  client: z
    .object({
      phone: z.string().trim().max(40).optional(),
      email: z.string().trim().max(200).optional(),
      name: z.string().trim().max(200).optional(),
    })
    .optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export const EventBatch = z.object({ events: z.array(WebEvent).min(1).max(1000) });
export const EventBatchResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  linked: z.number().int(),
});

/** A sender of events (the web site, the portal, the app) and whether its key is accepted. */
export const EventSource = z.object({
  id: z.number().int(),
  name: z.string(),
  source: z.enum(["site", "portal", "app"]),
  active: z.boolean(),
  createdAt: z.string(),
});
export const EventSourceInput = z.object({
  name: z.string().trim().min(2).max(100),
  source: z.enum(["site", "portal", "app"]),
});
/** The new source with its key: shown once, Orbit keeps only its hash. */
export const EventSourceCreated = EventSource.extend({ key: z.string() });

const LifecycleCounts = z.object({
  /** Points whose window started in the period: every chance there was. */
  due: z.number().int(),
  /** Still open (window not over, nothing happened yet). */
  open: z.number().int(),
  /** The call reached the client, nothing bought yet. */
  taken: z.number().int(),
  missed: z.number().int(),
  converted: z.number().int(),
  /** converted / due; null when there were none. */
  utilisation: z.number().nullable(),
});

export const LifecycleUtilisationQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  dealershipId: TextRowId.optional(),
});

/** How well the group used the lifecycle spiral's points in a period, by kind of point. */
export const LifecycleUtilisation = z.object({
  from: z.string(),
  to: z.string(),
  dealershipId: z.number().int().nullable(),
  total: LifecycleCounts,
  byKind: z.array(LifecycleCounts.extend({ kind: z.string() })),
});
