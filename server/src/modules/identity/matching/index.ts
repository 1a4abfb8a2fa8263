/**
 * Client matching (identity resolution) for Orbit: decides whether client records typed at different
 * dealerships are the same person or company. Pure functions over plain data; no database.
 *
 * Model: Fellegi-Sunter with per-field comparison levels, m/u probabilities learnt without labels by
 * EM (Splink's recipe), term-frequency adjustment for names, and a "same household, different person"
 * class so that a shared family phone is not taken for one client. See docs/matching.md.
 *
 * Typical use:
 *   const params = trainModel(sampleOfClients, personSpec);       // store as a versioned model
 *   blockingKeys(client, params.spec);                            // store in an indexed key table
 *   scorePair(newClient, candidate, params, { population });      // candidates found by key lookup
 *   deduplicate(allClients, params);                              // batch run
 */
import { blockingKeys as keysOf } from "./blocking";
import { type DedupOptions, deduplicate as runDeduplicate } from "./deduplicate";
import { prepareBatch } from "./prepare";
import { createScorer, matchProbability } from "./score";
import { trainModel as runTraining, type TrainOptions } from "./train";
import type { DedupResult, MatchRecord, ModelParams, ModelSpec, PairScore } from "./types";

export { type BlockIndex, buildBlockIndex, forEachCandidate } from "./blockIndex";
export { clusterLinks, type Links } from "./cluster";
export {
  type DedupOptions,
  deduplicatePrepared,
  finishDeduplication,
  indexRecords,
  scoreCandidates,
} from "./deduplicate";
export { LinkBuffer } from "./links";
export { type PreparedBatch, prepareBatch } from "./prepare";
export {
  contradictionWeight,
  createScorer,
  logit2,
  matchProbability,
  type Priors,
  priorsFor,
  type Scorer,
} from "./score";
export { skeleton } from "./skeleton";
export { companySpec } from "./specs/company";
export { PERSON_FIELDS, personSpec } from "./specs/person";
export { AUTO_MERGE_AT, MAX_CLUSTER_SIZE, REVIEW_AT, VETO_WEIGHT } from "./thresholds";
export { MIN_MATCH_EVIDENCE, type TrainOptions } from "./train";
export type * from "./types";

export interface ScoreOptions {
  /**
   * Number of clients the candidate was found among (the client base). The prior odds of a match fall
   * as it grows; defaults to the number of records the model was trained on.
   */
  readonly population?: number;
}

/**
 * Blocking keys of a record, e.g. "ph:79161234567", "nm:ivanov+ivan|1985". Two records are compared only
 * when they share a key. Store them in an indexed table; a new client's candidates are the records
 * sharing any of its keys, skipping keys held by more than spec.maxBlockSize records.
 */
export function blockingKeys(record: MatchRecord, spec: ModelSpec): string[] {
  return keysOf(record, spec);
}

/**
 * Learns the model from unlabelled records (a representative sample of a few thousand to a few hundred
 * thousand clients): u from random pairs, m by EM over the blocking rules' candidate pairs, the prior
 * lambda, and name-frequency tables. The result is plain JSON.
 */
export function trainModel(
  records: readonly MatchRecord[],
  spec: ModelSpec,
  options: TrainOptions = {},
): ModelParams {
  return runTraining(records, spec, options);
}

/**
 * Scores one pair: total weight (log2 Bayes factor), posterior probability of being the same entity, and
 * the per-field breakdown shown in the duplicate review queue.
 */
export function scorePair(
  a: MatchRecord,
  b: MatchRecord,
  params: ModelParams,
  options: ScoreOptions = {},
): PairScore {
  return scoreAgainst(a, [b], params, options)[0]!;
}

/**
 * Scores a new record against its candidates (found by blocking-key lookup) in one preparation pass;
 * the incremental counterpart of deduplicate.
 */
export function scoreAgainst(
  record: MatchRecord,
  candidates: readonly MatchRecord[],
  params: ModelParams,
  options: ScoreOptions = {},
): PairScore[] {
  const batch = prepareBatch([record, ...candidates], params.spec);
  const scorer = createScorer(batch, params, options.population ?? params.training.records);
  const household = new Set(params.spec.comparisons.filter((c) => c.household).map((c) => c.name));
  return candidates.map((_, k) => {
    const fields = scorer.breakdown(0, k + 1);
    let weight = 0;
    let householdWeight = 0;
    for (const f of fields) {
      weight += f.weight;
      if (household.has(f.field)) householdWeight += f.weight;
    }
    return {
      weight,
      householdWeight,
      probability: matchProbability(weight, householdWeight, scorer.priors),
      fields,
    };
  });
}

/**
 * Batch deduplication: blocks, scores every candidate pair once, and clusters the links at or above
 * autoMergeAt (most probable first, refusing joins contradicted by a member pair or beyond the size cap).
 * Returns the pairs at or above reviewAt (decision "merge" inside a cluster, else "review") and the
 * clusters. Thresholds default to the fixed AUTO_MERGE_AT / REVIEW_AT.
 */
export function deduplicate(
  records: readonly MatchRecord[],
  params: ModelParams,
  options: DedupOptions = {},
): DedupResult {
  return runDeduplicate(records, params, options);
}
