import { describe, expect, it } from "vitest";
import { checkPlate, normalizePlate, plateSearchKey } from "./plate";

describe("normalizePlate", () => {
  it.each([
    ["А123ВС77", "А123ВС77"],
    ["a123bc77", "А123ВС77"], // all Latin lookalikes
    ["A 123 BC 777 RUS", "А123ВС777"],
    ["а 123 вс | 77 rus", "А123ВС77"],
    ["Х-777-ХХ-799", "Х777ХХ799"],
    ["M001PT 197 РУС", "М001РТ197"],
  ])("%j -> %s", (raw, plate) => {
    expect(normalizePlate(raw)).toBe(plate);
  });

  it("maps every allowed Latin lookalike to its Cyrillic twin", () => {
    expect(normalizePlate("ABEKMHOPCTYX")).toBe("АВЕКМНОРСТУХ");
  });
});

describe("checkPlate", () => {
  it("accepts the private-car format with two- and three-digit regions", () => {
    expect(checkPlate("a123bc77")).toEqual({
      valid: true,
      plate: "А123ВС77",
      kind: "private",
      region: "77",
      display: "А 123 ВС 77",
    });
    expect(checkPlate("Е001КХ 799")).toMatchObject({ valid: true, kind: "private", region: "799" });
    expect(checkPlate("о777оо47")).toMatchObject({ valid: true, plate: "О777ОО47", region: "47" });
  });

  it("recognises taxi, trailer and motorcycle plates", () => {
    expect(checkPlate("АВ 123 77")).toMatchObject({ valid: true, kind: "taxi", display: "АВ 123 77" });
    expect(checkPlate("АВ 1234 50")).toMatchObject({ valid: true, kind: "trailer", region: "50" });
    expect(checkPlate("1234 АВ 78")).toMatchObject({ valid: true, kind: "motorcycle" });
  });

  it("reads a zero typed for the letter О in a private plate, preferring it to a motorcycle plate", () => {
    expect(checkPlate("0123OO77")).toMatchObject({ valid: true, plate: "О123ОО77" });
    expect(checkPlate("А12300 78")).toMatchObject({ valid: true, plate: "А123ОО78" });
  });

  it.each([
    ["", "empty"],
    ["Б123ВС77", "letters"], // Б has no Latin twin and is never issued
    ["А123ZC77", "letters"],
    ["А12ВС77", "format"],
    ["А123ВС7", "format"],
    ["А123ВС7777", "format"],
    ["А000ВС77", "format"],
    ["А123ВС00", "format"],
  ])("rejects %j as %s", (raw, reason) => {
    expect(checkPlate(raw)).toMatchObject({ valid: false, reason });
  });
});

describe("plateSearchKey", () => {
  it("finds a stored plate from a Latin, lower-case or partial query", () => {
    const stored = plateSearchKey("О123ОО77");
    for (const query of ["o123oo", "0123", "123OO", "О123ОО 77 RUS"]) {
      expect(stored).toContain(plateSearchKey(query));
    }
  });
});
