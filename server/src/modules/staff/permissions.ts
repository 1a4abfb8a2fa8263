import { PERMISSIONS, type Permission, type Role } from "@orbit/contracts";

const everyone: Permission[] = ["dealerships.read", "clients.read", "clients.write", "tasks.work"];

/** What each role may do; dealership scope is checked separately (see scope.ts). */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  director: [
    ...everyone,
    "staff.read",
    "staff.manage",
    "audit.read",
    "clients.merge",
    "clients.import",
    "tasks.manage",
    "scenarios.manage",
    "propensity.manage",
    "reports.read",
  ],
  sales_manager: [...everyone, "staff.read", "audit.read", "clients.merge", "tasks.manage", "reports.read"],
  salesperson: everyone,
  service_advisor: everyone,
  call_center_operator: everyone,
  fi_specialist: everyone,
  personal_manager: everyone,
  marketer: [
    "dealerships.read",
    "clients.read",
    "clients.import",
    "scenarios.manage",
    "propensity.manage",
    "reports.read",
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
