// The speed run: deduplicate N generated person records (blocking + scoring + clustering) with a model
// trained beforehand on other generated records. Only deduplication is timed, phase by phase.
import {
  createScorer,
  finishDeduplication,
  indexRecords,
  type ModelParams,
  prepareBatch,
  REVIEW_AT,
  scoreCandidates,
} from "../../server/src/modules/identity/matching";
import { blockingRecall, clusterMetrics, type Metrics, truthPairCount } from "./evaluate";
import type { GeneratedSet } from "./generated";

export interface SpeedRun {
  readonly records: number;
  readonly pairsCompared: number;
  readonly links: number;
  readonly clusters: number;
  readonly skippedBlocks: number;
  readonly phasesMs: Readonly<Record<"prepare" | "block" | "score" | "cluster", number>>;
  readonly totalMs: number;
  readonly blockingRecall: number;
  readonly quality: Metrics;
}

export function speedRun(set: GeneratedSet, params: ModelParams): SpeedRun {
  const { records } = set;
  const t0 = performance.now();
  const batch = prepareBatch(records, params.spec);
  const t1 = performance.now();
  const index = indexRecords(records, params);
  const t2 = performance.now();
  const scorer = createScorer(batch, params, records.length);
  const scored = scoreCandidates(scorer, index, 0, records.length, REVIEW_AT);
  const t3 = performance.now();
  const result = finishDeduplication(scorer, scored.links, scored.pairsCompared, index);
  const t4 = performance.now();
  const truth = truthPairCount(set.entity);
  return {
    records: records.length,
    pairsCompared: scored.pairsCompared,
    links: scored.links.length,
    clusters: result.clusters.length,
    skippedBlocks: result.skippedBlocks.length,
    phasesMs: { prepare: t1 - t0, block: t2 - t1, score: t3 - t2, cluster: t4 - t3 },
    totalMs: t4 - t0,
    blockingRecall: blockingRecall(index, set.entity, truth),
    quality: clusterMetrics(result, set.entity, truth),
  };
}
