import { describe, expect, it } from "vitest";
import { collapseRepeats, discoverVariants } from "./variants";

describe("discoverVariants", () => {
  it("merges paths that differ by repeated steps and orders by cases", () => {
    const v = discoverVariants([
      { steps: ["booked", "arrived", "delivered"], cases: 3, meanHours: 10 },
      { steps: ["booked", "arrived", "arrived", "delivered"], cases: 1, meanHours: 30 },
      { steps: ["booked", "no_show"], cases: 2, meanHours: 1 },
    ]);
    expect(v).toEqual([
      { steps: ["booked", "arrived", "delivered"], cases: 4, share: 4 / 6, meanHours: 15 },
      { steps: ["booked", "no_show"], cases: 2, share: 2 / 6, meanHours: 1 },
    ]);
  });
  it("sums the tail into one row", () => {
    const paths = ["a", "b", "c", "d"].map((s, i) => ({ steps: [s], cases: 4 - i, meanHours: 2 }));
    const v = discoverVariants(paths, 2);
    expect(v.map((x) => x.cases)).toEqual([4, 3, 3]);
    expect(v[2]).toEqual({ steps: [], cases: 3, share: 0.3, meanHours: 2 });
  });
  it("keeps a step that comes back later", () => {
    expect(collapseRepeats(["a", "a", "b", "a"])).toEqual(["a", "b", "a"]);
  });
});
