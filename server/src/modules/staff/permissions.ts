import { PERMISSIONS, type Permission, type Role } from "@orbit/contracts";

const everyone: Permission[] = [
  "dealerships.read",
  "clients.read",
  "clients.write",
  "tasks.work",
  "messages.send",
];

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
    "reports.read",
    "calls.listen",
    "telephony.manage",
  ],
  sales_manager: [
    ...everyone,
    "staff.read",
    "audit.read",
    "clients.merge",
    "tasks.manage",
    "reports.read",
    "calls.listen",
  ],
  salesperson: everyone,
  service_advisor: everyone,
  call_center_operator: everyone,
  // The head of the contact centre listens to calls and sets its scripts, escalation and points.
  call_center_head: [...everyone, "staff.read", "reports.read", "calls.listen", "telephony.manage"],
  fi_specialist: everyone,
  personal_manager: everyone,
  marketer: ["dealerships.read", "clients.read", "clients.import", "scenarios.manage", "reports.read"],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
