import { binMatrix, fitEdges, thresholdOf } from "./binning";
import { compile, type GbdtModel, type GbdtTree, marginsInto } from "./model";

/** Rows to learn from: a row-major matrix of feature values (NaN for missing) and 0/1 outcomes. */
export interface Dataset {
  rows: number;
  features: number;
  x: Float32Array;
  y: Uint8Array;
}

export interface GbdtParams {
  /** At most this many trees; early stopping usually ends sooner. */
  trees: number;
  learningRate: number;
  maxDepth: number;
  maxBins: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** A split must leave at least this much hessian (about rows × p(1-p)) and this many rows each side. */
  minChildHessian: number;
  minChildRows: number;
  minGain: number;
  /** Share of rows each tree sees, and of features. */
  subsample: number;
  colsample: number;
  /** Stop after this many trees without a better validation loss. */
  earlyStopping: number;
  seed: number;
}

export const DEFAULT_PARAMS: GbdtParams = {
  trees: 300,
  learningRate: 0.08,
  maxDepth: 5,
  maxBins: 64,
  lambda: 1,
  minChildHessian: 2,
  minChildRows: 40,
  minGain: 0,
  subsample: 0.8,
  colsample: 0.9,
  earlyStopping: 25,
  seed: 1,
};

export interface TrainingLog {
  trees: number;
  bestIteration: number;
  trainLoss: number;
  validLoss: number | null;
}

// mulberry32: a tiny deterministic generator for row and feature sampling.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const logLoss = (margin: Float64Array, y: Uint8Array) => {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const z = margin[i]!;
    // log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0, computed without overflow.
    const m = y[i] ? -z : z;
    s += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }
  return s / Math.max(1, y.length);
};

/**
 * Histogram gradient boosting for a yes/no outcome: features cut into quantile bins once, each tree
 * grown depth-first to `maxDepth` from per-bin sums of gradients and hessians (the smaller child's
 * histogram built, the larger's obtained by subtraction), leaves shrunk by the learning rate, rows and
 * features sampled per tree, training stopped when the validation loss has not improved for
 * `earlyStopping` trees. Deterministic for a seed.
 */
