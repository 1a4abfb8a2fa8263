import { z } from "zod";

/**
 * An amount in roubles that must be more than nothing, as a form sends it. Orbit keeps kopecks, so the
 * least amount is one kopeck: 0.001 ₽ would round to zero and break the rule that a price is positive.
 */
export const positiveRub = (max: number) =>
  z.number().min(0.01, "must be at least 0.01 ₽ (one kopeck)").max(max);
