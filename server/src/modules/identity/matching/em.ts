// Expectation-maximisation for the Fellegi-Sunter mixture (as in Splink): u is fixed (estimated from
// random pairs, which are almost all non-matches); m and the match share lambda are learnt from
// unlabelled candidate pairs. Null levels (0) contribute nothing to any class.
//
// Optionally a third class, "same household": pairs that agree on the household comparisons (surname,
// phone, address...) the way matches do, and on the personal ones (first name, birth date, documents...)
// only by chance, the way random pairs do. It has no distributions of its own, only its share lambdaH,
// and keeps a shared family phone from passing for one person (see docs/matching.md).
import type { Patterns } from "./patterns";

export interface EmSettings {
  /** m[c][l - 1] for level l of comparison c; the starting point, not modified. */
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  readonly lambda: number;
  /** Comparisons that take part (those used by the session's blocking rule are left out). */
  readonly active: readonly boolean[];
  /** Per comparison: shared within a household. Omit (or all false) for the two-class model. */
  readonly household?: readonly boolean[];
  /** Starting share of household pairs (default lambda / 10). */
  readonly lambdaHousehold?: number;
  /** false: only the class shares are estimated. */
  readonly estimateM: boolean;
  readonly maxIterations?: number;
  /** Stop when no m value nor class share moves more than this. */
  readonly tolerance?: number;
  /** Pseudo-count per level, so that a level never seen among matches does not get m = 0. */
  readonly pseudoCount?: number;
}

export interface EmResult {
  readonly m: number[][];
  /** Expected number of matching pairs at each level in the last iteration (m's evidence). */
  readonly matchCounts: number[][];
  readonly lambda: number;
  /** Share of household pairs (0 in the two-class model). */
  readonly lambdaHousehold: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const clampShare = (p: number) => Math.min(1 - 1e-9, Math.max(1e-12, p));

export function expectationMaximisation(patterns: Patterns, settings: EmSettings): EmResult {
  const k = patterns.comparisons;
  const maxIterations = settings.maxIterations ?? 50;
  const tolerance = settings.tolerance ?? 1e-5;
  const alpha = settings.pseudoCount ?? 0.5;
  const household = settings.household?.some((h, c) => h && settings.active[c]) ? settings.household : null;
  let m = settings.m.map((row) => [...row]);
  let matchCounts = m.map((row) => row.map(() => 0));
  let lambda = settings.lambda;
  let lambdaH = household ? (settings.lambdaHousehold ?? settings.lambda / 10) : 0;
  const logU = settings.u.map((row) => row.map(Math.log));
  const n = patterns.counts.length;
  const posterior = new Float64Array(n);
  const posteriorH = new Float64Array(n);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const logM = m.map((row) => row.map(Math.log));
    const logLambda = Math.log(lambda);
    const logLambdaH = household ? Math.log(lambdaH) : Number.NEGATIVE_INFINITY;
    const logRest = Math.log(1 - lambda - lambdaH);
    for (let p = 0; p < n; p++) {
      // Log-likelihood ratios against the unrelated class: all comparisons for a match, household
      // comparisons only for a household pair (its personal comparisons look like random pairs).
      let matchLlr = 0;
      let householdLlr = 0;
      for (let c = 0; c < k; c++) {
        const l = patterns.levels[p * k + c]!;
        if (l === 0 || !settings.active[c]) continue;
        const llr = logM[c]![l - 1]! - logU[c]![l - 1]!;
        matchLlr += llr;
        if (household?.[c]) householdLlr += llr;
      }
      const a = logLambda + matchLlr;
      const b = logLambdaH + householdLlr;
      const top = Math.max(a, b, logRest);
      const ea = Math.exp(a - top);
      const eb = Math.exp(b - top);
      const total = ea + eb + Math.exp(logRest - top);
      posterior[p] = ea / total;
      posteriorH[p] = eb / total;
    }

    let matches = 0;
    let households = 0;
    for (let p = 0; p < n; p++) {
      matches += posterior[p]! * patterns.counts[p]!;
      households += posteriorH[p]! * patterns.counts[p]!;
    }
    let nextLambda = clampShare(matches / patterns.total);
    let nextLambdaH = household ? clampShare(households / patterns.total) : 0;
    // When nearly every candidate pair is a match (a blocking key no two people share, such as a
    // unique e-mail), the shares must still leave the unrelated class a little room, or its log is NaN.
    const shares = nextLambda + nextLambdaH;
    if (shares > 1 - 1e-9) {
      nextLambda *= (1 - 1e-9) / shares;
      nextLambdaH *= (1 - 1e-9) / shares;
    }

    let delta = Math.max(Math.abs(nextLambda - lambda), Math.abs(nextLambdaH - lambdaH));
    if (settings.estimateM) {
      const sums = m.map((row) => new Float64Array(row.length));
      for (let p = 0; p < n; p++) {
        const w = posterior[p]! * patterns.counts[p]!;
        for (let c = 0; c < k; c++) {
          const l = patterns.levels[p * k + c]!;
          if (l !== 0) sums[c]![l - 1]! += w;
        }
      }
      matchCounts = sums.map((row) => Array.from(row));
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
    lambdaH = nextLambdaH;
    if (delta < tolerance) {
      return { m, matchCounts, lambda, lambdaHousehold: lambdaH, iterations: iteration, converged: true };
    }
  }
  return { m, matchCounts, lambda, lambdaHousehold: lambdaH, iterations: maxIterations, converged: false };
}
