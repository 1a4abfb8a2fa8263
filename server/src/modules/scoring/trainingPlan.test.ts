import { describe, expect, it } from "vitest";
import { trainingPlan } from "./trainingPlan";

describe("trainingPlan", () => {
  it("tests on the last year with known outcomes and trains on snapshots whose outcomes end before it", () => {
    const p = trainingPlan({ today: "2026-11-26", firstDay: "2021-11-26", horizonDays: 90 });
    expect(p.holdoutTo).toBe("2026-08-28");
    expect(p.holdoutFrom).toBe("2025-08-29");
    expect(p.holdoutDays.every((d) => d >= p.holdoutFrom && d <= p.holdoutTo)).toBe(true);
    expect(p.holdoutDays.length).toBeGreaterThanOrEqual(12);
    // The last training snapshot's horizon closes before the holdout's first day.
    const lastTrain = Date.parse(p.trainTo!);
    expect(lastTrain + 90 * 86_400_000).toBeLessThan(Date.parse(p.holdoutFrom));
    expect(p.trainFrom! >= "2022-02-24").toBe(true);
    expect(p.trainDays.length).toBeGreaterThan(30);
  });

  it("has nothing to train on when the history is shorter than a year and a horizon", () => {
    const p = trainingPlan({ today: "2026-11-26", firstDay: "2026-01-10", horizonDays: 90 });
    expect(p.trainDays).toEqual([]);
    expect(p.trainTo).toBeNull();
  });
});
