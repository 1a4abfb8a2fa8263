import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const INTERACTION_CHANNELS = [
  "call",
  "sms",
  "email",
  "messenger",
  "visit",
  "web",
  "app",
  "note",
  "task",
] as const;

/**
 * The client's timeline: calls, messages, visits, web and app events, notes and task outcomes.
 * The largest table (tens of millions of rows), so it carries no foreign keys: rows are written by
 * Orbit's services only, which check the client exists, and never deleted.
 */
export const interactions = pgTable(
  "interactions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    channel: text("channel", { enum: INTERACTION_CHANNELS }).notNull(),
    direction: text("direction", { enum: ["in", "out"] }),
    dealershipId: integer("dealership_id"),
    userId: integer("user_id"),
    vehicleId: integer("vehicle_id"),
    subject: text("subject").notNull(),
    body: text("body"),
    outcome: text("outcome"),
    durationS: integer("duration_s"),
    recordingUrl: text("recording_url"),
    /** What the interaction is about, e.g. ("work_order", 123) or ("deal", 45). */
    refType: text("ref_type"),
    refId: integer("ref_id"),
    payload: jsonb("payload"),
  },
  (t) => [
    index("interactions_party_idx").on(t.partyId, t.occurredAt),
    // An employee's own activity: calls made this month, on the home page and in reports.
    index("interactions_user_idx").on(t.userId, t.occurredAt).where(sql`${t.userId} is not null`),
  ],
);
