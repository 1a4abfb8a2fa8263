import { describe, expect, it } from "vitest";
import { personSpec } from "./specs/person";
import { testPopulation } from "./testPopulation";
import { trainModel } from "./train";

describe("trainModel (no labels)", () => {
  const { records } = testPopulation(500);
  const params = trainModel(records, personSpec, { uPairs: 300_000 });
  const weight = (comparison: string, label: string) => {
    const level = params.comparisons
      .find((c) => c.name === comparison)!
      .levels.find((l) => l.label === label)!;
    return Math.log2(level.m / level.u);
  };

  it("learns that agreement is evidence for and disagreement against", () => {
    for (const c of ["lastName", "firstName", "birthDate", "phones", "documents"]) {
      const levels = params.comparisons.find((x) => x.name === c)!.levels;
      expect(Math.log2(levels[0]!.m / levels[0]!.u)).toBeGreaterThan(3);
      expect(Math.log2(levels.at(-1)!.m / levels.at(-1)!.u)).toBeLessThan(0);
    }
    expect(weight("birthDate", "exact")).toBeGreaterThan(weight("birthDate", "two typos"));
  });

  it("keeps m and u as probability distributions", () => {
    for (const c of params.comparisons) {
      const u = c.levels.reduce((s, l) => s + l.u, 0);
      expect(u).toBeCloseTo(1, 6);
      expect(c.levels.reduce((s, l) => s + l.m, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it("estimates a plausible prior and household share", () => {
    const n = records.length;
    // About one duplicate per person over n records: lambda in the order of 1 / n.
    expect(params.lambda).toBeGreaterThan(0.1 / n);
    expect(params.lambda).toBeLessThan(10 / n);
    expect(params.lambdaHousehold).toBeGreaterThan(0);
    // One EM session per blocking rule that yields pairs (this population has no VINs).
    expect(params.training.sessions.map((s) => s.rule)).toContain("nm");
    expect(params.training.sessions.map((s) => s.rule)).not.toContain("vin");
  });

  it("is plain JSON and repeatable", () => {
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
    expect(trainModel(records, personSpec, { uPairs: 300_000 })).toEqual(params);
  });

  it("never lets a level without evidence among matches add weight", () => {
    for (const c of params.comparisons) {
      for (const l of c.levels)
        if (l.m <= l.u * (1 + 1e-12)) expect(Math.log2(l.m / l.u)).toBeLessThanOrEqual(1e-9);
    }
    // Nobody's phone has a typo in the test population, so that level must not count for a match.
    expect(weight("phones", "one typo")).toBeLessThanOrEqual(0);
  });
});
