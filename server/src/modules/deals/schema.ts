import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { dealerships, users } from "../staff/schema";
import { stockVehicles } from "../stock/schema";
import { vehicles } from "../vehicles/schema";

export const DEAL_KINDS = [
  "new_car",
  "used_car",
  "trade_in",
  "credit",
  "insurance",
  "accessories",
  "combined",
  "extended_warranty",
] as const;
export const DEAL_STATUSES = ["open", "won", "lost"] as const;
export const LEAD_SOURCES = ["walk_in", "call", "web", "portal", "referral", "scenario"] as const;

/** A sale, from first contact to delivery (won) or loss. */
export const deals = pgTable(
  "deals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: DEAL_KINDS }).notNull(),
    status: text("status", { enum: DEAL_STATUSES }).notNull().default("open"),
    source: text("source", { enum: LEAD_SOURCES }).notNull(),
    salespersonId: integer("salesperson_id").references(() => users.id),
    /** The car sold (once it is the client's) and the stock unit it came from. */
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    stockVehicleId: integer("stock_vehicle_id").references(() => stockVehicles.id),
    /** The client's car taken in part-exchange. */
    tradeInVehicleId: integer("trade_in_vehicle_id").references(() => vehicles.id),
    amountKopecks: bigint("amount_kopecks", { mode: "number" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    deliveredOn: date("delivered_on", { mode: "string" }),
    lostReason: text("lost_reason"),
  },
  (t) => [
    index("deals_party_idx").on(t.partyId),
    index("deals_dealership_idx").on(t.dealershipId, t.status),
    index("deals_salesperson_idx").on(t.salespersonId, t.status),
  ],
);

export const POLICY_KINDS = ["osago", "kasko"] as const;

/** Motor insurance: OSAGO (compulsory third-party) and KASKO (comprehensive), with their end dates. */
export const insurancePolicies = pgTable(
  "insurance_policies",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    dealId: integer("deal_id").references(() => deals.id),
    kind: text("kind", { enum: POLICY_KINDS }).notNull(),
    insurer: text("insurer").notNull(),
    number: text("number").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    premiumKopecks: bigint("premium_kopecks", { mode: "number" }).notNull(),
    soldById: integer("sold_by_id").references(() => users.id),
  },
  (t) => [
    index("insurance_policies_party_idx").on(t.partyId),
    index("insurance_policies_ends_idx").on(t.endsOn),
    check("insurance_period_ck", sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/** Car loans arranged through the dealership. */
export const credits = pgTable(
  "credits",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    vehicleId: integer("vehicle_id").references(() => vehicles.id),
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    dealId: integer("deal_id").references(() => deals.id),
    bank: text("bank").notNull(),
    principalKopecks: bigint("principal_kopecks", { mode: "number" }).notNull(),
    ratePct: numeric("rate_pct", { precision: 5, scale: 2 }).notNull(),
    termMonths: integer("term_months").notNull(),
    monthlyPaymentKopecks: bigint("monthly_payment_kopecks", { mode: "number" }).notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
  },
  (t) => [index("credits_party_idx").on(t.partyId), index("credits_ends_idx").on(t.endsOn)],
);
