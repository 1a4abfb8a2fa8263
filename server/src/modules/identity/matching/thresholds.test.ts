import { describe, expect, it } from "vitest";
import { AUTO_MERGE_AT, MAX_CLUSTER_SIZE, REVIEW_AT, VETO_WEIGHT } from "./thresholds";

describe("thresholds", () => {
  it("order the review band below automatic merging", () => {
    expect(0 < REVIEW_AT && REVIEW_AT < AUTO_MERGE_AT && AUTO_MERGE_AT < 1).toBe(true);
    expect(VETO_WEIGHT).toBeLessThan(0);
    expect(MAX_CLUSTER_SIZE).toBeGreaterThan(2);
  });
});
