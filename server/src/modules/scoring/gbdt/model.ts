/**
 * A trained gradient-boosted tree ensemble for a yes/no outcome (logistic loss). Trees are stored as
 * parallel node arrays so a model is plain JSON in the database; `compile` packs them into typed arrays
 * for scoring a million rows. Every node keeps its value (the margin the tree predicts there), which is
 * what the per-row explanation walks.
 */
export interface GbdtTree {
  /** Split feature of each node; -1 marks a leaf. */
  feature: number[];
  /** Rows with the value above the threshold go right; at or below it, or missing (NaN), left. */
  threshold: number[];
  left: number[];
  right: number[];
  /** The node's margin (learning rate applied): a leaf's is the tree's output. */
  value: number[];
}

export interface GbdtModel {
  kind: "gbdt-logistic";
  features: string[];
  /** The log-odds every prediction starts from: the base rate of the training rows. */
  base: number;
  trees: GbdtTree[];
}

export interface CompiledModel {
  features: number;
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export function compile(model: GbdtModel): CompiledModel {
  const total = model.trees.reduce((n, t) => n + t.feature.length, 0);
  const c: CompiledModel = {
    features: model.features.length,
    base: model.base,
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
  };
  let at = 0;
  model.trees.forEach((t, k) => {
    c.roots[k] = at;
    for (let i = 0; i < t.feature.length; i++) {
      c.feature[at + i] = t.feature[i]!;
      c.threshold[at + i] = t.threshold[i]!;
      c.left[at + i] = t.left[i]! + at;
      c.right[at + i] = t.right[i]! + at;
      c.value[at + i] = t.value[i]!;
    }
    at += t.feature.length;
  });
  return c;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Margins (log-odds) of `rows` rows of a row-major matrix whose columns are the model's features, added
 * into `out` (which the caller fills with zeros or a running sum). Tree by tree over all rows: one tree's
 * nodes stay in cache while every row walks it.
 */
export function marginsInto(
  m: CompiledModel,
  x: Float32Array,
  rows: number,
  stride: number,
  out: Float64Array,
): void {
  const { feature, threshold, left, right, value } = m;
  for (let r = 0; r < rows; r++) out[r]! += m.base;
  for (let k = 0; k < m.roots.length; k++) {
    const root = m.roots[k]!;
    for (let r = 0, base = 0; r < rows; r++, base += stride) {
      let node = root;
      let f = feature[node]!;
      while (f >= 0) {
        node = x[base + f]! > threshold[node]! ? right[node]! : left[node]!;
        f = feature[node]!;
      }
      out[r]! += value[node]!;
    }
  }
}

/** The probability of one row (features in the model's order). */
export function predictRow(m: CompiledModel, row: ArrayLike<number>): number {
  let z = m.base;
  for (let k = 0; k < m.roots.length; k++) {
    let node = m.roots[k]!;
    while (m.feature[node]! >= 0) {
      node = row[m.feature[node]!]! > m.threshold[node]! ? m.right[node]! : m.left[node]!;
    }
    z += m.value[node]!;
  }
  return sigmoid(z);
}

/**
 * Why the model scored a row as it did: each feature's share of the margin, by path attribution
 * (Saabas): walking a tree from the root, every split moves the prediction from the node's value to
 * the child's, and that move is credited to the split's feature. The shares plus the base add up to the
 * row's margin exactly. Cheaper than TreeSHAP (one path per tree) and, for the top reasons shown to an
 * employee, ranks features the same way in practice.
 */
export function contributions(m: CompiledModel, row: ArrayLike<number>): Float64Array {
  return contributionsInto(m, row, new Float64Array(m.features));
}

/** contributions() into `out` (zeroed here), for callers that explain millions of rows. */
export function contributionsInto(m: CompiledModel, row: ArrayLike<number>, out: Float64Array): Float64Array {
  const { roots, feature, threshold, left, right, value } = m;
  out.fill(0);
  for (let k = 0; k < roots.length; k++) {
    let node = roots[k]!;
    let f = feature[node]!;
    while (f >= 0) {
      // Above the threshold goes right; at or below it, or missing (NaN compares false), left.
      const next = row[f]! > threshold[node]! ? right[node]! : left[node]!;
      out[f]! += value[next]! - value[node]!;
      node = next;
      f = feature[node]!;
    }
  }
  return out;
}

/** The margin contributed by the trees' roots: what every row gets before any split. */
export function rootMargin(m: CompiledModel): number {
  let z = m.base;
  for (let k = 0; k < m.roots.length; k++) z += m.value[m.roots[k]!]!;
  return z;
}
