import { describe, expect, it } from "vitest";
import { hoursPercentile, percentileOfCounts } from "./percentiles";

/** percentile_cont over the durations themselves, sorted: the definition the counts must agree with. */
function direct(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const low = s[lo] as number;
  return pos === lo ? low : low + (pos - lo) * ((s[lo + 1] as number) - low);
}

function count(values: number[]) {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  // Deliberately out of order: the database's grouping promises none.
  const entries = [...m].reverse();
  return { minutes: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) };
}

describe("percentiles of durations counted by the minute", () => {
  it("interpolate between ranks as percentile_cont does", () => {
    // A work order's booked step: 60, 240 and 120 minutes; median 2 h, p90 3.6 h.
    const h = count([60, 240, 120]);
    expect(hoursPercentile(h, 0.5)).toBe(2);
    expect(hoursPercentile(h, 0.9)).toBeCloseTo(3.6, 10);
    expect(percentileOfCounts({ minutes: [5], counts: [1] }, 0.9)).toBe(5);
  });

  it("read ranks across repeated minutes", () => {
    // 10 x 1 min, 1 x 100 min: the median sits inside the repeated minute, p90 between the two.
    const h = { minutes: [100, 1], counts: [1, 10] };
    expect(percentileOfCounts(h, 0.5)).toBe(1);
    expect(percentileOfCounts(h, 0.9)).toBe(1);
    expect(percentileOfCounts(h, 0.95)).toBeCloseTo(1 + 0.5 * 99, 10);
    expect(percentileOfCounts(h, 1)).toBe(100);
    expect(percentileOfCounts(h, 0)).toBe(1);
  });

  it("agree with sorting every duration on random samples", () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const values = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => Math.floor(rnd() * 50));
      for (const p of [0.5, 0.9, 0.1, 0.99]) {
        expect(percentileOfCounts(count(values), p)).toBeCloseTo(direct(values, p) as number, 9);
      }
    }
  });

  it("have none when nothing was counted", () => {
    expect(percentileOfCounts({ minutes: [], counts: [] }, 0.5)).toBeNull();
    expect(hoursPercentile({ minutes: [3], counts: [0] }, 0.5)).toBeNull();
  });
});
