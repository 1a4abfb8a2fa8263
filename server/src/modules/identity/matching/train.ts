// Unsupervised training, following Splink's recipe:
//   u  from random record pairs (nearly all non-matches), then corrected for the few matches among them;
//   m  by EM sessions, one per blocking rule, each leaving out the comparisons on the rule's own fields
//      (those agree by construction inside the rule's blocks), averaged over the sessions;
//   lambda from the share of matches EM finds among all candidate pairs, scaled to all record pairs;
//      likewise lambdaHousehold when the spec has household comparisons (see em.ts).
// A level with too little evidence among matches is not allowed to add weight (MIN_MATCH_EVIDENCE).
import { buildBlockIndex, forEachCandidate } from "./blockIndex";
import { blockingKeys, ruleFields, ruleKeys } from "./blocking";
import { levelScheme } from "./comparisons";
import { expectationMaximisation } from "./em";
import { PatternCounter, type Patterns } from "./patterns";
import { type PreparedBatch, pairLevels, prepareBatch } from "./prepare";
import { seededRandom } from "./random";
import { termFrequencyTable } from "./termFrequency";
import type { MatchRecord, ModelParams, ModelSpec, TermFrequencyTable, TrainingSession } from "./types";

/**
 * A level seen among fewer expected matches than this cannot add weight. Otherwise a level that never
 * occurs at all gets a large positive weight from pseudo-counts alone: two million random pairs bound
 * its u far more tightly than ten thousand matches bound its m.
 */
export const MIN_MATCH_EVIDENCE = 5;

export interface TrainOptions {
  /** Random pairs for u (all pairs when there are fewer). Default 2,000,000. */
  readonly uPairs?: number;
  /** Candidate pairs per EM session; a uniform sample is taken above this. Default 2,000,000. */
  readonly maxSessionPairs?: number;
  readonly seed?: number;
  readonly maxIterations?: number;
}

export function trainModel(
  records: readonly MatchRecord[],
  spec: ModelSpec,
  options: TrainOptions = {},
): ModelParams {
  const n = records.length;
  if (n < 2) throw new Error("training needs at least two records");
  const random = seededRandom(options.seed ?? 1);
  const batch = prepareBatch(records, spec);
  const schemes = spec.comparisons.map(levelScheme);
  const maxLevel = Math.max(...schemes.map((s) => s.labels.length));
  const maxSessionPairs = options.maxSessionPairs ?? 2_000_000;

  const sampled = sampleRandomPairs(batch, options.uPairs ?? 2_000_000, random);
  const totalPairs = (n * (n - 1)) / 2;

  const mStart = schemes.map((s) => geometric(s.labels.length));
  const household = spec.comparisons.map((c) => c.household === true);
  const sessions: TrainingSession[] = [];
  const mSums = schemes.map((s) => new Array<number>(s.labels.length).fill(0));
  const mSessions = schemes.map(() => 0);
  const evidence = schemes.map((s) => new Array<number>(s.labels.length).fill(0));
  for (const rule of spec.blocking) {
    const fields = new Set(ruleFields(rule));
    const active = spec.comparisons.map((c) => !fields.has(c.field));
    if (!active.some(Boolean)) continue;
    const index = buildBlockIndex(n, (i) => ruleKeys(records[i]!, rule), spec.maxBlockSize);
    const { patterns, pairs } = candidatePatterns(batch, index, maxLevel, maxSessionPairs, random);
    if (patterns.total < 10) continue;
    const fit = expectationMaximisation(patterns, {
      m: mStart,
      u: sampled.u,
      lambda: 0.1,
      active,
      household,
      estimateM: true,
      maxIterations: options.maxIterations,
    });
    // A session that did not yield finite parameters teaches nothing; it must not poison the average.
    if (
      !Number.isFinite(fit.lambda) ||
      fit.m.some((row, c) => active[c] && row.some((v) => !Number.isFinite(v)))
    ) {
      continue;
    }
    sessions.push({
      rule: rule.name,
      pairs,
      iterations: fit.iterations,
      lambda: fit.lambda,
      lambdaHousehold: fit.lambdaHousehold,
      estimated: spec.comparisons.filter((_, c) => active[c]).map((c) => c.name),
    });
    fit.m.forEach((row, c) => {
      if (!active[c]) return;
      mSessions[c]!++;
      row.forEach((v, l) => {
        mSums[c]![l]! += v;
        evidence[c]![l]! += fit.matchCounts[c]![l]!;
      });
    });
  }
  const m = mSums.map((row, c) => (mSessions[c] ? row.map((v) => v / mSessions[c]!) : mStart[c]!));

  const unionIndex = buildBlockIndex(n, (i) => blockingKeys(records[i]!, spec), spec.maxBlockSize);
  const union = candidatePatterns(batch, unionIndex, maxLevel, maxSessionPairs, random);
  const estimateShares = (u: number[][]) =>
    expectationMaximisation(union.patterns, {
      m,
      u,
      lambda: 0.1,
      active: m.map(() => true),
      household,
      estimateM: false,
    });
  // Shares among candidate pairs, scaled to all pairs (blocking is assumed to find nearly all of them).
  const toAllPairs = (share: number) => clampProbability((share * union.pairs) / totalPairs);
  let shares = estimateShares(sampled.u);
  // The random sample contained matches and household pairs too; remove their expected share.
  const u = sampled.counts.map((row, c) =>
    correctedU(
      row,
      m[c]!,
      toAllPairs(shares.lambda) + (household[c] ? toAllPairs(shares.lambdaHousehold) : 0),
    ),
  );
  shares = estimateShares(u);
  const lambda = toAllPairs(shares.lambda);
  const lambdaHousehold = household.some(Boolean) ? toAllPairs(shares.lambdaHousehold) : 0;
  const mFinal = m.map((row, c) =>
    row.map((v, l) => (evidence[c]![l]! < MIN_MATCH_EVIDENCE && v > u[c]![l]! ? u[c]![l]! : v)),
  );

  const termFrequencies: Record<string, TermFrequencyTable> = {};
  spec.comparisons.forEach((c, k) => {
    if (schemes[k]!.termFrequency.some(Boolean))
      termFrequencies[c.name] = termFrequencyTable(batch.comparisons[k]!, n);
  });

  return {
    format: "orbit-fellegi-sunter/1",
    spec,
    lambda,
    lambdaHousehold,
    comparisons: spec.comparisons.map((c, k) => ({
      name: c.name,
      levels: schemes[k]!.labels.map((label, l) => ({
        label,
        m: mFinal[k]![l]!,
        u: u[k]![l]!,
        termFrequency: schemes[k]!.termFrequency[l]!,
      })),
    })),
    termFrequencies,
    training: {
      records: n,
      uPairs: sampled.pairs,
      sessions,
      candidatePairs: union.pairs,
      candidateMatchShare: shares.lambda,
      candidateHouseholdShare: shares.lambdaHousehold,
      untrained: spec.comparisons.filter((_, c) => mSessions[c] === 0).map((c) => c.name),
    },
  };
}

