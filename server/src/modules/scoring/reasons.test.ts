import { describe, expect, it } from "vitest";
import { FEATURES, type Feature } from "./features";
import { reasonFor, topReasons } from "./reasons";

const rowOf = (values: Partial<Record<Feature, number>>) =>
  Float64Array.from(FEATURES, (f) => values[f] ?? Number.NaN);
const sharesOf = (values: Partial<Record<Feature, number>>) =>
  Float64Array.from(FEATURES, (f) => values[f] ?? 0);

describe("reasons in plain words", () => {
  it("says how long ago and how far since the last maintenance, from the row's own values", () => {
    const row = rowOf({ days_since_maintenance: 426, km_since_maintenance: 18_140 });
    const v = (f: Feature) => row[FEATURES.indexOf(f)]!;
    expect(reasonFor("days_since_maintenance", v)).toEqual({
      code: "since_maintenance",
      params: { months: 14, km: 18_100 },
    });
  });

  it("tells a policy that ends from one that ended", () => {
    const v = (days: number) => (f: Feature) => (f === "osago_days_left" ? days : Number.NaN);
    expect(reasonFor("osago_days_left", v(12))).toEqual({ code: "osago_ends_in", params: { days: 12 } });
    expect(reasonFor("osago_days_left", v(-3))).toEqual({ code: "osago_ended", params: { days: 3 } });
  });

  it("has nothing to say about a missing value", () => {
    expect(reasonFor("nps", () => Number.NaN)).toBeNull();
  });

  it("keeps the features that raised the probability most, each sentence once", () => {
    const row = rowOf({ km: 80_000, km_per_year: 20_000, osago_days_left: 10, nps: 9, web_views_30d: 4 });
    const shares = sharesOf({
      km: 0.9,
      km_per_year: 0.8,
      osago_days_left: 0.5,
      nps: -0.7,
      web_views_30d: 0.3,
    });
    const reasons = topReasons(FEATURES, shares, row);
    // km and km a year are one sentence; the NPS lowered the probability, so it is no reason.
    expect(reasons.map((r) => r.code)).toEqual(["mileage", "osago_ends_in", "web_views"]);
    expect(topReasons(FEATURES, sharesOf({}), row)).toEqual([]);
  });
});
