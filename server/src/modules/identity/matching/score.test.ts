import { describe, expect, it } from "vitest";
import { prepareBatch } from "./prepare";
import {
  contradictionWeight,
  createScorer,
  matchProbability,
  priorsFor,
  termFrequencyAdjustment,
} from "./score";
import { personSpec } from "./specs/person";
import { testPopulation } from "./testPopulation";
import { trainModel } from "./train";
import type { ModelParams } from "./types";

const population = testPopulation(400);
const params: ModelParams = trainModel(population.records, personSpec, { uPairs: 200_000 });

describe("scoring", () => {
  it("breaks the weight down per field, summing to the pair weight", () => {
    const batch = prepareBatch(population.records.slice(0, 20), personSpec);
    const scorer = createScorer(batch, params, 1000);
    const fields = scorer.breakdown(0, 1);
    expect(fields.map((f) => f.field)).toEqual(personSpec.comparisons.map((c) => c.name));
    expect(fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(scorer.weight(0, 1), 9);
    for (const f of fields) if (f.level === 0) expect(f.weight).toBe(0);
  });

  it("weighs a shared rare value above a shared common one", () => {
    const table = { total: 1000, sumSquares: 0.02, counts: { ivanov: 100, ribakov: 2 } };
    expect(termFrequencyAdjustment(table, "ribakov")).toBeGreaterThan(0);
    expect(termFrequencyAdjustment(table, "ivanov")).toBeLessThan(0);
    expect(termFrequencyAdjustment(table, "never-seen")).toBeGreaterThan(
      termFrequencyAdjustment(table, "ribakov"),
    );
  });

  it("reads a model stored without a household share as having none", () => {
    const { lambdaHousehold: _h, ...old } = params;
    const priors = priorsFor(old as ModelParams, 1000);
    expect(priors.household).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isFinite(priors.unrelated)).toBe(true);
  });

  it("lowers the prior as the population grows", () => {
    const small = priorsFor(params, params.training.records);
    const big = priorsFor(params, params.training.records * 10);
    expect(small.match - big.match).toBeCloseTo(Math.log2(10), 1);
    expect(matchProbability(20, 0, big)).toBeLessThan(matchProbability(20, 0, small));
  });

  it("lets a household explain agreement on household fields only", () => {
    const priors = { match: -10, household: -12, unrelated: 0 };
    // Surname, phone and address agree (+25) but the first name differs (-8): a relative, not the client.
    expect(matchProbability(17, 25, priors)).toBeLessThan(0.05);
    // The same 17 bits from personal fields: the client.
    expect(matchProbability(17, 0, priors)).toBeGreaterThan(0.99);
    // Without a household class the first case would be merged.
    expect(matchProbability(17, 25, { ...priors, household: Number.NEGATIVE_INFINITY })).toBeGreaterThan(
      0.99,
    );
    expect(contradictionWeight(10, 25)).toBe(-15);
    expect(contradictionWeight(10, -3)).toBe(10);
  });
});
