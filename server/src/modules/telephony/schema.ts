import { CALL_OUTCOMES, CALL_STATES, PBX_KINDS, POINTS_EVENTS } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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

/**
 * A telephone system Orbit listens to: a PBX posting the generic webhook, a Mango Office account, or
 * an Asterisk server Orbit connects to over AMI. The secret signs webhooks (or logs in to the AMI),
 * so it is kept as given; it is shown once and never returned by the API.
 */
export const pbxConnections = pgTable("pbx_connections", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  kind: text("kind", { enum: PBX_KINDS }).notNull(),
  name: text("name").notNull(),
  /** The dealership whose lines this PBX serves; null for the group's contact centre. */
  dealershipId: integer("dealership_id").references(() => dealerships.id),
  secret: text("secret").notNull(),
  /** Mango Office: vpbx_api_key. */
  apiKey: text("api_key"),
  apiUrl: text("api_url"),
  /** Asterisk: { host, port, username, incomingContexts, recordingsUrl }. */
  ami: jsonb("ami"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One call as the contact centre sees it, for the pop-up, the journal and the call-centre reports:
 * when it started, rang, was answered and ended, at which extension, who took it, the script ticked.
 */
export const calls = pgTable(
  "calls",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    pbxId: integer("pbx_id")
      .notNull()
      .references(() => pbxConnections.id),
    /** The PBX's own id of the call (Mango entry_id, Asterisk Linkedid, the webhook's callId). */
    externalId: text("external_id").notNull(),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    /** The other party's number as the PBX sent it, and in E.164 when it reads as a phone. */
    rawNumber: text("raw_number").notNull(),
    phone: text("phone"),
    /** The dealership line that was dialled (incoming) or used (outgoing). */
    lineNumber: text("line_number"),
    partyId: integer("party_id").references(() => parties.id),
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    /** The extension ringing now, then the one that answered. */
    extension: text("extension"),
    /** Who was rung first: the missed call is theirs to call back. */
    firstUserId: integer("first_user_id").references(() => users.id),
    userId: integer("user_id").references(() => users.id),
    state: text("state", { enum: CALL_STATES }).notNull(),
    outcome: text("outcome", { enum: CALL_OUTCOMES }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    ringingAt: timestamp("ringing_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    recordingUrl: text("recording_url"),
    chainId: integer("chain_id"),
    escalationStep: integer("escalation_step").notNull().default(0),
    /** [{ userId, at }] in the order the call went up the chain. */
    escalatedTo: jsonb("escalated_to").notNull().default(sql`'[]'::jsonb`),
    scriptId: integer("script_id"),
    /** { stepCode: ISO time ticked }. */
    scriptProgress: jsonb("script_progress").notNull().default(sql`'{}'::jsonb`),
    callbackTaskId: integer("callback_task_id"),
    /** What the operator passed the client on to: a booking (work order) or a service task. */
    handoverType: text("handover_type"),
    handoverId: integer("handover_id"),
    handoverAt: timestamp("handover_at", { withTimezone: true }),
    interactionId: bigint("interaction_id", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("calls_external_uq").on(t.pbxId, t.externalId),
    index("calls_started_idx").on(t.startedAt),
    index("calls_user_idx").on(t.userId, t.startedAt),
    index("calls_party_idx").on(t.partyId, t.startedAt),
    index("calls_missed_idx").on(t.dealershipId, t.startedAt).where(sql`${t.outcome} <> 'answered'`),
    index("calls_ringing_idx").on(t.extension).where(sql`${t.state} = 'ringing'`),
  ],
);

/**
 * Every event a PBX delivered, keyed by the PBX's own event id: a retried webhook or a replayed AMI
 * event is recognised and ignored, so a call is never counted twice.
 */
export const callEvents = pgTable(
  "call_events",
  {
    pbxId: integer("pbx_id")
      .notNull()
      .references(() => pbxConnections.id),
    eventId: text("event_id").notNull(),
    callId: integer("call_id"),
    type: text("type").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb("payload"),
  },
  (t) => [primaryKey({ columns: [t.pbxId, t.eventId] }), index("call_events_call_idx").on(t.callId)],
);

/** Who else an unanswered call goes to and when, per dealership (null: the group's default). */
export const escalationChains = pgTable(
  "escalation_chains",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    strategy: text("strategy", { enum: ["chain", "journal"] }).notNull(),
    steps: jsonb("steps").notNull(),
    callbackQueue: text("callback_queue", { enum: ["call_center", "service", "sales"] })
      .notNull()
      .default("call_center"),
    callbackSlaMinutes: integer("callback_sla_minutes").notNull().default(30),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("escalation_chains_dealership_uq").on(sql`coalesce(${t.dealershipId}, 0)`)],
);

/** A call script as data: the key steps the best operators take, and the target duration. */
export const callScripts = pgTable("call_scripts", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  targetS: integer("target_s").notNull(),
  steps: jsonb("steps").notNull(),
  active: boolean("active").notNull().default(true),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Operator motivation as rules: what an event is worth (Wilgood's -50, +50 in time, x3 on arrival). */
export const pointsRules = pgTable("points_rules", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  event: text("event", { enum: POINTS_EVENTS }).notNull(),
  points: integer("points"),
  multiplier: numeric("multiplier", { mode: "number" }),
  withinS: integer("within_s"),
  alsoAdvisor: boolean("also_advisor").notNull().default(false),
  active: boolean("active").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Points earned and charged, one row per rule, call and employee: settling twice adds nothing. */
export const pointsLedger = pgTable(
  "points_ledger",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    ruleCode: text("rule_code").notNull(),
    points: integer("points").notNull(),
    callId: integer("call_id").references(() => calls.id),
    partyId: integer("party_id"),
  },
  (t) => [
    uniqueIndex("points_ledger_once_uq").on(t.userId, t.ruleCode, t.callId),
    index("points_ledger_user_idx").on(t.userId, t.at),
  ],
);
