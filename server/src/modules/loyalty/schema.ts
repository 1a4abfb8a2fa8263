import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { workOrders } from "../service/schema";

/**
 * An account of the points ledger: a client's points, or one of the programme's own accounts (points
 * issued, redeemed, expired). The balance is kept by the movements' trigger; a client's may never go
 * below zero (the CHECK refuses the movement that would).
 */
export const loyaltyAccounts = pgTable(
  "loyalty_accounts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** "client" for a client's points; "issued", "redeemed", "expired" for the programme's. */
    kind: text("kind", { enum: ["client", "issued", "redeemed", "expired"] }).notNull(),
    partyId: integer("party_id").references(() => parties.id),
    balance: bigint("balance", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("loyalty_accounts_party_uq").on(t.partyId).where(sql`${t.kind} = 'client'`),
    uniqueIndex("loyalty_accounts_programme_uq").on(t.kind).where(sql`${t.kind} <> 'client'`),
    check("loyalty_accounts_client_has_party", sql`(${t.kind} = 'client') = (${t.partyId} IS NOT NULL)`),
    check("loyalty_accounts_never_negative", sql`${t.kind} <> 'client' OR ${t.balance} >= 0`),
  ],
);

/**
 * One movement of points from one account to another (double entry in one row: what leaves one account
 * enters the other). The idempotency key makes a retried earn or spend a no-op.
 */
export const loyaltyMovements = pgTable(
  "loyalty_movements",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    idempotencyKey: text("idempotency_key").notNull(),
    fromAccountId: integer("from_account_id")
      .notNull()
      .references(() => loyaltyAccounts.id),
    toAccountId: integer("to_account_id")
      .notNull()
      .references(() => loyaltyAccounts.id),
    points: bigint("points", { mode: "number" }).notNull(),
    /** The client whose points moved. */
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    /** sign_up, first_review, cashback, spend, refund, expiry, adjustment. */
    reason: text("reason").notNull(),
    /** What the client is told: the work order, the tier and rate, the amount paid. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    workOrderId: integer("work_order_id").references(() => workOrders.id),
    /** Earned points lapse at this moment unless spent first. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("loyalty_movements_key_uq").on(t.idempotencyKey),
    index("loyalty_movements_party_idx").on(t.partyId, t.at),
    index("loyalty_movements_work_order_idx").on(t.workOrderId).where(sql`${t.workOrderId} IS NOT NULL`),
    check("loyalty_movements_positive", sql`${t.points} > 0`),
    check("loyalty_movements_two_accounts", sql`${t.fromAccountId} <> ${t.toAccountId}`),
  ],
);

/** The programme's rules as configuration (one row, edited by an administrator). */
export const loyaltyRules = pgTable("loyalty_rules", {
  id: integer("id").primaryKey().default(1),
  rules: jsonb("rules").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
