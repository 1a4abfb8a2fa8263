import { FEATURES, type Feature } from "./features";

const at = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<Feature, number>;
const between = (v: number, lo: number, hi: number) => !Number.isNaN(v) && v >= lo && v <= hi;

/**
 * What the contact standards would have said about a feature row: 1 when a standard calls about the
 * family that day, else 0. The baseline a model version must beat on the same holdout rows; a family a
 * dealer added has no standard, so its baseline is a coin toss.
 */
export function ruleScore(family: string, row: ArrayLike<number>): number {
  const v = (f: Feature) => row[at[f]]!;
  switch (family) {
    case "maintenance":
      // The maintenance standard: 15,000 km or 12 months since the last one, invited 1,500 km or 30 days ahead.
      return v("km_since_maintenance") >= 13_500 || v("days_since_maintenance") >= 335 ? 1 : 0;
    case "insurance_renewal":
      return between(v("osago_days_left"), -30, 45) || between(v("kasko_days_left"), -30, 45) ? 1 : 0;
    case "credit_end":
      return between(v("credit_days_left"), 0, 120) ? 1 : 0;
    case "trade_in":
      return between(v("owned_years"), 3, 4) && v("open_deals") === 0 ? 1 : 0;
    case "extended_warranty":
      return between(v("warranty_days_left"), 0, 90) ? 1 : 0;
    case "tyres": {
      const m = v("month");
      const season = m === 3 || m === 4 || m === 10 || m === 11;
      return season && v("tyres_2y") > 0 && !(v("days_since_tyres") < 120) ? 1 : 0;
    }
    default:
      return 0;
  }
}
