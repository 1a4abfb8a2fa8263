import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { parties } from "../identity/schema";
import { workOrders } from "../service/schema";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * A one-time sign-in code sent to a phone: only its hash is kept; wrong guesses are counted on the
 * code, and codes asked for are counted per phone and per address (the rate limits read these rows).
 */
export const portalCodes = pgTable(
  "portal_codes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    phone: text("phone").notNull(),
    ip: text("ip").notNull(),
    codeHash: text("code_hash").notNull(),
    /** The client the phone belongs to, when Orbit knows it (a code is sent either way: no enumeration). */
    partyId: integer("party_id").references(() => parties.id),
    failedAttempts: smallint("failed_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("portal_codes_phone_idx").on(t.phone, t.createdAt),
    index("portal_codes_ip_idx").on(t.ip, t.createdAt),
  ],
);

/** A client's portal session: separate from staff sessions (own cookie, own CSRF token). */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    /** SHA-256 of the cookie token. */
    id: text("id").primaryKey(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("portal_sessions_party_idx").on(t.partyId)],
);

/** The client's review of a visit and their NPS answer (one per work order). */
export const portalReviews = pgTable(
  "portal_reviews",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    workOrderId: integer("work_order_id")
      .notNull()
      .references(() => workOrders.id),
    rating: smallint("rating").notNull(),
    nps: smallint("nps").notNull(),
    text: text("text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("portal_reviews_work_order_uq").on(t.workOrderId),
    check("portal_reviews_rating", sql`${t.rating} BETWEEN 1 AND 5`),
    check("portal_reviews_nps", sql`${t.nps} BETWEEN 0 AND 10`),
  ],
);

/** A photo the client attached to an online booking (what the problem looks like). */
export const portalBookingPhotos = pgTable("portal_booking_photos", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  workOrderId: integer("work_order_id")
    .notNull()
    .references(() => workOrders.id),
  contentType: text("content_type").notNull(),
  data: bytea("data").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
