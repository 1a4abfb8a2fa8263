// Pairwise evaluation against ground truth, as the datasets README defines it: every unordered pair
// inside one true entity is a true pair; a true pair that blocking never compared is a miss.
import type { BlockIndex, DedupResult } from "../../server/src/modules/identity/matching";
import { forEachCandidate } from "../../server/src/modules/identity/matching";

export interface Metrics {
  readonly predicted: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function truthPairCount(entity: readonly string[]): number {
  const sizes = new Map<string, number>();
  for (const e of entity) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let pairs = 0;
  for (const k of sizes.values()) pairs += (k * (k - 1)) / 2;
  return pairs;
}

function metrics(predicted: number, truePositives: number, truth: number): Metrics {
  const precision = predicted ? truePositives / predicted : 1;
  const recall = truth ? truePositives / truth : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted, truePositives, precision, recall, f1 };
}

/** Share of true pairs that blocking makes candidates. */
export function blockingRecall(index: BlockIndex, entity: readonly string[], truth: number): number {
  let found = 0;
  forEachCandidate(index, 0, index.records, (i, j) => {
    if (entity[i] === entity[j]) found++;
  });
  return truth ? found / truth : 1;
}

/** Scored pairs at or above a probability, taken one by one. */
export function pairMetrics(
  result: DedupResult,
  entity: readonly string[],
  minProbability: number,
  truth: number,
): Metrics {
  let predicted = 0;
  let tp = 0;
  for (const p of result.pairs) {
    if (p.probability < minProbability) continue;
    predicted++;
    if (entity[p.a] === entity[p.b]) tp++;
  }
  return metrics(predicted, tp, truth);
}

/** Every pair inside a predicted cluster counts as predicted: what merging the clusters would do. */
export function clusterMetrics(result: DedupResult, entity: readonly string[], truth: number): Metrics {
  let predicted = 0;
  let tp = 0;
  for (const cluster of result.clusters) {
    predicted += (cluster.length * (cluster.length - 1)) / 2;
    const byEntity = new Map<string, number>();
    for (const r of cluster) byEntity.set(entity[r]!, (byEntity.get(entity[r]!) ?? 0) + 1);
    for (const k of byEntity.values()) tp += (k * (k - 1)) / 2;
  }
  return metrics(predicted, tp, truth);
}
