import { describe, expect, it } from "vitest";
import { expectationMaximisation } from "./em";
import { PatternCounter } from "./patterns";
import { seededRandom } from "./random";

const pick = (dist: readonly number[], r: number) => {
  let acc = 0;
  for (let l = 0; l < dist.length; l++) {
    acc += dist[l]!;
    if (r < acc) return l + 1;
  }
  return dist.length;
};

// Pairs drawn from known classes: each comparison's level from m (match), u (unrelated), or, for a
// household pair, m on household comparisons and u on personal ones.
function synthetic(
  m: number[][],
  u: number[][],
  shares: { match: number; household: number },
  household: boolean[],
  pairs: number,
) {
  const random = seededRandom(42);
  const counter = new PatternCounter(m.length, 3);
  const levels = new Uint8Array(m.length);
  for (let p = 0; p < pairs; p++) {
    const r = random();
    const cls = r < shares.match ? "m" : r < shares.match + shares.household ? "h" : "u";
    for (let c = 0; c < m.length; c++) {
      const useM = cls === "m" || (cls === "h" && household[c]);
      levels[c] = pick(useM ? m[c]! : u[c]!, random());
    }
    counter.add(levels);
  }
  return counter.patterns();
}

const M = [
  [0.9, 0.07, 0.03],
  [0.8, 0.15, 0.05],
  [0.85, 0.1, 0.05],
  [0.7, 0.2, 0.1],
];
const U = [
  [0.01, 0.09, 0.9],
  [0.02, 0.08, 0.9],
  [0.05, 0.15, 0.8],
  [0.1, 0.2, 0.7],
];
const start = M.map(() => [0.5, 0.3, 0.2]);

describe("expectationMaximisation", () => {
  it("recovers known m and the match share from unlabelled pairs, u fixed", () => {
    const patterns = synthetic(M, U, { match: 0.3, household: 0 }, [false, false, false, false], 200_000);
    const fit = expectationMaximisation(patterns, {
      m: start,
      u: U,
      lambda: 0.1,
      active: [true, true, true, true],
      estimateM: true,
    });
    expect(fit.converged).toBe(true);
    expect(fit.lambda).toBeCloseTo(0.3, 2);
    fit.m.forEach((row, c) => {
      row.forEach((v, l) => {
        expect(Math.abs(v - M[c]![l]!)).toBeLessThan(0.01);
      });
    });
    expect(fit.lambdaHousehold).toBe(0);
  });

  it("leaves inactive comparisons (the session's blocking fields) untouched", () => {
    const patterns = synthetic(M, U, { match: 0.3, household: 0 }, [false, false, false, false], 50_000);
    const fit = expectationMaximisation(patterns, {
      m: start,
      u: U,
      lambda: 0.1,
      active: [false, true, true, true],
      estimateM: true,
    });
    expect(fit.m[0]).toEqual(start[0]);
    expect(Math.abs(fit.m[1]![0]! - 0.8)).toBeLessThan(0.02);
  });

  it("separates same-household pairs from matches", () => {
    const household = [true, true, false, false];
    const patterns = synthetic(M, U, { match: 0.2, household: 0.15 }, household, 300_000);
    const fit = expectationMaximisation(patterns, {
      m: start,
      u: U,
      lambda: 0.1,
      active: [true, true, true, true],
      household,
      estimateM: true,
    });
    expect(fit.lambda).toBeCloseTo(0.2, 1);
    expect(fit.lambdaHousehold).toBeCloseTo(0.15, 1);
    expect(Math.abs(fit.m[2]![0]! - 0.85)).toBeLessThan(0.03);
    // The two-class model, blind to households, takes many of them for matches.
    const blind = expectationMaximisation(patterns, {
      m: start,
      u: U,
      lambda: 0.1,
      active: [true, true, true, true],
      estimateM: true,
    });
    expect(blind.lambda).toBeGreaterThan(fit.lambda + 0.02);
  });

  it("estimates only the shares when m is fixed", () => {
    const patterns = synthetic(M, U, { match: 0.05, household: 0 }, [false, false, false, false], 100_000);
    const fit = expectationMaximisation(patterns, {
      m: M,
      u: U,
      lambda: 0.5,
      active: [true, true, true, true],
      estimateM: false,
    });
    expect(fit.m).toEqual(M);
    expect(fit.lambda).toBeCloseTo(0.05, 2);
  });

  it("stays finite when every candidate pair is a match (a key no two people share)", () => {
    const household = [true, true, false, false];
    const patterns = synthetic(M, U, { match: 1, household: 0 }, household, 5_000);
    const fit = expectationMaximisation(patterns, {
      m: start,
      u: U,
      lambda: 0.1,
      active: [true, true, true, true],
      household,
      estimateM: true,
    });
    expect(Number.isFinite(fit.lambda)).toBe(true);
    expect(fit.lambda).toBeGreaterThan(0.9);
    for (const row of fit.m) for (const v of row) expect(Number.isFinite(v)).toBe(true);
  });
});
