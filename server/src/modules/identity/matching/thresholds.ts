// Decision thresholds, fixed in advance and never fitted to a labelled set (docs/matching.md says why).

/**
 * Posterior probability at or above which two records are merged without a human. A wrong merge joins two
 * real people's history, contacts and documents (a personal-data incident, costly to undo); a missed
 * duplicate is a second card the review queue or a later contact can still catch. Costing a wrong merge
 * at 99 missed duplicates gives the Bayes decision point 99 / (99 + 1).
 */
export const AUTO_MERGE_AT = 0.99;

/**
 * Lower edge of the human review band [REVIEW_AT, AUTO_MERGE_AT): pairs where at least one in five is
 * expected to be a real duplicate, which keeps the queue worth a reviewer's attention.
 */
export const REVIEW_AT = 0.2;

/**
 * Clustering safeguard: an auto-merge link is refused when some pair across the two groups it would join
 * has field evidence of at least 1000:1 against being the same entity (weight below -10 bits). Weight,
 * not probability: inside a cluster the prior is no longer the tiny random-pair prior.
 */
export const VETO_WEIGHT = -10;

/** No cluster grows beyond this many records; a larger one means chained links, not one person. */
export const MAX_CLUSTER_SIZE = 50;
