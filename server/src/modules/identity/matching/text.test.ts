import { describe, expect, it } from "vitest";
import {
  fieldString,
  fieldStrings,
  lettersOnly,
  normalizeEmail,
  normalizeIdentifier,
  normalizePhone,
  normalizeText,
} from "./text";

describe("text normalisation", () => {
  it("folds case, ё and punctuation", () => {
    expect(normalizeText("  Г. Москва,  ул. Ленина д.5 ")).toBe("г москва ул ленина д 5");
    expect(lettersOnly("Семёнов-Тян-Шанский")).toBe("семеновтяншанский");
    expect(lettersOnly("IVANOV")).toBe("ivanov");
  });

  it("composes a decomposed ё before folding it", () => {
    expect(lettersOnly("Семе\u0308нов")).toBe("семенов");
  });

  it("reads phones in the Russian domestic forms as international digits", () => {
    expect(normalizePhone("8 (916) 123-45-67")).toBe("79161234567");
    expect(normalizePhone("+7 916 123-45-67")).toBe("79161234567");
    expect(normalizePhone("9161234567")).toBe("79161234567");
    expect(normalizePhone("+44 20 7946 0958")).toBe("442079460958");
  });

  it("folds Cyrillic look-alike letters in identifiers", () => {
    expect(normalizeIdentifier("77 АВ 123456")).toBe("77AB123456");
    expect(normalizeIdentifier("xta21099043123456")).toBe("XTA21099043123456");
    expect(normalizeEmail(" Ivan.Ivanov@Mail.RU ")).toBe("ivan.ivanov@mail.ru");
  });

  it("reads single and multi-valued fields", () => {
    expect(fieldStrings(["+79161234567", " ", null, "x"])).toEqual(["+79161234567", "x"]);
    expect(fieldStrings(undefined)).toEqual([]);
    expect(fieldStrings(42)).toEqual(["42"]);
    expect(fieldString("  ")).toBeNull();
    expect(fieldString([null, "a"])).toBe("a");
  });
});
