// Batch deduplication: block, score every candidate pair once, cluster the auto-merge links.
import { type BlockIndex, buildBlockIndex, forEachCandidate } from "./blockIndex";
import { blockingKeys } from "./blocking";
import { type Links, clusterLinks } from "./cluster";
import { LinkBuffer } from "./links";
import { type PreparedBatch, prepareBatch } from "./prepare";
import { createScorer, logit2, probabilityFromWeight, type Scorer } from "./score";
import { AUTO_MERGE_AT, MAX_CLUSTER_SIZE, REVIEW_AT, VETO_WEIGHT } from "./thresholds";
import type { DedupResult, MatchRecord, ModelParams, ScoredPair } from "./types";

export interface DedupOptions {
  /** Posterior probability for automatic merging (default AUTO_MERGE_AT). */
  readonly autoMergeAt?: number;
  /** Lower edge of the review band (default REVIEW_AT). */
  readonly reviewAt?: number;
  readonly maxClusterSize?: number;
  readonly vetoWeight?: number;
}

/** Blocking index of a prepared batch's records under the model's rules. */
export function indexRecords(records: readonly MatchRecord[], params: ModelParams): BlockIndex {
  const spec = params.spec;
  return buildBlockIndex(records.length, (i) => blockingKeys(records[i]!, spec), spec.maxBlockSize);
}

/**
 * Scores the candidate pairs (i, j > i) for i in [from, to) and keeps those whose weight reaches
 * minWeight. The unit of work a parallel run hands to each worker.
 */
export function scoreCandidates(
  scorer: Scorer,
  index: BlockIndex,
  from: number,
  to: number,
  minWeight: number,
): { links: LinkBuffer; pairsCompared: number } {
  const links = new LinkBuffer();
  const pairsCompared = forEachCandidate(index, from, to, (i, j) => {
    const w = scorer.weight(i, j);
    if (w >= minWeight) links.push(i, j, w);
  });
  return { links, pairsCompared };
}

/** Field-weight thresholds (prior removed) equivalent to the probability thresholds. */
export function weightThresholds(params: ModelParams, options: DedupOptions = {}) {
  const prior = logit2(params.lambda);
  return {
    merge: logit2(options.autoMergeAt ?? AUTO_MERGE_AT) - prior,
    review: logit2(options.reviewAt ?? REVIEW_AT) - prior,
  };
}

/** Clusters already scored links (>= review weight) and builds the result. */
export function finishDeduplication(
  scorer: Scorer,
  links: Links,
  pairsCompared: number,
  index: BlockIndex,
  params: ModelParams,
  options: DedupOptions = {},
): DedupResult {
  const { merge } = weightThresholds(params, options);
  const strong = new LinkBuffer();
  for (let e = 0; e < links.length; e++) {
    if (links.weight[e]! >= merge) strong.push(links.a[e]!, links.b[e]!, links.weight[e]!);
  }
  const clustering = clusterLinks(scorer.batch.size, strong, scorer.weight, {
    vetoWeight: options.vetoWeight ?? VETO_WEIGHT,
    maxClusterSize: options.maxClusterSize ?? MAX_CLUSTER_SIZE,
  });
  const pairs: ScoredPair[] = [];
  for (let e = 0; e < links.length; e++) {
    const a = links.a[e]!;
    const b = links.b[e]!;
    const weight = links.weight[e]!;
    pairs.push({
      a,
      b,
      weight,
      probability: probabilityFromWeight(weight, scorer.priorWeight),
      decision: clustering.clusterOf[a] === clustering.clusterOf[b] ? "merge" : "review",
    });
  }
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  return {
    records: scorer.batch.size,
    pairsCompared,
    pairs,
    clusters: clustering.clusters,
    skippedBlocks: index.skipped,
    vetoedLinks: clustering.vetoed,
  };
}

/** Prepared-batch form of deduplicate, for callers that prepare once and run several times. */
export function deduplicatePrepared(
  batch: PreparedBatch,
  index: BlockIndex,
  params: ModelParams,
  options: DedupOptions = {},
): DedupResult {
  const scorer = createScorer(batch, params);
  const { review } = weightThresholds(params, options);
  const { links, pairsCompared } = scoreCandidates(scorer, index, 0, batch.size, review);
  return finishDeduplication(scorer, links, pairsCompared, index, params, options);
}

export function deduplicate(
  records: readonly MatchRecord[],
  params: ModelParams,
  options: DedupOptions = {},
): DedupResult {
  return deduplicatePrepared(prepareBatch(records, params.spec), indexRecords(records, params), params, options);
}
