// Fellegi-Sunter scoring of prepared pairs: each field contributes log2(m/u) of its level, plus a
// term-frequency adjustment on agreement levels (a shared rare surname is stronger evidence than a
// shared common one). With household comparisons in the spec, the posterior also weighs the "same
// household, different person" explanation (see em.ts).
import { levelScheme } from "./comparisons";
import { chunkLevels, type PairChunk, type PreparedBatch, pairLevels } from "./prepare";
import type { FieldScore, ModelParams, TermFrequencyTable } from "./types";

/** log2 prior odds-like terms of the three classes for a population. */
export interface Priors {
  readonly match: number;
  /** -Infinity without a household class. */
  readonly household: number;
  readonly unrelated: number;
}

export interface Scorer {
  readonly batch: PreparedBatch;
  readonly priors: Priors;
  /** Summed field weights (log2 Bayes factor, match against unrelated) of records i and j. */
  weight(i: number, j: number): number;
  /** The household comparisons' part of weight(i, j). */
  householdWeight(i: number, j: number): number;
  /** Per-field breakdown for staff; the weights sum to weight(i, j). */
  breakdown(i: number, j: number): FieldScore[];
  /**
   * Weights and household weights of a chunk of pairs into out[0 .. chunk.count) and
   * outHousehold[0 .. chunk.count): the fast path of batch runs.
   */
  chunkWeights(chunk: PairChunk, out: Float64Array, outHousehold: Float64Array): void;
}

export function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}

/**
 * Class priors for pairs drawn from `population` records. Training estimates the shares on its own
 * records; what carries over to another population is the mean number of duplicates (and of household
 * members) per record, share * (n - 1), so the priors shrink as the population grows.
 */
export function priorsFor(params: ModelParams, population: number): Priors {
  const scale = (Math.max(2, params.training.records) - 1) / Math.max(1, population - 1);
  const match = Math.min(0.5, Math.max(1e-15, params.lambda * scale));
  // Models stored before the household class existed have no share: no household class for them.
  const household = Math.min(0.4, (params.lambdaHousehold ?? 0) * scale);
  return {
    match: Math.log2(match),
    household: household > 0 ? Math.log2(household) : Number.NEGATIVE_INFINITY,
    unrelated: Math.log2(1 - match - household),
  };
}

/** Posterior probability of a match from a pair's weight and household weight. */
export function matchProbability(weight: number, householdWeight: number, priors: Priors): number {
  const a = priors.match + weight;
  return 1 / (1 + 2 ** (priors.household + householdWeight - a) + 2 ** (priors.unrelated - a));
}

/**
 * Evidence (log2) for "same entity" against the likelier of the other two explanations; what the
 * clustering safeguard tests. Without household comparisons it is the weight itself.
 */
export function contradictionWeight(weight: number, householdWeight: number): number {
  return weight - Math.max(0, householdWeight);
}

/** Frequency of a value in the training data; values seen once or never count as seen once. */
export function termFrequency(table: TermFrequencyTable, key: string): number {
  return (table.counts[key] ?? 1) / table.total;
}

/**
 * Term-frequency adjustment in bits: log2 of how much rarer the value is than the average agreeing value
 * (sumSquares is the chance two random records agree). Averaged over random agreeing pairs the factor
 * is 1, so the level's own m/u stays the mean evidence. Same form as Splink's u_exact / tf.
 */
export function termFrequencyAdjustment(table: TermFrequencyTable, key: string): number {
  return Math.log2(table.sumSquares / termFrequency(table, key));
}

/**
 * A scorer for a prepared batch. `population` is the number of records the pairs are drawn from (the
 * batch itself in a batch run, the whole client base when scoring a new client's candidates).
 */
export function createScorer(batch: PreparedBatch, params: ModelParams, population: number): Scorer {
  const specs = params.spec.comparisons;
  if (specs.length !== batch.comparisons.length)
    throw new Error("model and prepared batch differ in comparisons");
  const stride = Math.max(...specs.map((c) => levelScheme(c).labels.length)) + 1;
  const weights = new Float64Array(specs.length * stride);
  const tfMask = new Uint8Array(specs.length * stride);
  const household = specs.map((c) => c.household === true);
  const adjustments: (Float64Array | null)[] = [];
  for (let c = 0; c < specs.length; c++) {
    const levels = params.comparisons[c]!.levels;
    for (let l = 0; l < levels.length; l++) {
      const lp = levels[l]!;
      weights[c * stride + l + 1] = Math.log2(lp.m / lp.u);
      tfMask[c * stride + l + 1] = lp.termFrequency ? 1 : 0;
    }
    const table = params.termFrequencies[specs[c]!.name];
    if (!table || !levels.some((l) => l.termFrequency)) {
      adjustments.push(null);
      continue;
    }
    const adj = new Float64Array(batch.size);
    const prepared = batch.comparisons[c]!;
    const memo = new Map<string, number>();
    for (let i = 0; i < batch.size; i++) {
      const key = prepared.tfKey(i);
      if (key === null) continue;
      let a = memo.get(key);
      if (a === undefined) {
        a = termFrequencyAdjustment(table, key);
        memo.set(key, a);
      }
      adj[i] = a;
    }
    adjustments.push(adj);
  }

  const fieldWeight = (c: number, level: number, i: number) => {
    const k = c * stride + level;
    return tfMask[k] === 1 ? weights[k]! + adjustments[c]![i]! : weights[k]!;
  };

  const levels = new Uint8Array(specs.length);
  const weightOf = (i: number, j: number, householdOnly: boolean): number => {
    pairLevels(batch, i, j, levels);
    let w = 0;
    for (let c = 0; c < levels.length; c++)
      if (!householdOnly || household[c]) w += fieldWeight(c, levels[c]!, i);
    return w;
  };

  const breakdown = (i: number, j: number): FieldScore[] => {
    pairLevels(batch, i, j, levels);
    return specs.map((spec, c) => {
      const level = levels[c]!;
      const label = level === 0 ? "missing" : params.comparisons[c]!.levels[level - 1]!.label;
      return { field: spec.name, level, levelLabel: label, weight: fieldWeight(c, level, i) };
    });
  };

  const chunkWeights = (chunk: PairChunk, out: Float64Array, outHousehold: Float64Array): void => {
    chunkLevels(batch, chunk);
    const { count, capacity, left } = chunk;
    const lv = chunk.levels;
    out.fill(0, 0, count);
    outHousehold.fill(0, 0, count);
    for (let c = 0; c < specs.length; c++) {
      const base = c * capacity;
      const row = c * stride;
      const adj = adjustments[c];
      const target = household[c] ? outHousehold : out;
      if (adj) {
        for (let p = 0; p < count; p++) {
          const k = row + lv[base + p]!;
          target[p]! += tfMask[k] === 1 ? weights[k]! + adj[left[p]!]! : weights[k]!;
        }
      } else {
        for (let p = 0; p < count; p++) target[p]! += weights[row + lv[base + p]!]!;
      }
    }
    for (let p = 0; p < count; p++) out[p]! += outHousehold[p]!;
  };

  return {
    batch,
    priors: priorsFor(params, population),
    weight: (i, j) => weightOf(i, j, false),
    householdWeight: (i, j) => weightOf(i, j, true),
    breakdown,
    chunkWeights,
  };
}
