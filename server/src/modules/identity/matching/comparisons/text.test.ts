import { describe, expect, it } from "vitest";
import { textKind } from "./text";

const spec = { name: "t", field: "t", kind: "text" } as const;
const label = (a: string, b: string) => {
  const level = textKind.prepare(spec, [{ t: a }, { t: b }], new Map()).level(0, 1);
  return level === 0 ? "missing" : textKind.levels(spec).labels[level - 1];
};

describe("text comparison", () => {
  it("compares short texts by transliteration and Jaro-Winkler", () => {
    expect(label("Москва", "москва")).toBe("exact");
    expect(label("Москва", "Moskva")).toBe("same transliteration");
    expect(label("frankston", "franktson")).toBe("Jaro-Winkler >= 0.90 or most words shared");
    expect(label("Москва", "Санкт-Петербург")).toBe("different");
  });

  it("compares long texts (addresses) by the words they share", () => {
    expect(label("Москва, Варшавская улица, 81, кв. 256", "Москва, улица Варшавская, 81, кв 256")).toBe(
      "Jaro-Winkler >= 0.90 or most words shared",
    );
    expect(label("Москва, Варшавская улица, 81, кв. 256", "Москва, Ленинский проспект, 12, кв. 5")).toBe(
      "different",
    );
  });
});