function geometric(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, l) => 0.5 ** l);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}

function clampProbability(p: number): number {
  return Math.min(0.5, Math.max(1e-12, p));
}

/** Level counts over random pairs, and u with a pseudo-count of one per level. */
function sampleRandomPairs(batch: PreparedBatch, wanted: number, random: () => number) {
  const n = batch.size;
  const k = batch.comparisons.length;
  const counts = batch.spec.comparisons.map((c) => new Float64Array(levelScheme(c).labels.length));
  const levels = new Uint8Array(k);
  const visit = (i: number, j: number) => {
    pairLevels(batch, i, j, levels);
    for (let c = 0; c < k; c++) {
      const l = levels[c]!;
      if (l !== 0) counts[c]![l - 1]!++;
    }
  };
  let pairs = 0;
  if ((n * (n - 1)) / 2 <= wanted) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) visit(i, j);
    pairs = (n * (n - 1)) / 2;
  } else {
    for (; pairs < wanted; pairs++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      visit(i, j);
    }
  }
  const u = counts.map((row) => {
    let total = 0;
    for (const v of row) total += v;
    return Array.from(row, (v) => (v + 1) / (total + row.length));
  });
  return { counts, u, pairs };
}

/**
 * u from random-pair level counts after removing the expected share of pairs that agree like matches
 * (matches, and household pairs on household comparisons), floored at the resolution of the sample (one
 * observation). Matters for levels such as "same passport number", which random pairs reach almost only
 * when they are the same person.
 */
function correctedU(counts: Float64Array, m: readonly number[], lambda: number): number[] {
  let total = 0;
  for (const v of counts) total += v;
  const floor = 1 / (total + counts.length);
  const raw = Array.from(counts, (v, l) =>
    Math.max(floor, (v / Math.max(total, 1) - lambda * m[l]!) / (1 - lambda)),
  );
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}

function candidatePatterns(
  batch: PreparedBatch,
  index: ReturnType<typeof buildBlockIndex>,
  maxLevel: number,
  maxPairs: number,
  random: () => number,
): { patterns: Patterns; pairs: number } {
  const n = batch.size;
  const stamp = new Int32Array(n);
  const pairs = forEachCandidate(index, 0, n, () => {}, stamp);
  const keep = pairs > maxPairs ? maxPairs / pairs : 1;
  const counter = new PatternCounter(batch.comparisons.length, maxLevel);
  const levels = new Uint8Array(batch.comparisons.length);
  forEachCandidate(
    index,
    0,
    n,
    (i, j) => {
      if (keep < 1 && random() >= keep) return;
      pairLevels(batch, i, j, levels);
      counter.add(levels);
    },
    stamp,
  );
  return { patterns: counter.patterns(), pairs };
}
