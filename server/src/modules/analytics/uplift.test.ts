import { describe, expect, it } from "vitest";
import { uplift, wilson } from "./uplift";

describe("wilson", () => {
  it("matches the published interval for 81 of 263", () => {
    // Newcombe 1998, table I: 81/263 -> 0.2553 to 0.3662.
    const w = wilson(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
  });
  it("stays inside 0..1 at the edges", () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(10, 10).high).toBeCloseTo(1, 10);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 4);
  });
});

describe("uplift", () => {
  it("matches Newcombe's worked example 56/70 vs 48/80", () => {
    // Newcombe 1998, method 10, example (a): 0.0524 to 0.3339.
    const u = uplift({ n: 70, successes: 56 }, { n: 80, successes: 48 });
    expect(u.uplift).toBeCloseTo(0.2, 10);
    expect(u.low).toBeCloseTo(0.0524, 4);
    expect(u.high).toBeCloseTo(0.3339, 4);
    expect(u.significant).toBe(true);
  });
  it("is not significant when the interval holds zero", () => {
    const u = uplift({ n: 20, successes: 6 }, { n: 20, successes: 5 });
    expect(u.low).toBeLessThan(0);
    expect(u.high).toBeGreaterThan(0);
    expect(u.significant).toBe(false);
  });
  it("says nothing when a group is empty", () => {
    const u = uplift({ n: 0, successes: 0 }, { n: 10, successes: 3 });
    expect(u).toMatchObject({ pilotRate: null, controlRate: 0.3, uplift: null, significant: false });
  });
});
