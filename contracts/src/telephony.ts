import { z } from "zod";
import { RowId, TextRowId } from "./ids";

export const PBX_KINDS = ["generic", "mango", "asterisk"] as const;
export const PbxKind = z.enum(PBX_KINDS);

/** A telephone system Orbit listens to; secrets are shown once, when made. */
export const PbxConnection = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: PbxKind,
  name: z.string(),
  dealershipId: z.number().int().nullable(),
  active: z.boolean(),
  /** Asterisk: where the AMI listens and how recordings are reached. */
  ami: z
    .object({
      host: z.string(),
      port: z.number().int(),
      username: z.string(),
      incomingContexts: z.array(z.string()),
      recordingsUrl: z.string().nullable(),
    })
    .nullable(),
  /** Mango Office: the VPBX API address recordings are fetched from. */
  apiUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type PbxConnection = z.infer<typeof PbxConnection>;

export const PbxConnectionInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, "2-40 lower-case letters, digits and dashes"),
  kind: PbxKind,
  name: z.string().trim().min(1).max(200),
  dealershipId: RowId.nullable().default(null),
  /** Mango Office: vpbx_api_key. */
  apiKey: z.string().max(200).optional(),
  /** Generic webhook: the HMAC secret (made by Orbit when absent); Mango: vpbx_api_salt; Asterisk: the AMI secret. */
  secret: z.string().min(8).max(200).optional(),
  apiUrl: z.url().optional(),
  ami: z
    .object({
      host: z.string().min(1).max(200),
      port: z.number().int().min(1).max(65535).default(5038),
      username: z.string().min(1).max(100),
      incomingContexts: z.array(z.string().min(1).max(80)).max(20).default(["from-trunk", "from-pstn"]),
      recordingsUrl: z.url().nullable().default(null),
    })
    .optional(),
});
export type PbxConnectionInput = z.input<typeof PbxConnectionInput>;
export const PbxConnectionCreated = PbxConnection.extend({ secret: z.string() });

/** The documented generic webhook: one JSON object per event, signed (see docs/telephony.md). */
export const GenericCallEvent = z.object({
  /** Unique per event; a repeated id is answered 200 and ignored. */
  id: z.string().min(1).max(200),
  callId: z.string().min(1).max(200),
  type: z.enum(["call.started", "call.ringing", "call.answered", "call.ended", "call.recording"]),
  at: z.iso.datetime({ offset: true }),
  direction: z.enum(["in", "out"]).optional(),
  from: z.string().max(60).optional(),
  to: z.string().max(60).optional(),
  extension: z.string().max(20).optional(),
  /** call.ended: why it ended without an answer. */
  reason: z.enum(["completed", "no_answer", "busy", "cancelled", "failed"]).optional(),
  recordingUrl: z.url().optional(),
});
export type GenericCallEvent = z.infer<typeof GenericCallEvent>;

export const CALL_STATES = ["ringing", "answered", "ended"] as const;
export const CALL_OUTCOMES = ["answered", "missed", "busy", "failed"] as const;

export const CallClient = z.object({ id: z.number().int(), name: z.string(), segment: z.string() });

export const Call = z.object({
  id: z.number().int(),
  direction: z.enum(["in", "out"]),
  phone: z.string().nullable(),
  rawNumber: z.string(),
  client: CallClient.nullable(),
  dealershipId: z.number().int().nullable(),
  extension: z.string().nullable(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  state: z.enum(CALL_STATES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  waitS: z.number().int().nullable(),
  talkS: z.number().int().nullable(),
  hasRecording: z.boolean(),
  escalationStep: z.number().int(),
  escalatedTo: z.array(z.object({ userId: z.number().int(), name: z.string(), at: z.string() })),
  script: z
    .object({
      id: z.number().int(),
      targetS: z.number().int(),
      steps: z.array(z.object({ code: z.string(), key: z.boolean(), doneAt: z.string().nullable() })),
    })
    .nullable(),
  callback: z
    .object({ taskId: z.number().int(), status: z.string(), assigneeName: z.string().nullable() })
    .nullable(),
  handover: z.object({ type: z.string(), id: z.number().int(), at: z.string() }).nullable(),
});
export type Call = z.infer<typeof Call>;

export const MissedCallQuery = z.object({
  status: z.enum(["open", "handled", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const CallList = z.object({ total: z.number().int(), calls: z.array(Call) });
export type CallList = z.infer<typeof CallList>;

export const ScriptStepTick = z.object({ step: z.string().min(1).max(60), done: z.boolean() });

export const CallHandover = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("booking"),
    vehicleId: RowId,
    at: z.iso.datetime({ offset: true }),
    work: z.enum(["maintenance", "repair", "diagnostics", "tyres", "bodywork"]).default("repair"),
    note: z.string().max(500).optional(),
  }),
  z.object({ kind: z.literal("advisor"), note: z.string().max(500).optional() }),
]);
export type CallHandover = z.infer<typeof CallHandover>;

export const ESCALATION_TARGETS = [
  "department_head",
  "call_center_head",
  "director",
  "group_director",
  "user",
] as const;
export const EscalationStep = z.object({
  afterS: z.number().int().min(5).max(600),
  target: z.enum(ESCALATION_TARGETS),
  userId: RowId.nullable().default(null),
});
export const EscalationChain = z.object({
  id: z.number().int(),
  name: z.string(),
  /** null: the group's default. */
  dealershipId: z.number().int().nullable(),
  /** chain: an unanswered call goes up the steps; journal: it is not passed on, it lands in the journal. */
  strategy: z.enum(["chain", "journal"]),
  steps: z.array(EscalationStep),
  callbackQueue: z.enum(["call_center", "service", "sales"]),
  callbackSlaMinutes: z.number().int(),
  updatedAt: z.string(),
});
export type EscalationChain = z.infer<typeof EscalationChain>;
export const EscalationChainInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    dealershipId: RowId.nullable().default(null),
    strategy: z.enum(["chain", "journal"]),
    steps: z.array(EscalationStep).max(5),
    callbackQueue: z.enum(["call_center", "service", "sales"]).default("call_center"),
    callbackSlaMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(30),
  })
  .refine((c) => c.strategy === "journal" || c.steps.length > 0, {
    path: ["steps"],
    message: "a chain needs at least one step",
  })
  .refine((c) => c.steps.every((s) => s.target !== "user" || s.userId !== null), {
    path: ["steps"],
    message: "a step to an employee names the employee",
  });

