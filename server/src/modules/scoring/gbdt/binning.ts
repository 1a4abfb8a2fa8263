/**
 * Feature binning for the histogram learner: each feature's values are cut at up to `maxBins - 1`
 * quantile edges fitted on the training rows. Bin 0 holds missing values (NaN); bin j ≥ 1 holds the
 * values in (edge[j-1], edge[j]]. A split "bin ≤ t" is then "value ≤ edge[t]" on raw values, so a
 * trained model scores raw feature rows without binning them.
 */
export const MISSING_BIN = 0;

/** Edges per feature (ascending), fitted on a row-major matrix of `rows` × `features`. */
export function fitEdges(x: Float32Array, rows: number, features: number, maxBins = 255): Float64Array[] {
  const sample = Math.min(rows, 200_000);
  const step = rows / sample;
  const edges: Float64Array[] = [];
  const values = new Float64Array(sample);
  for (let f = 0; f < features; f++) {
    let n = 0;
    // An even spread of rows rather than a random one: fitting twice gives the same edges.
    for (let k = 0; k < sample; k++) {
      const v = x[Math.floor(k * step) * features + f]!;
      if (!Number.isNaN(v)) values[n++] = v;
    }
    const sorted = values.subarray(0, n).sort();
    const distinct: number[] = [];
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
    if (distinct.length <= maxBins - 1) {
      // Few distinct values (flags, counts): one bin each, the edge is the value itself.
      edges.push(Float64Array.from(distinct.slice(0, -1)));
      continue;
    }
    const cut: number[] = [];
    for (let j = 1; j < maxBins - 1; j++) {
      const q = sorted[Math.min(n - 1, Math.floor((j * n) / (maxBins - 1)))]!;
      if (cut.length === 0 || q > cut[cut.length - 1]!) cut.push(q);
    }
    if (cut[cut.length - 1] === sorted[n - 1]) cut.pop();
    edges.push(Float64Array.from(cut));
  }
  return edges;
}

/** The bin of one value: 0 for missing, else 1 + the number of edges below it. */
export function binOf(v: number, edges: Float64Array): number {
  if (Number.isNaN(v)) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** The row-major matrix as bins, one byte per value. */
export function binMatrix(
  x: Float32Array,
  rows: number,
  features: number,
  edges: Float64Array[],
): Uint8Array {
  const out = new Uint8Array(rows * features);
  for (let r = 0; r < rows; r++) {
    const base = r * features;
    for (let f = 0; f < features; f++) out[base + f] = binOf(x[base + f]!, edges[f]!);
  }
  return out;
}

/** The raw-value threshold of the split "bin ≤ t": values at or below it go left, missing ones too. */
export function thresholdOf(edges: Float64Array, t: number): number {
  return t === MISSING_BIN ? Number.NEGATIVE_INFINITY : t - 1 < edges.length ? edges[t - 1]! : Infinity;
}
