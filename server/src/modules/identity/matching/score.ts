// Fellegi-Sunter scoring of prepared pairs: each field contributes log2(m/u) of its level, plus a
// term-frequency adjustment on agreement levels (a shared rare surname is stronger evidence than a
// shared common one).
import { levelScheme } from "./comparisons";
import { type PreparedBatch, pairLevels } from "./prepare";
import type { FieldScore, ModelParams, TermFrequencyTable } from "./types";

export interface Scorer {
  readonly batch: PreparedBatch;
  /** log2 of the prior odds of a match; add to a weight to get posterior log2 odds. */
  readonly priorWeight: number;
  /** Summed field weights (log2 Bayes factor) of records i and j. */
  weight(i: number, j: number): number;
  /** Per-field breakdown for staff; the weights sum to weight(i, j). */
  breakdown(i: number, j: number): FieldScore[];
}

export function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}

export function probabilityFromWeight(weight: number, priorWeight: number): number {
  return 1 / (1 + 2 ** -(weight + priorWeight));
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

export function createScorer(batch: PreparedBatch, params: ModelParams): Scorer {
  const specs = params.spec.comparisons;
  if (specs.length !== batch.comparisons.length) throw new Error("model and prepared batch differ in comparisons");
  const stride = Math.max(...specs.map((c) => levelScheme(c).labels.length)) + 1;
  const weights = new Float64Array(specs.length * stride);
  const tfMask = new Uint8Array(specs.length * stride);
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
      if (a === undefined) memo.set(key, (a = termFrequencyAdjustment(table, key)));
      adj[i] = a;
    }
    adjustments.push(adj);
  }

  const levels = new Uint8Array(specs.length);
  const weight = (i: number, j: number): number => {
    pairLevels(batch, i, j, levels);
    let w = 0;
    for (let c = 0; c < levels.length; c++) {
      const k = c * stride + levels[c]!;
      w += weights[k]!;
      if (tfMask[k] === 1) w += adjustments[c]![i]!;
    }
    return w;
  };

  const breakdown = (i: number, j: number): FieldScore[] => {
    pairLevels(batch, i, j, levels);
    return specs.map((spec, c) => {
      const level = levels[c]!;
      const k = c * stride + level;
      const w = weights[k]! + (tfMask[k] === 1 ? adjustments[c]![i]! : 0);
      const label = level === 0 ? "missing" : params.comparisons[c]!.levels[level - 1]!.label;
      return { field: spec.name, level, levelLabel: label, weight: w };
    });
  };

  return { batch, priorWeight: logit2(params.lambda), weight, breakdown };
}
