import { describe, expect, it } from "vitest";
import { codeModel } from "./codegen";
import { type CompiledModel, compile, type GbdtModel, marginsInto } from "./model";
import { NAMES, synthetic } from "./testData";
import { trainGbdt } from "./train";

describe("a model compiled to code", () => {
  it("gives every row the very margin the node arrays give, missing values included", () => {
    const train = synthetic(20_000, 1);
    const { model } = trainGbdt(NAMES, train, synthetic(5_000, 2));
    const c = compile(model);
    expect(c.roots.length).toBeGreaterThan(12); // more than one generated function
    const test = synthetic(5_000, 3);
    const walked = new Float64Array(test.rows).fill(0.25);
    const coded = new Float64Array(test.rows).fill(0.25);
    marginsInto(c, test.x, test.rows, test.features, walked);
    codeModel(c).margins(test.x, test.rows, test.features, coded);
    expect(coded).toEqual(walked);
  });

  it("sends missing values left, and with an infinite threshold (or a missing one) does what the arrays do", () => {
    // One split per tree: x0 at NaN, x1 at +Infinity, x2 at -Infinity, x0 at 0 (-0 as the leaf).
    const stump = (feature: number, threshold: number, left: number, right: number) => ({
      feature: [feature, -1, -1],
      threshold: [threshold, 0, 0],
      left: [1, 0, 0],
      right: [2, 0, 0],
      value: [0, left, right],
    });
    const model: GbdtModel = {
      kind: "gbdt-logistic",
      features: ["a", "b", "c"],
      base: -1,
      trees: [
        stump(0, Number.NaN, 1, 2),
        stump(1, Number.POSITIVE_INFINITY, 10, 20),
        stump(2, Number.NEGATIVE_INFINITY, 100, 200),
        stump(0, 0, -0, 1000),
      ],
    };
    const c: CompiledModel = compile(model);
    const rows = [
      [Number.NaN, Number.NaN, Number.NaN],
      [1, 5, 5],
      [-1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      [0, -5, 0],
    ];
    const x = Float32Array.from(rows.flat());
    const walked = new Float64Array(rows.length);
    const coded = new Float64Array(rows.length);
    marginsInto(c, x, rows.length, 3, walked);
    codeModel(c).margins(x, rows.length, 3, coded);
    expect([...coded]).toEqual([...walked]);
    expect([...coded]).toEqual([
      -1 + 1 + 10 + 100 - 0,
      -1 + 1 + 10 + 200 + 1000,
      -1 + 1 + 10 + 100,
      -1 + 1 + 10 + 200,
    ]);
  });

  it("refuses a model whose split names a feature it does not have", () => {
    const c = compile({
      kind: "gbdt-logistic",
      features: ["a"],
      base: 0,
      trees: [
        { feature: [3, -1, -1], threshold: [1, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, 1, 2] },
      ],
    });
    expect(() => codeModel(c)).toThrow(/feature 3/);
  });
});
