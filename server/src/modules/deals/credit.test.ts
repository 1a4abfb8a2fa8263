import { describe, expect, it } from "vitest";
import { annuityPayment, offerCost, principalFor } from "./credit";

describe("annuity", () => {
  it("matches a bank's schedule: 1,000,000 at 12% for 60 months is 22,244.45 a month", () => {
    expect(annuityPayment(100_000_000, 12, 60)).toBe(2_224_445);
  });

  it("gives the total and the overpayment over the term", () => {
    const cost = offerCost(150_000_000, 19.9, 84);
    expect(cost.monthlyKopecks).toBe(3_321_904);
    expect(cost.totalKopecks).toBe(3_321_904 * 84);
    expect(cost.overpaymentKopecks).toBe(3_321_904 * 84 - 150_000_000);
  });

  it("splits a zero-rate loan evenly and charges nothing on nothing", () => {
    expect(annuityPayment(120_000_000, 0, 36)).toBe(3_333_333);
    expect(annuityPayment(0, 15, 36)).toBe(0);
  });

  it("inverts: the principal a monthly payment carries pays back to that payment", () => {
    for (const [monthly, rate, term] of [
      [6_000_000, 16, 60],
      [2_500_000, 9.9, 36],
      [4_000_000, 0, 48],
    ] as const) {
      const principal = principalFor(monthly, rate, term);
      expect(annuityPayment(principal, rate, term)).toBeLessThanOrEqual(monthly);
      expect(annuityPayment(principal + 100_000, rate, term)).toBeGreaterThan(monthly);
    }
  });
});
