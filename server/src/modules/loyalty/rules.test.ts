import { describe, expect, it } from "vitest";
import {
  cashback,
  DEFAULT_RULES,
  expiringPoints,
  expiryOf,
  LoyaltyRules,
  maxSpend,
  spendRefusal,
  tierOf,
} from "./rules";

describe("loyalty rules", () => {
  it("the default rules are valid configuration", () => {
    expect(LoyaltyRules.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it("a tier is the highest threshold the year's spend reaches", () => {
    expect(tierOf(DEFAULT_RULES, 0).code).toBe("base");
    expect(tierOf(DEFAULT_RULES, 99_999).code).toBe("base");
    expect(tierOf(DEFAULT_RULES, 100_000).code).toBe("silver");
    expect(tierOf(DEFAULT_RULES, 1_000_000).code).toBe("gold");
  });

  it("cashback is on what was paid in money, rounded down", () => {
    const base = tierOf(DEFAULT_RULES, 0);
    const gold = tierOf(DEFAULT_RULES, 500_000);
    expect(cashback(base, 10_000, 0)).toBe(150);
    expect(cashback(base, 10_000, 4_000)).toBe(90);
    expect(cashback(gold, 12_345, 0)).toBe(617);
    expect(cashback(gold, 100, 500)).toBe(0);
  });

  it("points pay at most half of a bill and never more than the balance", () => {
    expect(maxSpend(DEFAULT_RULES, 10_000, 20_000)).toBe(5_000);
    expect(maxSpend(DEFAULT_RULES, 10_000, 1_200)).toBe(1_200);
    expect(maxSpend(DEFAULT_RULES, 1, 100)).toBe(0);
    expect(spendRefusal(DEFAULT_RULES, 10_000, 20_000, 5_000)).toBeNull();
    expect(spendRefusal(DEFAULT_RULES, 10_000, 20_000, 5_001)).toBe("over_share");
    expect(spendRefusal(DEFAULT_RULES, 10_000, 300, 301)).toBe("over_balance");
    expect(spendRefusal(DEFAULT_RULES, 10_000, 300, 0)).toBe("not_positive");
    expect(spendRefusal(DEFAULT_RULES, 10_000, 300, 1.5)).toBe("not_positive");
  });

  it("what lapses is what is left of lots past their date, spending the oldest first", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const past = new Date("2026-05-01T00:00:00Z");
    const future = new Date("2026-09-01T00:00:00Z");
    const lots = [
      { points: 300, expiresAt: future },
      { points: 200, expiresAt: past },
    ];
    expect(expiringPoints(lots, 0, now)).toBe(200);
    // 150 spent came from the lot that lapses first.
    expect(expiringPoints(lots, 150, now)).toBe(50);
    expect(expiringPoints(lots, 250, now)).toBe(0);
    expect(expiringPoints([{ points: 100, expiresAt: null }], 0, now)).toBe(0);
  });

  it("earned points lapse after the configured months", () => {
    expect(expiryOf(DEFAULT_RULES, new Date("2026-01-15T10:00:00Z")).toISOString()).toBe(
      "2027-01-15T10:00:00.000Z",
    );
  });
});
