import { describe, expect, it } from "vitest";
import { createRng, scatter, substreams, WeightedTable } from "./random";

const draws = (seed: number | string, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.uint32());
};

describe("createRng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    expect(draws(42, 50)).toEqual(draws(42, 50));
    expect(draws("42", 50)).toEqual(draws(42, 50));
    expect(draws(43, 50)).not.toEqual(draws(42, 50));
  });

  it("pins the sequence so a change to the generator is noticed (the demo data set would change)", () => {
    const snapshot = draws("orbit", 4);
    expect(snapshot).toMatchInlineSnapshot(`
      [
        94995031,
        1803008932,
        1096112046,
        4290620644,
      ]
    `);
  });

  it("stays within bounds", () => {
    const rng = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(-3, 3);
      expect(k >= -3 && k <= 3 && Number.isInteger(k)).toBe(true);
    }
  });

  it("reaches both ends of an inclusive int range", () => {
    const rng = createRng(8);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("fork", () => {
  it("does not depend on how much the parent has drawn", () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 17; i++) b.next();
    expect(a.fork("cars").uint32()).toBe(b.fork("cars").uint32());
  });

  it("does not disturb the parent stream", () => {
    const a = createRng(42);
    const b = createRng(42);
    a.fork("people").next();
    expect(a.uint32()).toBe(b.uint32());
  });

  it("gives different streams for different labels and nests", () => {
    const root = createRng(42);
    const x = root.fork("x");
    expect(x.path).toBe("42/x");
    expect(x.uint32()).not.toBe(root.fork("y").uint32());
    expect(root.fork("x").fork("y").path).toBe("42/x/y");
    expect(root.fork("x/y").uint32()).toBe(root.fork("x").fork("y").uint32());
  });
});

describe("substreams", () => {
  it("gives each call new streams and keeps labels independent of each other", () => {
    const rng = createRng(5);
    const first = substreams(rng, ["name", "phone"]);
    const second = substreams(rng, ["name", "phone"]);
    expect(first.name.uint32()).not.toBe(second.name.uint32());

    // Adding a label, or drawing more from another label, leaves "name" as it was.
    const a = substreams(createRng(5), ["name", "phone"]);
    const b = substreams(createRng(5), ["name", "phone", "email"]);
    b.phone.next();
    b.email.next();
    expect(a.name.uint32()).toBe(b.name.uint32());
  });
});

describe("distributions", () => {
  it("weighted follows the weights and never picks a zero weight", () => {
    const rng = createRng(1);
    const xs = ["a", "b", "c", "d"];
    const weights = [1, 2, 7, 0];
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.weighted(xs, weights)]!++;
    expect(counts.d).toBe(0);
    expect(counts.a! / n).toBeCloseTo(0.1, 1);
    expect(counts.b! / n).toBeCloseTo(0.2, 1);
    expect(counts.c! / n).toBeCloseTo(0.7, 1);
  });

  it("WeightedTable rejects bad input", () => {
    expect(() => new WeightedTable([], [])).toThrow();
    expect(() => new WeightedTable(["a"], [0])).toThrow();
    expect(() => new WeightedTable(["a", "b"], [1])).toThrow();
    expect(() => new WeightedTable(["a"], [Number.NaN])).toThrow();
  });

  it("normal has the requested mean and spread", () => {
    const rng = createRng(2);
    const n = 50_000;
    const xs = Array.from({ length: n }, () => rng.normal(10, 3));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(3, 1);
  });

  it("chance and date respect their arguments", () => {
    const rng = createRng(3);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.25)) hits++;
    expect(hits / 10_000).toBeCloseTo(0.25, 1);
    expect(rng.chance(0)).toBe(false);
    for (let i = 0; i < 1000; i++) {
      const d = rng.date("2020-01-01", "2020-01-02");
      expect(d.getTime()).toBeGreaterThanOrEqual(Date.parse("2020-01-01"));
      expect(d.getTime()).toBeLessThan(Date.parse("2020-01-02"));
    }
  });
});

describe("scatter", () => {
  it("is a permutation of [0, size)", () => {
    for (const size of [1, 7, 1000, 12_345]) {
      const seen = new Set<number>();
      for (let i = 0; i < size; i++) {
        const x = scatter(i, size, 3);
        expect(x >= 0 && x < size).toBe(true);
        seen.add(x);
      }
      expect(seen.size).toBe(size);
    }
  });

  it("does not keep neighbours together and depends on the key", () => {
    const xs = Array.from({ length: 10 }, (_, i) => scatter(i, 10_000_000));
    expect(new Set(xs.map((x) => Math.floor(x / 1_000_000))).size).toBeGreaterThan(4);
    expect(scatter(5, 10_000_000, 1)).not.toBe(scatter(5, 10_000_000, 2));
  });

  it("rejects an index outside the range", () => {
    expect(() => scatter(10, 10)).toThrow(RangeError);
    expect(() => scatter(-1, 10)).toThrow(RangeError);
  });
});
