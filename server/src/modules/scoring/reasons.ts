import type { Feature } from "./features";

/** A reason in plain words: a code the UI renders in the employee's language, with its numbers. */
export interface Reason {
  code: string;
  params: Record<string, number>;
}

const r = (x: number, step = 1) => Math.round(x / step) * step;

/**
 * The sentence for a feature that pushed a client's probability up, from the row's own values:
 * "OSAGO ends in 12 days", "last maintenance 14 months ago, about 18,000 km since". Null for a
 * feature with nothing to say on this row (a missing value).
 */
export function reasonFor(feature: Feature, v: (f: Feature) => number): Reason | null {
  const value = v(feature);
  if (Number.isNaN(value)) return null;
  switch (feature) {
    case "days_since_maintenance":
    case "km_since_maintenance":
      return {
        code: "since_maintenance",
        params: {
          months: r(v("days_since_maintenance") / 30.44),
          km: r(Math.max(0, v("km_since_maintenance")), 100),
        },
      };
    case "km":
    case "km_per_year":
      return { code: "mileage", params: { km: r(v("km"), 100), perYear: r(v("km_per_year"), 100) } };
    case "car_age_years":
      return { code: "car_age", params: { years: r(value, 0.1) } };
    case "owned_years":
      return { code: "owned_years", params: { years: r(value, 0.1) } };
    case "warranty_days_left":
      return value >= 0
        ? { code: "warranty_ends_in", params: { days: value } }
        : { code: "warranty_ended", params: { days: -value } };
    case "osago_days_left":
    case "kasko_days_left": {
      const kind = feature === "osago_days_left" ? "osago" : "kasko";
      return value >= 0
        ? { code: `${kind}_ends_in`, params: { days: value } }
        : { code: `${kind}_ended`, params: { days: -value } };
    }
    case "policies_here":
      return { code: "policies_here", params: { count: value } };
    case "premium_rub":
      return { code: "premium", params: { rub: r(value, 100) } };
    case "credit_days_left":
      return value >= 0
        ? { code: "credit_ends_in", params: { days: value } }
        : { code: "credit_ended", params: { days: -value } };
    case "maintenance_per_year":
      return { code: "services_regularly", params: { perYear: r(value, 0.1) } };
    case "days_since_visit":
      return { code: "last_visit", params: { months: r(value / 30.44) } };
    case "visits_2y":
      return { code: "visits_2y", params: { count: value } };
    case "repairs_2y":
      return { code: "repairs_2y", params: { count: value } };
    case "no_shows":
      return { code: "no_shows", params: { count: value } };
    case "service_spend_2y":
      return { code: "service_spend", params: { rub: value * 1000 } };
    case "tyres_2y":
    case "days_since_tyres":
      return { code: "tyres_before", params: { count: v("tyres_2y") } };
    case "month":
      return { code: "season", params: { month: value } };
    case "bought_here":
    case "new_car":
      return value ? { code: "bought_here", params: {} } : { code: "bought_elsewhere", params: {} };
    case "car_price_m":
      return { code: "car_price", params: { rub: r(value * 1e6, 10_000) } };
    case "purchases":
      return { code: "purchases", params: { count: value } };
    case "days_since_purchase":
      return { code: "bought_ago", params: { years: r(value / 365.25, 0.1) } };
    case "open_deals":
      return { code: "open_deals", params: { count: value } };
    case "lost_deals_1y":
      return { code: "lost_deals", params: { count: value } };
    case "extended_warranties":
      return { code: "extended_warranties", params: { count: value } };
    case "web_views_30d":
      return { code: "web_views", params: { count: value, days: 30 } };
    case "web_views_90d":
      return { code: "web_views", params: { count: value, days: 90 } };
    case "web_offer_pages_90d":
      return { code: "web_offer_pages", params: { count: value } };
    case "days_since_web":
      return { code: "last_web", params: { days: value } };
    case "calls_1y":
    case "reach_rate_1y":
      return {
        code: "answers_calls",
        params: { calls: v("calls_1y"), percent: r((v("reach_rate_1y") || 0) * 100) },
      };
    case "nps":
      return { code: "nps", params: { score: value } };
    case "offers_accepted_1y":
      return { code: "offers_accepted", params: { count: value } };
    case "offers_refused_1y":
      return { code: "offers_refused", params: { count: value } };
    case "offers_ignored_1y":
      return { code: "offers_ignored", params: { count: value } };
    case "segment":
      return { code: "segment", params: { segment: value } };
    case "company":
      return value ? { code: "company", params: {} } : null;
    case "client_years":
      return { code: "client_years", params: { years: r(value, 0.1) } };
  }
}

const indexes = new WeakMap<readonly Feature[], Map<Feature, number>>();

/**
 * The top reasons of one prediction: features by their share of the margin, those that raised the
 * probability, each sentence once (two features can say the same thing, like km and km a year).
 * Called for every offer of a million clients, so it picks the leaders by scanning, not sorting.
 */
export function topReasons(
  features: readonly Feature[],
  shares: ArrayLike<number>,
  row: ArrayLike<number>,
  count = 3,
): Reason[] {
  let index = indexes.get(features);
  if (!index) {
    index = new Map(features.map((f, i) => [f, i]));
    indexes.set(features, index);
  }
  const at = index;
  const v = (f: Feature) => {
    const i = at.get(f);
    return i === undefined ? Number.NaN : row[i]!;
  };
  const out: Reason[] = [];
  // Each feature is taken once; the scan marks it below the threshold instead of keeping a set.
  let taken = 0;
  let floor = Number.POSITIVE_INFINITY;
  while (out.length < count) {
    let best = -1;
    for (let i = 0; i < features.length; i++) {
      const share = shares[i]!;
      if (
        share > 0.01 &&
        (share < floor || (share === floor && i > taken)) &&
        (best < 0 || share > shares[best]!)
      )
        best = i;
    }
    if (best < 0) break;
    floor = shares[best]!;
    taken = best;
    const reason = reasonFor(features[best]!, v);
    if (!reason || out.some((r) => r.code === reason.code)) continue;
    out.push(reason);
  }
  return out;
}
