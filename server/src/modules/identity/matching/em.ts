// Expectation-maximisation for the two-class Fellegi-Sunter mixture (as in Splink): u is fixed (it is
// estimated from random pairs, which are almost all non-matches), m and the match share lambda are
// learnt from unlabelled candidate pairs. Null levels (0) contribute nothing to either class.
import type { Patterns } from "./patterns";

export interface EmSettings {
  /** m[c][l - 1] for level l of comparison c; the starting point, not modified. */
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  readonly lambda: number;
  /** Comparisons that take part (those used by the session's blocking rule are left out). */
  readonly active: readonly boolean[];
  /** false: only lambda is estimated. */
  readonly estimateM: boolean;
  readonly maxIterations?: number;
  /** Stop when no m value nor lambda moves more than this. */
  readonly tolerance?: number;
  /** Pseudo-count per level, so that a level never seen among matches does not get m = 0. */
  readonly pseudoCount?: number;
}

export interface EmResult {
  readonly m: number[][];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function expectationMaximisation(patterns: Patterns, settings: EmSettings): EmResult {
  const k = patterns.comparisons;
  const maxIterations = settings.maxIterations ?? 50;
  const tolerance = settings.tolerance ?? 1e-5;
  const alpha = settings.pseudoCount ?? 0.5;
  let m = settings.m.map((row) => [...row]);
  let lambda = settings.lambda;
  const logU = settings.u.map((row) => row.map(Math.log));
  const n = patterns.counts.length;
  const posterior = new Float64Array(n);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const logM = m.map((row) => row.map(Math.log));
    const priorLogOdds = Math.log(lambda / (1 - lambda));
    for (let p = 0; p < n; p++) {
      let logOdds = priorLogOdds;
      for (let c = 0; c < k; c++) {
        const l = patterns.levels[p * k + c]!;
        if (l === 0 || !settings.active[c]) continue;
        logOdds += logM[c]![l - 1]! - logU[c]![l - 1]!;
      }
      posterior[p] = 1 / (1 + Math.exp(-logOdds));
    }

    let matches = 0;
    for (let p = 0; p < n; p++) matches += posterior[p]! * patterns.counts[p]!;
    const nextLambda = Math.min(1 - 1e-12, Math.max(1e-12, matches / patterns.total));

    let delta = Math.abs(nextLambda - lambda);
    if (settings.estimateM) {
      const sums = m.map((row) => new Float64Array(row.length));
      for (let p = 0; p < n; p++) {
        const w = posterior[p]! * patterns.counts[p]!;
        for (let c = 0; c < k; c++) {
          const l = patterns.levels[p * k + c]!;
          if (l !== 0) sums[c]![l - 1]! += w;
        }
      }
      const next = m.map((row, c) => {
        if (!settings.active[c]) return row;
        const s = sums[c]!;
        let total = 0;
        for (const v of s) total += v + alpha;
        return row.map((_, l) => (s[l]! + alpha) / total);
      });
      for (let c = 0; c < k; c++) {
        for (let l = 0; l < m[c]!.length; l++) delta = Math.max(delta, Math.abs(next[c]![l]! - m[c]![l]!));
      }
      m = next;
    }
    lambda = nextLambda;
    if (delta < tolerance) return { m, lambda, iterations: iteration, converged: true };
  }
  return { m, lambda, iterations: maxIterations, converged: false };
}
