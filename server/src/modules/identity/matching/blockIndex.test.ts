import { describe, expect, it } from "vitest";
import { buildBlockIndex, forEachCandidate } from "./blockIndex";

const keys = [["a", "b"], ["a"], ["b", "c"], ["c"], [], ["a", "a"]];

function pairsOf(maxBlockSize: number) {
  const index = buildBlockIndex(keys.length, (i) => keys[i]!, maxBlockSize);
  const pairs: string[] = [];
  const n = forEachCandidate(index, 0, keys.length, (i, j) => pairs.push(`${i}-${j}`));
  return { index, pairs, n };
}

describe("block index", () => {
  it("yields every pair sharing some key exactly once, i < j", () => {
    const { pairs, n } = pairsOf(10);
    expect(pairs.sort()).toEqual(["0-1", "0-2", "0-5", "1-5", "2-3"]);
    expect(n).toBe(5);
  });

  it("skips and reports blocks above the cap", () => {
    const { index, pairs } = pairsOf(2);
    expect(index.skipped).toEqual([{ key: "a", size: 3 }]);
    expect(pairs.sort()).toEqual(["0-2", "2-3"]);
  });

  it("splits into record ranges without losing or repeating pairs", () => {
    const index = buildBlockIndex(keys.length, (i) => keys[i]!, 10);
    const pairs: string[] = [];
    forEachCandidate(index, 0, 3, (i, j) => pairs.push(`${i}-${j}`));
    forEachCandidate(index, 3, keys.length, (i, j) => pairs.push(`${i}-${j}`));
    expect(pairs.sort()).toEqual(["0-1", "0-2", "0-5", "1-5", "2-3"]);
  });
});
