import { DEPARTMENT_KINDS, LOCALES, ROLES } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const dealerships = pgTable("dealerships", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  brands: text("brands").array().notNull().default(sql`'{}'`),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  timezone: text("timezone").notNull().default("Europe/Moscow"),
  /** Where the centre is (WGS 84): the client portal offers the nearest first. */
  latitude: doublePrecision("latitude"),
  longitude: doublePrecision("longitude"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable(
  "departments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    dealershipId: integer("dealership_id")
      .notNull()
      .references(() => dealerships.id),
    kind: text("kind", { enum: DEPARTMENT_KINDS }).notNull(),
    name: text("name").notNull(),
    /** Who answers for the department: an unanswered call to its staff goes up to them. */
    headUserId: integer("head_user_id").references((): AnyPgColumn => users.id),
  },
  (t) => [
    unique("departments_dealership_kind_uq").on(t.dealershipId, t.kind),
    check("departments_kind_ck", sql`${t.kind} in (${inList(DEPARTMENT_KINDS)})`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    login: text("login").notNull().unique(),
    fullName: text("full_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    role: text("role", { enum: ROLES }).notNull(),
    /** Null for group-wide staff (admin, group director, group marketer): they see every dealership. */
    dealershipId: integer("dealership_id").references(() => dealerships.id),
    departmentId: integer("department_id").references(() => departments.id),
    /** Telephony extension that rings this employee. */
    extension: text("extension"),
    locale: text("locale", { enum: LOCALES }).notNull().default("ru"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_role_ck", sql`${t.role} in (${inList(ROLES)})`),
    check("users_locale_ck", sql`${t.locale} in (${inList(LOCALES)})`),
    index("users_dealership_idx").on(t.dealershipId),
    unique("users_extension_uq").on(t.extension),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a leaked table does not leak usable sessions. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    login: text("login").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [index("login_attempts_login_idx").on(t.login, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);
