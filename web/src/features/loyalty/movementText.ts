import type { LoyaltyMovement } from "@orbit/contracts";
import type { TFunction } from "i18next";

/** What a points movement was for, in words: the same on the portal and on the staff card. */
export function movementText(t: TFunction, m: LoyaltyMovement): string {
  const d = m.details as { number?: string; percent?: number };
  return t(`portal.points.reason.${m.reason}`, { number: d.number ?? "", percent: d.percent ?? "" });
}

export function tierName(t: TFunction, tier: string): string {
  return ["base", "silver", "gold"].includes(tier) ? t(`portal.points.tiers.${tier as "base"}`) : tier;
}