export const ScriptStep = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, "lower-case letters, digits and _"),
  text: z.object({ ru: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }),
  key: z.boolean(),
});
export const CallScript = z.object({
  id: z.number().int(),
  name: z.string(),
  targetS: z.number().int(),
  steps: z.array(ScriptStep),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type CallScript = z.infer<typeof CallScript>;
export const CallScriptInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    targetS: z.number().int().min(30).max(3600),
    steps: z.array(ScriptStep).min(1).max(30),
    active: z.boolean().default(true),
  })
  .refine((s) => new Set(s.steps.map((x) => x.code)).size === s.steps.length, {
    path: ["steps"],
    message: "step codes repeat",
  });

export const POINTS_EVENTS = ["call_answered", "handover_in_time", "client_arrived", "missed_call"] as const;
export const PointsRule = z.object({
  id: z.number().int(),
  code: z.string(),
  event: z.enum(POINTS_EVENTS),
  /** A fixed amount (may be negative)... */
  points: z.number().int().nullable(),
  /** ...or a multiple of the stake (the pick-up charge's size): "x3 when the client comes". */
  multiplier: z.number().nullable(),
  /** handover_in_time: within this many seconds of the answer. */
  withinS: z.number().int().nullable(),
  /** Also to the service advisor who received the client. */
  alsoAdvisor: z.boolean(),
  active: z.boolean(),
});
export type PointsRule = z.infer<typeof PointsRule>;
export const PointsRuleInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,60}$/),
    event: z.enum(POINTS_EVENTS),
    points: z.number().int().min(-10_000).max(10_000).nullable().default(null),
    multiplier: z.number().min(0).max(100).nullable().default(null),
    withinS: z
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .nullable()
      .default(null),
    alsoAdvisor: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .refine((r) => (r.points === null) !== (r.multiplier === null), {
    path: ["points"],
    message: "give either points or a multiplier",
  });

export const PointsStatement = z.object({
  userId: z.number().int(),
  userName: z.string(),
  month: z.string(),
  total: z.number().int(),
  byRule: z.array(z.object({ code: z.string(), count: z.number().int(), points: z.number().int() })),
  entries: z.array(
    z.object({
      at: z.string(),
      code: z.string(),
      points: z.number().int(),
      callId: z.number().int().nullable(),
      clientName: z.string().nullable(),
    }),
  ),
});
export type PointsStatement = z.infer<typeof PointsStatement>;
export const PointsStatementQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
    .optional(),
  userId: TextRowId.optional(),
});
export const PointsLeaderboard = z.array(
  z.object({ userId: z.number().int(), userName: z.string(), total: z.number().int() }),
);

/** The demo's stand-in for a PBX: an incoming call to an extension, then (optionally) nothing more. */
export const SimulatedCall = z.object({
  from: z.string().min(1).max(40),
  extension: z.string().regex(/^\d{2,6}$/),
});

export const MESSAGE_CHANNELS = ["email", "sms", "messenger"] as const;
export const MessageInput = z.object({
  clientId: RowId,
  channel: z.enum(MESSAGE_CHANNELS),
  purpose: z.enum(["service", "marketing"]),
  subject: z.string().trim().max(200).optional(),
  text: z.string().trim().min(1).max(4000),
});
export type MessageInput = z.infer<typeof MessageInput>;
export const Message = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  channel: z.enum(MESSAGE_CHANNELS),
  provider: z.string(),
  to: z.string(),
  status: z.enum(["sent", "failed"]),
  error: z.string().nullable(),
  at: z.string(),
});
export type Message = z.infer<typeof Message>;
