import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
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

/**
 * A deal process as data: its steps, what each requires, who may do it, and its hand-offs (the shape is
 * contracts' ProcessDefinition). Saving a process adds a version; a deal keeps the version it was opened
 * with, so a change never breaks a deal half-way, and new deals follow the new one.
 */
export const dealProcesses = pgTable(
  "deal_processes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    dealKind: text("deal_kind", { enum: DEAL_KINDS }).notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    definition: jsonb("definition").notNull(),
    active: boolean("active").notNull().default(true),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deal_processes_version_uq").on(t.code, t.version),
    uniqueIndex("deal_processes_active_uq").on(t.code).where(sql`${t.active}`),
  ],
);

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
    /** The process version the deal follows; null for deals from before Orbit (the demo's history, imports). */
    processId: integer("process_id").references(() => dealProcesses.id),
    /** What the client needs (contracts' Needs), the basis of the stock match. */
    needs: jsonb("needs"),
    /** The agreed price of the car, before the trade-in. */
    vehiclePriceKopecks: bigint("vehicle_price_kopecks", { mode: "number" }),
    /** The trade-in value the client accepted (the appraisal may be higher or lower). */
    tradeInAcceptedKopecks: bigint("trade_in_accepted_kopecks", { mode: "number" }),
    downPaymentKopecks: bigint("down_payment_kopecks", { mode: "number" }).notNull().default(0),
    creditRequestedKopecks: bigint("credit_requested_kopecks", { mode: "number" }),
    creditTermMonths: integer("credit_term_months"),
    creditAppliedAt: timestamp("credit_applied_at", { withTimezone: true }),
    paymentReceivedAt: timestamp("payment_received_at", { withTimezone: true }),
    paymentMethod: text("payment_method", { enum: ["cash", "card", "transfer", "credit"] }),
    deliveryPlannedOn: date("delivery_planned_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
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

export const STEP_STATUSES = ["todo", "waiting", "done"] as const;

/** Where each step of a deal stands: waiting while a specialist works on its hand-off, then done. */
export const dealSteps = pgTable(
  "deal_steps",
  {
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    status: text("status", { enum: STEP_STATUSES }).notNull().default("todo"),
    /** When the hand-off was sent. */
    handedOffAt: timestamp("handed_off_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedByUserId: integer("completed_by_user_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.code] })],
);

export const APPRAISAL_CONDITIONS = ["excellent", "good", "fair", "poor"] as const;

/** The appraiser's valuation of a trade-in car; the latest counts, earlier ones stay as history. */
export const tradeInAppraisals = pgTable(
  "trade_in_appraisals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    vehicleId: integer("vehicle_id")
      .notNull()
      .references(() => vehicles.id),
    mileageKm: integer("mileage_km").notNull(),
    condition: text("condition", { enum: APPRAISAL_CONDITIONS }).notNull(),
    notes: text("notes"),
    valueKopecks: bigint("value_kopecks", { mode: "number" }).notNull(),
    appraisedByUserId: integer("appraised_by_user_id").references(() => users.id),
    appraisedAt: timestamp("appraised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("trade_in_appraisals_deal_idx").on(t.dealId),
    check("appraisal_value_ck", sql`${t.valueKopecks} > 0`),
  ],
);

export const OFFER_STATUSES = ["offered", "approved", "declined"] as const;

/** A bank's answer to the deal's credit application, compared side by side; one is chosen. */
export const creditOffers = pgTable(
  "credit_offers",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    bank: text("bank").notNull(),
    principalKopecks: bigint("principal_kopecks", { mode: "number" }).notNull(),
    ratePct: numeric("rate_pct", { precision: 5, scale: 2 }).notNull(),
    termMonths: integer("term_months").notNull(),
    monthlyPaymentKopecks: bigint("monthly_payment_kopecks", { mode: "number" }).notNull(),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("approved"),
    chosen: boolean("chosen").notNull().default(false),
    enteredByUserId: integer("entered_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_offers_deal_idx").on(t.dealId),
    uniqueIndex("credit_offers_chosen_uq").on(t.dealId).where(sql`${t.chosen}`),
  ],
);

/** An insurer's quote for OSAGO or KASKO on the deal's car; one of each kind may be chosen. */
export const insuranceQuotes = pgTable(
  "insurance_quotes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    kind: text("kind", { enum: POLICY_KINDS }).notNull(),
    insurer: text("insurer").notNull(),
    premiumKopecks: bigint("premium_kopecks", { mode: "number" }).notNull(),
    chosen: boolean("chosen").notNull().default(false),
    enteredByUserId: integer("entered_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insurance_quotes_deal_idx").on(t.dealId),
    uniqueIndex("insurance_quotes_chosen_uq").on(t.dealId, t.kind).where(sql`${t.chosen}`),
  ],
);

/** Additional equipment sold with the car (mats, a tow bar, tinting, an alarm). */
export const dealAccessories = pgTable(
  "deal_accessories",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    name: text("name").notNull(),
    priceKopecks: bigint("price_kopecks", { mode: "number" }).notNull(),
    quantity: integer("quantity").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deal_accessories_deal_idx").on(t.dealId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const DEAL_DOCUMENT_KINDS = ["quote", "contract", "act"] as const;

/**
 * A document issued from the deal (quote, purchase contract, acceptance act), kept as the PDF that was
 * handed over: an issued document does not change when the deal's data does; a new one is issued instead.
 */
export const dealDocuments = pgTable(
  "deal_documents",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id),
    kind: text("kind", { enum: DEAL_DOCUMENT_KINDS }).notNull(),
    number: text("number").notNull(),
    pdf: bytea("pdf").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deal_documents_deal_idx").on(t.dealId, t.kind)],
);
