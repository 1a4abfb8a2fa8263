import { describe, expect, it } from "vitest";
import { atTop, averagePrecision, calibration, evaluate, rocAuc } from "./metrics";

describe("propensity metrics", () => {
  it("ROC AUC is 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties", () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.5, 0.5], [1, 1])).toBeNull();
  });

  it("counts pairs: one positive below one of three negatives gives 2/3", () => {
    expect(rocAuc([0.6, 0.7, 0.5, 0.1], [1, 0, 0, 0])).toBeCloseTo(2 / 3, 10);
  });

  it("average precision and precision at the top follow the ranking", () => {
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBeCloseTo((1 + 2 / 3) / 2, 10);
    const top = atTop(
      [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05],
      [1, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      0.2,
    );
    expect(top).toEqual({ k: 2, precision: 0.5, capture: 1 / 3 });
  });

  it("calibration bands hold equal numbers of rows and compare predicted with observed", () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    const y = scores.map((s, i) => (i % 10 < s * 10 ? 1 : 0));
    const bands = calibration(scores, y, 5);
    expect(bands).toHaveLength(5);
    expect(bands.every((b) => b.rows === 20)).toBe(true);
    expect(bands[0]!.predicted).toBeLessThan(bands[4]!.predicted);
    expect(bands[0]!.observed).toBeLessThan(bands[4]!.observed);
    const e = evaluate(scores, y);
    expect(e.positives).toBe(y.reduce((a: number, b) => a + b, 0));
    expect(e.auc).toBeGreaterThan(0.75);
  });
});