export function trainGbdt(
  featureNames: readonly string[],
  train: Dataset,
  valid: Dataset | null,
  params: GbdtParams = DEFAULT_PARAMS,
): { model: GbdtModel; log: TrainingLog } {
  const steps = boost(featureNames, train, valid, params);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same training, giving the event loop a turn after every tree: a server that trains in the
 * background keeps answering requests (a tree takes milliseconds, a whole model seconds).
 */
export async function trainGbdtAsync(
  featureNames: readonly string[],
  train: Dataset,
  valid: Dataset | null,
  params: GbdtParams = DEFAULT_PARAMS,
): Promise<{ model: GbdtModel; log: TrainingLog }> {
  const steps = boost(featureNames, train, valid, params);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function* boost(
  featureNames: readonly string[],
  train: Dataset,
  valid: Dataset | null,
  params: GbdtParams,
): Generator<number, { model: GbdtModel; log: TrainingLog }> {
  const { rows, features: nF } = train;
  if (featureNames.length !== nF) throw new Error("feature names do not match the matrix");
  const edges = fitEdges(train.x, rows, nF, params.maxBins);
  const bins = binMatrix(train.x, rows, nF, edges);
  const nBins = edges.map((e) => e.length + 2);
  const offset = new Int32Array(nF + 1);
  for (let f = 0; f < nF; f++) offset[f + 1] = offset[f]! + nBins[f]!;
  const histSize = offset[nF]! * 3;

  let positives = 0;
  for (let i = 0; i < rows; i++) positives += train.y[i]!;
  const p0 = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, rows)));
  const base = Math.log(p0 / (1 - p0));
  const margin = new Float64Array(rows).fill(base);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const validMargin = valid ? new Float64Array(valid.rows).fill(base) : null;
  const random = rng(params.seed);
  const order = new Uint32Array(rows);
  const scratch = new Uint32Array(rows);
  const featureOn = new Uint8Array(nF);
  const trees: GbdtTree[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, trees: 0 };
  const pool: Float64Array[] = [];
  const takeHist = () => pool.pop()?.fill(0) ?? new Float64Array(histSize);

  const buildHist = (hist: Float64Array, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = order[i]!;
      const g = grad[r]!;
      const h = hess[r]!;
      const b = r * nF;
      for (let f = 0; f < nF; f++) {
        const at = (offset[f]! + bins[b + f]!) * 3;
        hist[at]! += g;
        hist[at + 1]! += h;
        hist[at + 2]! += 1;
      }
    }
  };

  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < rows; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      grad[i] = p - train.y[i]!;
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    let n = 0;
    for (let i = 0; i < rows; i++) if (params.subsample >= 1 || random() < params.subsample) order[n++] = i;
    for (let f = 0; f < nF; f++) featureOn[f] = params.colsample >= 1 || random() < params.colsample ? 1 : 0;

    const tree: GbdtTree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const leafOf = (value: number) => {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(value);
      return tree.feature.length - 1;
    };
    const grow = (from: number, to: number, hist: Float64Array, depth: number): number => {
      // The node's totals: any feature's bins add up to them.
      let G = 0;
      let H = 0;
      for (let b = offset[0]!; b < offset[1]!; b++) {
        G += hist[b * 3]!;
        H += hist[b * 3 + 1]!;
      }
      const node = leafOf((-G / (H + params.lambda)) * params.learningRate);
      if (depth >= params.maxDepth || to - from < 2 * params.minChildRows) {
        pool.push(hist);
        return node;
      }
      const parentScore = (G * G) / (H + params.lambda);
      let bestGain = params.minGain;
      let bestF = -1;
      let bestT = 0;
      for (let f = 0; f < nF; f++) {
        if (!featureOn[f]) continue;
        let gl = 0;
        let hl = 0;
        let nl = 0;
        for (let b = offset[f]!; b < offset[f + 1]! - 1; b++) {
          gl += hist[b * 3]!;
          hl += hist[b * 3 + 1]!;
          nl += hist[b * 3 + 2]!;
          const nr = to - from - nl;
          if (nl < params.minChildRows || hl < params.minChildHessian) continue;
          if (nr < params.minChildRows || H - hl < params.minChildHessian) break;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + params.lambda) + (gr * gr) / (H - hl + params.lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestT = b - offset[f]!;
          }
        }
      }
      if (bestF < 0) {
        pool.push(hist);
        return node;
      }
      // Partition the node's rows in place: left (bin ≤ t) first.
      let l = from;
      let s = 0;
      for (let i = from; i < to; i++) {
        const r = order[i]!;
        if (bins[r * nF + bestF]! <= bestT) order[l++] = r;
        else scratch[s++] = r;
      }
      order.set(scratch.subarray(0, s), l);
      const leftSmaller = l - from <= to - l;
      const small = takeHist();
      if (leftSmaller) buildHist(small, from, l);
      else buildHist(small, l, to);
      for (let i = 0; i < histSize; i++) hist[i]! -= small[i]!;
      const [leftHist, rightHist] = leftSmaller ? [small, hist] : [hist, small];
      tree.feature[node] = bestF;
      tree.threshold[node] = thresholdOf(edges[bestF]!, bestT);
      const li = grow(from, l, leftHist, depth + 1);
      const ri = grow(l, to, rightHist, depth + 1);
      tree.left[node] = li;
      tree.right[node] = ri;
      return node;
    };
    const rootHist = takeHist();
    buildHist(rootHist, 0, n);
    grow(0, n, rootHist, 0);
    trees.push(tree);

    // Every row (not only the sampled ones) moves by the new tree.
    const one = compile({ kind: "gbdt-logistic", features: [...featureNames], base: 0, trees: [tree] });
    marginsInto(one, train.x, rows, nF, margin);
    if (valid && validMargin) {
      marginsInto(one, valid.x, valid.rows, nF, validMargin);
      const loss = logLoss(validMargin, valid.y);
      if (loss < best.loss - 1e-7) best = { loss, trees: trees.length };
      else if (trees.length - best.trees >= params.earlyStopping) break;
    }
    yield trees.length;
  }
  const kept = valid ? trees.slice(0, Math.max(1, best.trees)) : trees;
  return {
    model: { kind: "gbdt-logistic", features: [...featureNames], base, trees: kept },
    log: {
      trees: trees.length,
      bestIteration: kept.length,
      trainLoss: logLoss(margin, train.y),
      validLoss: valid ? best.loss : null,
    },
  };
}
