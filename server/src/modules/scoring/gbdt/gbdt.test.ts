import { describe, expect, it } from "vitest";
import { rocAuc } from "../metrics";
import { binOf, fitEdges } from "./binning";
import { compile, contributions, marginsInto, predictRow, sigmoid } from "./model";
import { type Dataset, DEFAULT_PARAMS, trainGbdt } from "./train";

// A deterministic stream for test data (mulberry32).
function stream(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Outcome driven by an interaction (x0 high and x1 low), a step in x2, and noise; x3 is irrelevant. */
function synthetic(rows: number, seed: number): Dataset {
  const r = stream(seed);
  const features = 4;
  const x = new Float32Array(rows * features);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = [r(), r(), r() * 100, r()];
    if (r() < 0.1) v[2] = Number.NaN;
    x.set(v, i * features);
    const z =
      -2 + (v[0]! > 0.6 && v[1]! < 0.4 ? 3 : 0) + (v[2]! > 70 ? 1.5 : 0) + (Number.isNaN(v[2]) ? 1 : 0);
    y[i] = r() < sigmoid(z) ? 1 : 0;
  }
  return { rows, features, x, y };
}
const NAMES = ["a", "b", "c", "noise"];

describe("histogram gradient boosting", () => {
  it("bins values by quantile edges, missing values in bin 0", () => {
    const x = Float32Array.from([1, 2, 3, 4, Number.NaN, 2]);
    const [edges] = fitEdges(x, 6, 1, 255);
    expect([...edges!]).toEqual([1, 2, 3]);
    expect(binOf(Number.NaN, edges!)).toBe(0);
    expect(binOf(1, edges!)).toBe(1);
    expect(binOf(2.5, edges!)).toBe(3);
    expect(binOf(9, edges!)).toBe(4);
  });

  it("learns an interaction, a threshold and missingness, and ranks held-out rows well", () => {
    const train = synthetic(20_000, 1);
    const valid = synthetic(5_000, 2);
    const test = synthetic(10_000, 3);
    const { model, log } = trainGbdt(NAMES, train, valid);
    expect(log.bestIteration).toBeLessThan(DEFAULT_PARAMS.trees);
    const c = compile(model);
    const margins = new Float64Array(test.rows);
    marginsInto(c, test.x, test.rows, test.features, margins);
    const auc = rocAuc(Array.from(margins), test.y)!;
    // The generating process's own AUC on these rows is about 0.78; a good learner comes close.
    expect(auc).toBeGreaterThan(0.75);
    const row = test.x.subarray(0, 4);
    expect(predictRow(c, row)).toBeCloseTo(sigmoid(margins[0]!), 10);
  });

  it("explains a row: the base plus each feature's share is the row's margin, and noise gets little", () => {
    const train = synthetic(20_000, 4);
    const { model } = trainGbdt(NAMES, train, synthetic(5_000, 5));
    const c = compile(model);
    const row = [0.9, 0.1, 80, 0.5];
    const parts = contributions(c, row);
    const margin = Math.log(predictRow(c, row) / (1 - predictRow(c, row)));
    let rootSum = c.base;
    for (let k = 0; k < c.roots.length; k++) rootSum += c.value[c.roots[k]!]!;
    expect(rootSum + parts.reduce((a, b) => a + b, 0)).toBeCloseTo(margin, 8);
    expect(parts[0]! + parts[1]!).toBeGreaterThan(1);
    expect(Math.abs(parts[3]!)).toBeLessThan(0.3);
  });

  it("is deterministic for a seed", () => {
    const train = synthetic(5_000, 6);
    const a = trainGbdt(NAMES, train, null, { ...DEFAULT_PARAMS, trees: 20 });
    const b = trainGbdt(NAMES, train, null, { ...DEFAULT_PARAMS, trees: 20 });
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
  });
});
