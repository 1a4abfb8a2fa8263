import { describe, expect, it } from "vitest";
import { damerauLevenshtein, jaro, jaroWinkler } from "./similarity";

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

  it("handles long strings", () => {
    const a = "0123456789".repeat(20);
    expect(damerauLevenshtein(a, `${a.slice(0, 100)}X${a.slice(101)}`)).toBe(1);
  });
});
