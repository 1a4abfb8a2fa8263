import { describe, expect, it } from "vitest";
import { damerauLevenshtein, jaro, jaroWinkler, withinOneEdit } from "./similarity";

describe("jaro / jaroWinkler", () => {
  it("matches the textbook values", () => {
    expect(jaro("martha", "marhta")).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.8133, 4);
  });

  it("is 1 for equal strings, 0 for disjoint or empty ones, and symmetric", () => {
    expect(jaroWinkler("ivanov", "ivanov")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "abc")).toBe(0);
    expect(jaroWinkler("crate", "trace")).toBeCloseTo(jaroWinkler("trace", "crate"), 12);
  });

  it("with a cutoff, returns the exact value above it and 0 only when below it", () => {
    const words = [
      "ivanov",
      "ivanova",
      "ivanv",
      "petrov",
      "smirnov",
      "i",
      "vasilii",
      "vasilevic",
      "abcdefghij",
    ];
    for (const a of words) {
      for (const b of words) {
        for (const cut of [0.7, 0.88, 0.92]) {
          const full = jaroWinkler(a, b);
          const fast = jaroWinkler(a, b, cut);
          if (full >= cut) expect(fast).toBeCloseTo(full, 12);
          else expect(fast).toBeLessThan(cut);
        }
      }
    }
  });

  it("handles strings longer than the initial buffers", () => {
    const a = "x".repeat(200);
    expect(jaroWinkler(a, `${a}y`)).toBeGreaterThan(0.99);
  });
});

describe("damerauLevenshtein (optimal string alignment)", () => {
  it("counts substitutions, insertions, deletions and adjacent transpositions as one edit", () => {
    expect(damerauLevenshtein("1804974", "1804974")).toBe(0);
    expect(damerauLevenshtein("1804974", "1804975")).toBe(1);
    expect(damerauLevenshtein("1804974", "8104974")).toBe(1);
    expect(damerauLevenshtein("1804974", "180974")).toBe(1);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("ca", "abc")).toBe(3);
  });

  it("stops early above the cap", () => {
    expect(damerauLevenshtein("aaaaaaaa", "bbbbbbbb", 2)).toBe(3);
    expect(damerauLevenshtein("a", "abcdef", 2)).toBe(3);
    expect(damerauLevenshtein("abcd", "abdc", 2)).toBe(1);
  });

  it("agrees with a plain reference implementation on random strings", () => {
    const reference = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
          }
        }
      }
      return d[a.length]![b.length]!;
    };
    let seed = 1;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const word = () =>
      Array.from({ length: Math.floor(rand() * 8) }, () => "abc"[Math.floor(rand() * 3)]).join("");
    for (let k = 0; k < 2000; k++) {
      const a = word();
      const b = word();
      expect(damerauLevenshtein(a, b)).toBe(reference(a, b));
      expect(damerauLevenshtein(a, b, 2)).toBe(Math.min(reference(a, b), 3));
    }
  });

  it("handles long strings", () => {
    const a = "0123456789".repeat(20);
    expect(damerauLevenshtein(a, `${a.slice(0, 100)}X${a.slice(101)}`)).toBe(1);
  });
});

describe("withinOneEdit", () => {
  it("agrees with damerauLevenshtein <= 1 on edited strings", () => {
    const base = "79161234567";
    const variants = [
      base,
      "79161234568",
      "7916123456",
      "791612345678",
      "79161243567",
      "97161234567",
      "79161234576",
    ];
    const far = ["79161235476", "79160000000", "7916123", "89161234567x", "", "79162134576"];
    for (const v of [...variants, ...far]) {
      expect(withinOneEdit(base, v)).toBe(damerauLevenshtein(base, v, 1) <= 1);
      expect(withinOneEdit(v, base)).toBe(damerauLevenshtein(v, base, 1) <= 1);
    }
  });
});
