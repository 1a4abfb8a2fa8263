/**
 * How good a propensity model is on rows it did not learn from. Scores are probabilities, outcomes 0/1.
 */

/** Indices of the scores from highest to lowest (ties in index order, so results are repeatable). */
function rankDescending(scores: ArrayLike<number>): Uint32Array {
  const idx = Uint32Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * Area under the ROC curve: the chance that a random client who did it is scored above a random one
 * who did not (tied scores count half). Null when only one class is present.
 */
export function rocAuc(scores: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const idx = Uint32Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (y[idx[k]!]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const negatives = idx.length - positives;
  if (!positives || !negatives) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Average precision: the mean of the precision at the rank of each positive. */
export function averagePrecision(scores: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const idx = rankDescending(scores);
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < idx.length; i++) {
    if (y[idx[i]!]) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return hits ? sum / hits : null;
}

/**
 * Of the `share` best-scored rows (e.g. 0.1: the top 10%, the calls a team can make), the share who
 * did it (precision at k) and the share of all who did it found there (capture).
 */
export function atTop(
  scores: ArrayLike<number>,
  y: ArrayLike<number>,
  share: number,
): { k: number; precision: number | null; capture: number | null } {
  const idx = rankDescending(scores);
  const k = Math.max(1, Math.round(idx.length * share));
  let hits = 0;
  let total = 0;
  for (let i = 0; i < idx.length; i++) {
    if (y[idx[i]!]) {
      total++;
      if (i < k) hits++;
    }
  }
  return {
    k,
    precision: idx.length ? hits / Math.min(k, idx.length) : null,
    capture: total ? hits / total : null,
  };
}

export interface CalibrationBin {
  /** Probability band [from, to). */
  from: number;
  to: number;
  rows: number;
  /** Mean predicted probability and the observed rate in the band. */
  predicted: number;
  observed: number;
}

/**
 * Predicted against observed by probability band (deciles of the scores, so each band holds about the
 * same number of rows): a calibrated model's bands lie on the diagonal.
 */
export function calibration(scores: ArrayLike<number>, y: ArrayLike<number>, bands = 10): CalibrationBin[] {
  const idx = Uint32Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bands; b++) {
    const from = Math.floor((b * idx.length) / bands);
    const to = Math.floor(((b + 1) * idx.length) / bands);
    if (to <= from) continue;
    let p = 0;
    let o = 0;
    for (let i = from; i < to; i++) {
      p += scores[idx[i]!]!;
      o += y[idx[i]!]!;
    }
    out.push({
      from: scores[idx[from]!]!,
      to: scores[idx[to - 1]!]!,
      rows: to - from,
      predicted: p / (to - from),
      observed: o / (to - from),
    });
  }
  return out;
}

/** Mean squared error of the probabilities (Brier score): lower is better, 0.25 is a coin toss at 50%. */
export function brier(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += (scores[i]! - y[i]!) ** 2;
  return scores.length ? s / scores.length : 0;
}

export interface Evaluation {
  rows: number;
  positives: number;
  auc: number | null;
  averagePrecision: number | null;
  /** Precision and capture in the top 10% and 20% of scores. */
  top10: { precision: number | null; capture: number | null };
  top20: { precision: number | null; capture: number | null };
  brier: number;
  calibration: CalibrationBin[];
}

export function evaluate(scores: ArrayLike<number>, y: ArrayLike<number>): Evaluation {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i]!;
  const top = (s: number) => {
    const { precision, capture } = atTop(scores, y, s);
    return { precision, capture };
  };
  return {
    rows: y.length,
    positives,
    auc: rocAuc(scores, y),
    averagePrecision: averagePrecision(scores, y),
    top10: top(0.1),
    top20: top(0.2),
    brier: brier(scores, y),
    calibration: calibration(scores, y),
  };
}
