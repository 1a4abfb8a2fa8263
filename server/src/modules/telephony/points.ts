import type { PointsRule } from "@orbit/contracts";

/**
 * What a rule is worth for one call. A rule is either a fixed amount (Wilgood: -50 when an operator picks
 * up, +50 back when the lead reaches an advisor in time) or a multiple of the stake, the size of the
 * pick-up charge ("three times as much when the client comes in").
 */
export function ruleAmount(rule: Pick<PointsRule, "points" | "multiplier">, stake: number): number {
  if (rule.points !== null) return rule.points;
  return Math.round((rule.multiplier ?? 0) * Math.abs(stake));
}

/** A handover counts only within the rule's time from the answer (the script's target, give or take). */
export function inTime(answeredAt: Date, handoverAt: Date, withinS: number | null): boolean {
  if (withinS === null) return true;
  const s = (handoverAt.getTime() - answeredAt.getTime()) / 1000;
  return s >= 0 && s <= withinS;
}

/** The month an amount belongs to, in the dealer's calendar: "2026-11". */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}
