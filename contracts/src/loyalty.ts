import { z } from "zod";

export const LoyaltyReason = z.enum([
  "sign_up",
  "first_review",
  "cashback",
  "spend",
  "refund",
  "expiry",
  "adjustment",
]);

/** One movement of the client's points, explained: why, how many (negative when they left), for what. */
export const LoyaltyMovement = z.object({
  id: z.number().int(),
  at: z.string(),
  reason: LoyaltyReason,
  points: z.number().int(),
  /** The work order's number, the tier and rate of a cashback, the bill a spend paid. */
  details: z.record(z.string(), z.unknown()),
  workOrderId: z.number().int().nullable(),
  expiresAt: z.string().nullable(),
});
export type LoyaltyMovement = z.infer<typeof LoyaltyMovement>;

export const LoyaltySummary = z.object({
  balance: z.number().int(),
  tier: z.string(),
  cashbackPercent: z.number(),
  paidRubLastYear: z.number(),
  maxSpendShare: z.number(),
  movements: z.array(LoyaltyMovement),
});
export type LoyaltySummary = z.infer<typeof LoyaltySummary>;

/** The points section of the staff client card. */
export const CardLoyalty = z.object({ balance: z.number().int(), movements: z.array(LoyaltyMovement) });
export type CardLoyalty = z.infer<typeof CardLoyalty>;
