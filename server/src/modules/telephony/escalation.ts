import type { EscalationChain } from "@orbit/contracts";

export type Step = EscalationChain["steps"][number];

/**
 * The two ways the sources describe an unanswered call. "chain" (УралАвтоИмпорт): the call must be
 * picked up, so after N seconds it goes to the head of the department, then to the director. "journal"
 * (Динамика): the call is not passed on; it lands in the missed-call journal and is called back.
 * Each step's afterS counts from the moment the call first rang.
 */
export function nextEscalation(
  strategy: "chain" | "journal",
  steps: readonly Step[],
  done: number,
  ringingAt: Date,
): { step: number; at: Date } | null {
  if (strategy !== "chain") return null;
  const next = steps[done];
  if (!next) return null;
  return { step: done + 1, at: new Date(ringingAt.getTime() + next.afterS * 1000) };
}

/** Who calls a missed call back: the one it rang for in a chain, else the chain's callback queue. */
export function callbackOwner(
  strategy: "chain" | "journal",
  firstUserId: number | null,
): { assignee: number | null } {
  return { assignee: strategy === "chain" ? firstUserId : null };
}
