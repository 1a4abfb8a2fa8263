import { describe, expect, it } from "vitest";
import { normalizeOrgName, orgNameKind } from "./orgName";

const spec = { name: "name", field: "name", kind: "orgName" } as const;
const label = (a: string, b: string) => {
  const level = orgNameKind.prepare(spec, [{ name: a }, { name: b }], new Map()).level(0, 1);
  return orgNameKind.levels(spec).labels[level - 1];
};

describe("company name comparison", () => {
  it("drops legal forms, quotes and word order", () => {
    expect(normalizeOrgName('ООО "Автомир Север"')).toBe("автомир север");
    expect(normalizeOrgName("Общество с ограниченной ответственностью «Север Автомир»")).toBe(
      "автомир север",
    );
    expect(label("ООО «Автомир»", "Автомир, ООО")).toBe("exact");
    expect(label("ООО «Автомир»", "Avtomir LLC")).toBe("same transliteration");
    expect(label("АО «Рольф Эстейт»", "Рольф Восток")).toBe("shares a word");
    expect(label("Автомир", "Major Auto")).toBe("different");
  });
});
