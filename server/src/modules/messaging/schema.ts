import { MESSAGE_CHANNELS } from "@orbit/contracts";
import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { users } from "../staff/schema";

/** Every message sent to a client, with the provider's answer; the timeline entry points here. */
export const messages = pgTable(
  "messages",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    provider: text("provider").notNull(),
    purpose: text("purpose", { enum: ["service", "marketing"] }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    status: text("status", { enum: ["sent", "failed"] }).notNull(),
    error: text("error"),
    externalId: text("external_id"),
    sentByUserId: integer("sent_by_user_id").references(() => users.id),
    interactionId: bigint("interaction_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_party_idx").on(t.partyId, t.createdAt)],
);
