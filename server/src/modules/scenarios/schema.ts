import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { users } from "../staff/schema";

export const SCENARIO_KINDS = [
  "viewed_segment",
  "abandoned_booking",
  "web_request",
  "next_best_offer",
] as const;

/**
 * Digital-footprint scenarios as data: a marketer sets the trigger's parameters and the task it makes,
 * previews how many tasks it would make today, and switches it on.
 */
export const scenarios = pgTable("scenarios", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  kind: text("kind", { enum: SCENARIO_KINDS }).notNull(),
  name: text("name").notNull(),
  params: jsonb("params").notNull(),
  queue: text("queue", { enum: ["sales", "service", "finance", "call_center"] }).notNull(),
  priority: integer("priority").notNull().default(2),
  slaHours: integer("sla_hours").notNull().default(4),
  active: boolean("active").notNull().default(false),
  createdByUserId: integer("created_by_user_id").references(() => users.id),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What clients do on the web site, in the portal and in the app. The id is the sender's, so a batch sent
 * twice is stored once; a visitor's events are tied to the client as soon as the visitor is known.
 */
export const webEvents = pgTable(
  "web_events",
  {
    id: text("id").primaryKey(),
    source: text("source", { enum: ["site", "portal", "app"] }).notNull(),
    type: text("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    visitorId: text("visitor_id").notNull(),
    partyId: integer("party_id").references(() => parties.id),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("web_events_party_idx").on(t.partyId, t.occurredAt).where(sql`${t.partyId} is not null`),
    index("web_events_visitor_idx").on(t.visitorId, t.occurredAt),
    index("web_events_type_idx").on(t.type, t.occurredAt),
  ],
);

/** A visitor of the site or app, and the client they turned out to be. */
export const visitors = pgTable(
  "visitors",
  {
    visitorId: text("visitor_id").primaryKey(),
    partyId: integer("party_id").references(() => parties.id),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
  },
  // A merge re-points a client's visitors: without the index each merge reads every visitor.
  (t) => [index("visitors_party_idx").on(t.partyId).where(sql`${t.partyId} is not null`)],
);

/** Senders allowed to post events: the web site, the portal, the app; each with its own key. */
export const eventSources = pgTable("event_sources", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull().unique(),
  source: text("source", { enum: ["site", "portal", "app"] }).notNull(),
  /** SHA-256 of the key. */
  keyHash: text("key_hash").notNull().unique(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
