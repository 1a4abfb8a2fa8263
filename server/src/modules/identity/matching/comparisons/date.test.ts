import { describe, expect, it } from "vitest";
import { dateKind } from "./date";

const spec = { name: "d", field: "d", kind: "date" } as const;
const label = (a: string | null, b: string | null) => {
  const level = dateKind.prepare(spec, [{ d: a }, { d: b }], new Map()).level(0, 1);
  return level === 0 ? "missing" : dateKind.levels(spec).labels[level - 1];
};

describe("date comparison", () => {
  it("reads the typed forms and compares their digits", () => {
    expect(label("1985-03-07", "07.03.1985")).toBe("exact");
    expect(label("1985-03-07", "03.07.1985")).toBe("day and month swapped");
    expect(label("1985-03-07", "1984-03-07")).toBe("one typo");
    expect(label("1979-03-07", "1980-03-07")).toBe("year off by one");
    expect(label("1985-03-07", "unknown")).toBe("missing");
  });

  it("batches the same levels as pair by pair", () => {
    const records = ["1985-03-07", "1985-07-03", null, "1985-03-08"].map((d) => ({ d }));
    const prepared = dateKind.prepare(spec, records, new Map());
    const left = Int32Array.of(0, 0, 0, 1);
    const right = Int32Array.of(1, 2, 3, 3);
    const out = new Uint8Array(4);
    prepared.levels(left, right, 4, out, 0);
    expect(Array.from(out)).toEqual([0, 1, 2, 3].map((p) => prepared.level(left[p]!, right[p]!)));
  });
});
