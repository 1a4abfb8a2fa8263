// Train (unsupervised) and deduplicate one labelled set, then score the result against its labels.
import {
  AUTO_MERGE_AT,
  deduplicate,
  indexRecords,
  type ModelParams,
  REVIEW_AT,
  trainModel,
} from "../../server/src/modules/identity/matching";
import { blockingRecall, clusterMetrics, type Metrics, pairMetrics, truthPairCount } from "./evaluate";
import type { LabelledSet } from "./publicSets";

export interface LabelledRun {
  readonly name: string;
  readonly records: number;
  readonly truePairs: number;
  readonly trainMs: number;
  readonly dedupMs: number;
  readonly pairsCompared: number;
  readonly skippedBlocks: number;
  readonly blockingRecall: number;
  /** Pairs inside the auto-merge clusters. */
  readonly clusters: Metrics;
  /** Pairs scored at or above AUTO_MERGE_AT, one by one. */
  readonly pairs: Metrics;
  /** Pairs scored at or above REVIEW_AT (auto-merge plus review band). */
  readonly review: Metrics;
  readonly params: ModelParams;
}

export function runLabelled(set: LabelledSet, params?: ModelParams): LabelledRun {
  const t0 = performance.now();
  const model = params ?? trainModel(set.records, set.spec);
  const t1 = performance.now();
  const result = deduplicate(set.records, model);
  const t2 = performance.now();
  const truth = truthPairCount(set.entity);
  return {
    name: set.name,
    records: set.records.length,
    truePairs: truth,
    trainMs: t1 - t0,
    dedupMs: t2 - t1,
    pairsCompared: result.pairsCompared,
    skippedBlocks: result.skippedBlocks.length,
    blockingRecall: blockingRecall(indexRecords(set.records, model), set.entity, truth),
    clusters: clusterMetrics(result, set.entity, truth),
    pairs: pairMetrics(result, set.entity, AUTO_MERGE_AT, truth),
    review: pairMetrics(result, set.entity, REVIEW_AT, truth),
    params: model,
  };
}
