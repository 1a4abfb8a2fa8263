// Batch deduplication: block, score every candidate pair once, cluster the auto-merge links.
import { type BlockIndex, buildBlockIndex, forEachCandidate } from "./blockIndex";
import { blockingKeys } from "./blocking";
import { clusterLinks, type Links } from "./cluster";
import { LinkBuffer } from "./links";
import { PairChunk, type PreparedBatch, prepareBatch } from "./prepare";
import { contradictionWeight, createScorer, matchProbability, type Scorer } from "./score";
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
 * Scores the candidate pairs (i, j > i) for i in [from, to) and keeps those whose match probability
 * reaches minProbability. The unit of work a parallel run would hand to each worker.
 */
export function scoreCandidates(
  scorer: Scorer,
  index: BlockIndex,
  from: number,
  to: number,
  minProbability: number,
): { links: LinkBuffer; pairsCompared: number } {
  const links = new LinkBuffer();
  const chunk = new PairChunk(scorer.batch.comparisons.length);
  const weights = new Float64Array(chunk.capacity);
  const householdWeights = new Float64Array(chunk.capacity);
  const flush = () => {
    scorer.chunkWeights(chunk, weights, householdWeights);
    for (let p = 0; p < chunk.count; p++) {
      const probability = matchProbability(weights[p]!, householdWeights[p]!, scorer.priors);
      if (probability >= minProbability)
        links.push(chunk.left[p]!, chunk.right[p]!, weights[p]!, probability);
    }
    chunk.count = 0;
  };
  const pairsCompared = forEachCandidate(index, from, to, (i, j) => {
    if (chunk.push(i, j)) flush();
  });
  flush();
  return { links, pairsCompared };
}

/** Clusters already scored links (those at or above the review probability) and builds the result. */
export function finishDeduplication(
  scorer: Scorer,
  links: Links,
  pairsCompared: number,
  index: BlockIndex,
  options: DedupOptions = {},
): DedupResult {
  const merge = options.autoMergeAt ?? AUTO_MERGE_AT;
  const strong = new LinkBuffer();
  for (let e = 0; e < links.length; e++) {
    if (links.probability[e]! >= merge)
      strong.push(links.a[e]!, links.b[e]!, links.weight[e]!, links.probability[e]!);
  }
  const contradiction = (i: number, j: number) =>
    contradictionWeight(scorer.weight(i, j), scorer.householdWeight(i, j));
  const clustering = clusterLinks(scorer.batch.size, strong, contradiction, {
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
      probability: links.probability[e]!,
      decision: clustering.clusterOf[a] === clustering.clusterOf[b] ? "merge" : "review",
    });
  }
  pairs.sort((x, y) => y.probability - x.probability || y.weight - x.weight || x.a - y.a || x.b - y.b);
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
  const scorer = createScorer(batch, params, batch.size);
  const { links, pairsCompared } = scoreCandidates(
    scorer,
    index,
    0,
    batch.size,
    options.reviewAt ?? REVIEW_AT,
  );
  return finishDeduplication(scorer, links, pairsCompared, index, options);
}

export function deduplicate(
  records: readonly MatchRecord[],
  params: ModelParams,
  options: DedupOptions = {},
): DedupResult {
  return deduplicatePrepared(
    prepareBatch(records, params.spec),
    indexRecords(records, params),
    params,
    options,
  );
}
