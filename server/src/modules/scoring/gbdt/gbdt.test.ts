import { describe, expect, it } from "vitest";
import { rocAuc } from "../metrics";
import { binOf, fitEdges } from "./binning";
import { compile, contributions, marginsInto, predictRow, sigmoid } from "./model";
import { NAMES, synthetic } from "./testData";
import { DEFAULT_PARAMS, trainGbdt } from "./train";

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
