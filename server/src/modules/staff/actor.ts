import type { Locale, Role } from "@orbit/contracts";

/** The signed-in employee on whose behalf a request runs. */
export interface Actor {
  userId: number;
  login: string;
  fullName: string;
  role: Role;
  /** Null for group-wide staff. */
  dealershipId: number | null;
  departmentId: number | null;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
}

/**
 * Who a write is attributed to in the action log: an employee, or a named system process
 * (an import, a scheduled job, the demo generator) when no employee acted.
 */
export interface ActingAs {
  userId: number | null;
  role: string | null;
  dealershipId: number | null;
  requestId: string | null;
}

export const actingAs = (actor: Actor, requestId: string | null = null): ActingAs => ({
  userId: actor.userId,
  role: actor.role,
  dealershipId: actor.dealershipId,
  requestId,
});

export const systemProcess = (name: string): ActingAs => ({
  userId: null,
  role: `system:${name}`,
  dealershipId: null,
  requestId: null,
});
