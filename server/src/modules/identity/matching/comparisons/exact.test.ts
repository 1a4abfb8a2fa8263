import { describe, expect, it } from "vitest";
import { exactKind } from "./exact";

describe("exact comparison", () => {
  it("agrees after normalising case and punctuation", () => {
    const spec = { name: "pc", field: "pc", kind: "exact", termFrequency: true } as const;
    const p = exactKind.prepare(spec, [{ pc: "2119" }, { pc: " 2119 " }, { pc: "2120" }, {}], new Map());
    expect([p.level(0, 1), p.level(0, 2), p.level(0, 3)]).toEqual([1, 2, 0]);
    expect(exactKind.levels(spec).termFrequency).toEqual([true, false]);
    expect(p.tfKey(1)).toBe("2119");
  });
});
