import { z } from "zod";

/** The programme's rules, as stored in loyalty_rules and edited without a release. */
export const LoyaltyRules = z.object({
  signUpPoints: z.number().int().min(0).max(100_000),
  firstReviewPoints: z.number().int().min(0).max(100_000),
  /** Tiers by what the client paid for service in the last 12 months, lowest first. */
  tiers: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z]{2,20}$/),
        fromRub: z.number().int().min(0),
        /** Cashback in per cent of what was paid in money. */
        cashbackPercent: z.number().min(0).max(100),
      }),
    )
    .min(1),
  /** At most this share of a bill may be paid with points. */
  maxSpendShare: z.number().min(0).max(1),
  /** Earned points lapse after this many months. */
  expiryMonths: z.number().int().min(1).max(120),
});
export type LoyaltyRules = z.infer<typeof LoyaltyRules>;

/** What the migration seeds: 300 for signing up and for the first review, 1.5-5 % cashback, half a bill. */
export const DEFAULT_RULES: LoyaltyRules = {
  signUpPoints: 300,
  firstReviewPoints: 300,
  tiers: [
    { code: "base", fromRub: 0, cashbackPercent: 1.5 },
    { code: "silver", fromRub: 100_000, cashbackPercent: 3 },
    { code: "gold", fromRub: 300_000, cashbackPercent: 5 },
  ],
  maxSpendShare: 0.5,
  expiryMonths: 12,
};

export type Tier = LoyaltyRules["tiers"][number];

/** The tier a year's service spend earns: the highest whose threshold it reaches. */
export function tierOf(rules: LoyaltyRules, paidRubLastYear: number): Tier {
  const sorted = [...rules.tiers].sort((a, b) => a.fromRub - b.fromRub);
  let tier = sorted[0]!;
  for (const t of sorted) if (paidRubLastYear >= t.fromRub) tier = t;
  return tier;
}

/** Cashback on a paid bill (one point is one rouble), on what was paid in money, rounded down. */
export function cashback(tier: Tier, billRub: number, paidWithPoints: number): number {
  const paidInMoney = Math.max(0, billRub - paidWithPoints);
  return Math.floor((paidInMoney * tier.cashbackPercent) / 100);
}

/** The most points a bill may take: its share cap, the client's balance, whichever is smaller. */
export function maxSpend(rules: LoyaltyRules, billRub: number, balance: number): number {
  return Math.max(0, Math.min(Math.floor(billRub * rules.maxSpendShare), balance));
}

/** Why a spend is refused, or null when it may go. */
export function spendRefusal(
  rules: LoyaltyRules,
  billRub: number,
  balance: number,
  points: number,
): "not_positive" | "over_balance" | "over_share" | null {
  if (!Number.isInteger(points) || points <= 0) return "not_positive";
  if (points > balance) return "over_balance";
  if (points > Math.floor(billRub * rules.maxSpendShare)) return "over_share";
  return null;
}

export interface EarnedLot {
  points: number;
  expiresAt: Date | null;
}

/**
 * How many points lapse now. Points leave the oldest-expiring lots first (what was spent or has
 * already lapsed is taken from them), so what is left of every lot past its date expires.
 */
export function expiringPoints(lots: readonly EarnedLot[], alreadyOut: number, now: Date): number {
  const ordered = [...lots].sort(
    (a, b) =>
      (a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) -
      (b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY),
  );
  let out = alreadyOut;
  let lapsing = 0;
  for (const lot of ordered) {
    const used = Math.min(out, lot.points);
    out -= used;
    const left = lot.points - used;
    if (left > 0 && lot.expiresAt && lot.expiresAt.getTime() <= now.getTime()) lapsing += left;
  }
  return lapsing;
}

/** When points earned now lapse. */
export function expiryOf(rules: LoyaltyRules, earnedAt: Date): Date {
  const d = new Date(earnedAt);
  d.setUTCMonth(d.getUTCMonth() + rules.expiryMonths);
  return d;
}
