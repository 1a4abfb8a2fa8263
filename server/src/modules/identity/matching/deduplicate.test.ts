import { describe, expect, it } from "vitest";
import { deduplicate } from "./deduplicate";
import { personSpec } from "./specs/person";
import { testPopulation } from "./testPopulation";
import { AUTO_MERGE_AT, REVIEW_AT } from "./thresholds";
import { trainModel } from "./train";

describe("deduplicate", () => {
  const { records, entity } = testPopulation(600, 11);
  const params = trainModel(records, personSpec, { uPairs: 300_000 });
  const result = deduplicate(records, params);

  it("finds the people typed several times and keeps different people apart", () => {
    let truePairs = 0;
    let predicted = 0;
    let correct = 0;
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++) if (entity[i] === entity[j]) truePairs++;
    for (const cluster of result.clusters) {
      for (let x = 0; x < cluster.length; x++) {
        for (let y = x + 1; y < cluster.length; y++) {
          predicted++;
          if (entity[cluster[x]!] === entity[cluster[y]!]) correct++;
        }
      }
    }
    expect(correct / predicted).toBeGreaterThan(0.97);
    expect(correct / truePairs).toBeGreaterThan(0.9);
  });

  it("reports pairs from the review threshold up, with consistent decisions", () => {
    expect(result.pairs.length).toBeGreaterThan(0);
    const clusterOf = new Map<number, number>();
    result.clusters.forEach((c, k) => {
      for (const r of c) clusterOf.set(r, k);
    });
    for (const p of result.pairs) {
      expect(p.probability).toBeGreaterThanOrEqual(REVIEW_AT);
      expect(p.a).toBeLessThan(p.b);
      const together = clusterOf.get(p.a) !== undefined && clusterOf.get(p.a) === clusterOf.get(p.b);
      expect(p.decision).toBe(together ? "merge" : "review");
      if (p.decision === "review" && p.probability >= AUTO_MERGE_AT)
        expect(result.vetoedLinks).toBeGreaterThan(0);
    }
    expect(result.pairsCompared).toBeGreaterThanOrEqual(result.pairs.length);
  });

  it("obeys caller thresholds", () => {
    const strict = deduplicate(records, params, { autoMergeAt: 0.999999, reviewAt: 0.99 });
    expect(strict.pairs.every((p) => p.probability >= 0.99)).toBe(true);
    expect(strict.clusters.flat().length).toBeLessThanOrEqual(result.clusters.flat().length);
  });
});
