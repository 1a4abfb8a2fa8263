import { PERMISSIONS, type Permission, type Role } from "@orbit/contracts";

const everyone: Permission[] = [
  "dealerships.read",
  "clients.read",
  "clients.write",
  "tasks.work",
  "messages.send",
];
/** Whoever takes part in a sale: the deal's screens and the group's stock. */
const selling: Permission[] = [...everyone, "deals.work", "stock.read"];

/** What each role may do; dealership scope is checked separately (see scope.ts). */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  director: [
    ...selling,
    "staff.read",
    "staff.manage",
    "audit.read",
    "clients.merge",
    "clients.import",
    "clients.privacy",
    "tasks.manage",
    "scenarios.manage",
    "reports.read",
    "calls.listen",
    "telephony.manage",
    "service.work",
    "service.manage",
    "propensity.manage",
    "stock.manage",
    "deals.processes",
    "analytics.manage",
  ],
  sales_manager: [
    ...selling,
    "staff.read",
    "audit.read",
    "clients.merge",
    "tasks.manage",
    "reports.read",
    "calls.listen",
    "stock.manage",
  ],
  salesperson: selling,
  // Advisors plan the workshop and run work orders; the call centre and personal managers book visits.
  service_advisor: [...everyone, "service.work"],
  call_center_operator: [...everyone, "service.work"],
  // The head of the contact centre listens to calls and sets its scripts, escalation and points.
  call_center_head: [
    ...everyone,
    "service.work",
    "staff.read",
    "reports.read",
    "calls.listen",
    "telephony.manage",
    "analytics.manage",
  ],
  fi_specialist: selling,
  appraiser: selling,
  personal_manager: [...selling, "service.work"],
  marketer: [
    "dealerships.read",
    "clients.read",
    "clients.import",
    "scenarios.manage",
    "propensity.manage",
    "reports.read",
    "analytics.manage",
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
