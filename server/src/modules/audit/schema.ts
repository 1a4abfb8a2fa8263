import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The action log: who did what to which entity, with the state before and after, and the business
 * process step it belongs to. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), so it can
 * serve as the audit trail and as the event log for process mining (case = entity, activity = step).
 */
export const actionLog = pgTable(
  "action_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null when the system acted (an import, a scheduled job); then `actorRole` names the process. */
    actorUserId: integer("actor_user_id"),
    actorRole: text("actor_role"),
    dealershipId: integer("dealership_id"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    processStep: text("process_step"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("action_log_entity_idx").on(t.entityType, t.entityId, t.id),
    index("action_log_actor_idx").on(t.actorUserId, t.id),
    index("action_log_step_idx").on(t.processStep, t.at),
  ],
);
