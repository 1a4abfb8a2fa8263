import { describe, expect, it } from "vitest";
import { identifierKind } from "./identifier";

const spec = { name: "inn", field: "inn", kind: "identifier" } as const;
const label = (a: string | null, b: string | null) => {
  const level = identifierKind.prepare(spec, [{ inn: a }, { inn: b }], new Map()).level(0, 1);
  return level === 0 ? "missing" : identifierKind.levels(spec).labels[level - 1];
};

describe("identifier comparison", () => {
  it("counts typos after normalising spacing, case and look-alike letters", () => {
    expect(label("7701 234567", "7701234567")).toBe("exact");
    expect(label("77 АВ 123456", "77AB123456")).toBe("exact");
    expect(label("7701234567", "7701234568")).toBe("one typo");
    expect(label("7701234567", "7710234576")).toBe("two typos");
    expect(label("7701234567", "5009876543")).toBe("different");
    expect(label("7701234567", " ")).toBe("missing");
  });
});
