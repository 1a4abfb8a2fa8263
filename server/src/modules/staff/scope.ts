import type { Role } from "@orbit/contracts";

interface Scoped {
  role: Role;
  dealershipId: number | null;
}

/** The dealerships whose records an employee may see: all of them for group-wide staff. */
export function dealershipScope(actor: Scoped): "all" | number[] {
  return actor.dealershipId === null ? "all" : [actor.dealershipId];
}

export function canAccessDealership(actor: Scoped, dealershipId: number | null): boolean {
  if (actor.dealershipId === null) return true;
  return dealershipId === actor.dealershipId;
}

/**
 * Who may create or change which staff account. Admins manage everyone. A director manages the
 * staff of their own dealership (a group director: of every dealership) but never admins, and
 * never makes anyone group-wide unless they are group-wide themselves.
 */
export function canManageUser(actor: Scoped, target: Scoped): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "director") return false;
  if (target.role === "admin") return false;
  if (actor.dealershipId === null) return true;
  return target.dealershipId === actor.dealershipId;
}
