import { z } from "zod";

/** Staff roles of a dealer group. Group-wide roles have no home dealership. */
export const ROLES = [
  "admin",
  "director",
  "sales_manager",
  "salesperson",
  "service_advisor",
  "call_center_operator",
  "call_center_head",
  "fi_specialist",
  "appraiser",
  "personal_manager",
  "marketer",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ["ru", "en"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * What a role may do. Routes declare the permission they need; the server maps roles to permissions,
 * and the web app only uses the list to decide what to show.
 */
export const PERMISSIONS = [
  "dealerships.read",
  "staff.read",
  "staff.manage",
  "audit.read",
  "clients.read",
  "clients.write",
  "clients.merge",
  "clients.import",
  /** Export everything held about a client, and anonymise a client on request. */
  "clients.privacy",
  "tasks.work",
  "tasks.manage",
  "scenarios.manage",
  "propensity.manage",
  "reports.read",
  /** Pilot and control groups, and campaign target lists turned into calls. */
  "analytics.manage",
  "calls.listen",
  "telephony.manage",
  "messages.send",
  "service.work",
  "service.manage",
  "deals.work",
  "deals.processes",
  "stock.read",
  "stock.manage",
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;
