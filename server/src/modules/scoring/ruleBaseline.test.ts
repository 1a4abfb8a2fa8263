import { describe, expect, it } from "vitest";
import { FEATURES, type Feature } from "./features";
import { ruleScore } from "./ruleBaseline";

const rowOf = (values: Partial<Record<Feature, number>>) =>
  Float64Array.from(FEATURES, (f) => values[f] ?? Number.NaN);

describe("the contact standards as a baseline", () => {
  it("calls about maintenance by mileage or by time", () => {
    expect(
      ruleScore("maintenance", rowOf({ km_since_maintenance: 14_000, days_since_maintenance: 100 })),
    ).toBe(1);
    expect(
      ruleScore("maintenance", rowOf({ km_since_maintenance: 4_000, days_since_maintenance: 340 })),
    ).toBe(1);
    expect(
      ruleScore("maintenance", rowOf({ km_since_maintenance: 4_000, days_since_maintenance: 100 })),
    ).toBe(0);
  });

  it("calls about a renewal from 45 days before to 30 days after the end", () => {
    expect(ruleScore("insurance_renewal", rowOf({ osago_days_left: 40 }))).toBe(1);
    expect(ruleScore("insurance_renewal", rowOf({ kasko_days_left: -20 }))).toBe(1);
    expect(ruleScore("insurance_renewal", rowOf({ osago_days_left: 90 }))).toBe(0);
    expect(ruleScore("insurance_renewal", rowOf({}))).toBe(0);
  });

  it("offers the trade-in in the fourth year unless the client is in a deal; a dealer's own family has no rule", () => {
    expect(ruleScore("trade_in", rowOf({ owned_years: 3.4, open_deals: 0 }))).toBe(1);
    expect(ruleScore("trade_in", rowOf({ owned_years: 3.4, open_deals: 1 }))).toBe(0);
    expect(ruleScore("bodywork", rowOf({ owned_years: 3.4 }))).toBe(0);
  });
});
