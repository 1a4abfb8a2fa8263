import { PERMISSIONS, type Permission, type Role } from "@orbit/contracts";

const everyone: Permission[] = ["dealerships.read", "clients.read", "clients.write", "tasks.work"];
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
    "tasks.manage",
    "scenarios.manage",
    "reports.read",
    "stock.manage",
    "deals.processes",
  ],
  sales_manager: [
    ...selling,
    "staff.read",
    "audit.read",
    "clients.merge",
    "tasks.manage",
    "reports.read",
    "stock.manage",
  ],
  salesperson: selling,
  service_advisor: everyone,
  call_center_operator: everyone,
  fi_specialist: selling,
  appraiser: selling,
  personal_manager: selling,
  marketer: ["dealerships.read", "clients.read", "clients.import", "scenarios.manage", "reports.read"],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
