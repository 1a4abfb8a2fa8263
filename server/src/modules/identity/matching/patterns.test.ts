import { describe, expect, it } from "vitest";
import { PatternCounter } from "./patterns";

describe("PatternCounter", () => {
  it("counts identical level vectors together and decodes them back", () => {
    const counter = new PatternCounter(3, 7);
    counter.add(Uint8Array.of(1, 0, 7));
    counter.add(Uint8Array.of(1, 0, 7));
    counter.add(Uint8Array.of(2, 3, 0), 5);
    const p = counter.patterns();
    expect(p.total).toBe(7);
    const rows = Array.from(p.counts, (count, k) => [Array.from(p.levels.slice(k * 3, k * 3 + 3)), count]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [[1, 0, 7], 2],
        [[2, 3, 0], 5],
      ]),
    );
  });

  it("refuses more comparisons than a number can encode", () => {
    expect(() => new PatternCounter(30, 7)).toThrow();
  });
});
