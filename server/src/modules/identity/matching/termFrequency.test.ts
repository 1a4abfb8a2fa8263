import { describe, expect, it } from "vitest";
import { nameKind } from "./comparisons/name";
import { termFrequencyTable } from "./termFrequency";

describe("termFrequencyTable", () => {
  it("counts values by their key, keeping only repeated ones", () => {
    const records = ["Иванов", "Ivanov", "ИВАНОВ", "Петров", "Сидоров", null].map((n) => ({ n }));
    const prepared = nameKind.prepare({ name: "n", field: "n", kind: "name" }, records, new Map());
    const table = termFrequencyTable(prepared, records.length);
    expect(table.total).toBe(5);
    expect(table.counts).toEqual({ ivanov: 3 });
    expect(table.sumSquares).toBeCloseTo((3 / 5) ** 2 + 2 * (1 / 5) ** 2, 12);
  });
});
