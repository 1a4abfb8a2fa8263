import { describe, expect, it } from "vitest";
import { chunkLevels, PairChunk, pairLevels, prepareBatch } from "./prepare";
import { personSpec } from "./specs/person";

const records = [
  { lastName: "Иванов", firstName: "Пётр", birthDate: "1985-03-07" },
  { lastName: "Петр", firstName: "Иванов", birthDate: "07.03.1985" }, // fields swapped
  { lastName: "PETROV", firstName: "IVAN", birthDate: "1985-03-07" }, // no swap: different names
  { lastName: "Иванова", firstName: "Ирина", birthDate: null },
];
const at = (name: string) => personSpec.comparisons.findIndex((c) => c.name === name);

describe("pair levels", () => {
  const batch = prepareBatch(records, personSpec);
  const levels = new Uint8Array(personSpec.comparisons.length);

  it("compares a name typed into the other field crosswise", () => {
    pairLevels(batch, 0, 1, levels);
    expect(levels[at("lastName")]).toBe(1);
    expect(levels[at("firstName")]).toBe(1);
    expect(levels[at("birthDate")]).toBe(1);
  });

  it("keeps the straight arrangement when crossing does not help", () => {
    pairLevels(batch, 0, 2, levels);
    expect(levels[at("lastName")]).toBeGreaterThan(2);
    pairLevels(batch, 0, 3, levels);
    expect(levels[at("lastName")]).toBe(3); // Иванов / Иванова: Jaro-Winkler >= 0.92
    expect(levels[at("birthDate")]).toBe(0);
  });

  it("gives the same levels in chunks as pair by pair", () => {
    const chunk = new PairChunk(personSpec.comparisons.length, 8);
    const pairs = [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [2, 3],
    ] as const;
    for (const [i, j] of pairs) chunk.push(i, j);
    chunkLevels(batch, chunk);
    pairs.forEach(([i, j], p) => {
      pairLevels(batch, i, j, levels);
      const fromChunk = personSpec.comparisons.map((_, c) => chunk.levels[c * chunk.capacity + p]);
      expect(fromChunk).toEqual(Array.from(levels));
    });
  });

  it("rejects a swap declared between non-name comparisons", () => {
    expect(() => prepareBatch(records, { ...personSpec, swappable: [["lastName", "birthDate"]] })).toThrow();
  });
});
