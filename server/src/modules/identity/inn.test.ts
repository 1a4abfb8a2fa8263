import { describe, expect, it } from "vitest";
import {
  checkInn,
  generateIndividualInn,
  generateKpp,
  generateLegalInn,
  generateOgrn,
  generateOgrnip,
  type IntSource,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
} from "./inn";

// A small LCG so these tests do not depend on the demo PRNG.
function lcg(seed: number): IntSource {
  let s = seed >>> 0;
  return {
    int(min, max) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return min + (s % (max - min + 1));
    },
  };
}

describe("INN", () => {
  it.each([
    ["7707083893", "legal"], // Sberbank
    ["7736207543", "legal"], // Yandex
    ["7830002293", "legal"],
    ["500100732259", "individual"],
    ["7707 083 893", "legal"],
  ])("accepts real INN %s (%s)", (inn, kind) => {
    expect(checkInn(inn)).toMatchObject({ valid: true, kind });
  });

  it("rejects a wrong check digit in every position it guards", () => {
    expect(checkInn("7707083894")).toEqual({ valid: false, reason: "checksum" });
    expect(checkInn("500100732269")).toEqual({ valid: false, reason: "checksum" }); // 11th digit
    expect(checkInn("500100732250")).toEqual({ valid: false, reason: "checksum" }); // 12th digit
    // A single mistyped body digit changes the weighted sum.
    expect(checkInn("7707083993")).toEqual({ valid: false, reason: "checksum" });
  });

  it.each(["", "770708389", "77070838931", "0000000000", "77O7083893", "000000000000"])(
    "rejects %j as format",
    (inn) => {
      expect(checkInn(inn)).toEqual({ valid: false, reason: "format" });
    },
  );

  it("generates valid legal and individual INNs in the requested region", () => {
    const src = lcg(1);
    for (let i = 0; i < 500; i++) {
      const legal = generateLegalInn(src, 78);
      const person = generateIndividualInn(src, 50);
      expect(checkInn(legal)).toMatchObject({ valid: true, kind: "legal" });
      expect(checkInn(person)).toMatchObject({ valid: true, kind: "individual" });
      expect(legal.slice(0, 2)).toBe("78");
      expect(person.slice(0, 2)).toBe("50");
    }
  });
});

describe("KPP", () => {
  it("checks the format only", () => {
    expect(isValidKpp("773601001")).toBe(true);
    expect(isValidKpp("7736AB001")).toBe(true);
    expect(isValidKpp("77360100")).toBe(false);
    expect(isValidKpp("7736010011")).toBe(false);
    expect(isValidKpp("000001001")).toBe(false);
  });

  it("generates a head-office KPP on the INN's tax office", () => {
    const src = lcg(2);
    const inn = generateLegalInn(src);
    const kpp = generateKpp(src, inn);
    expect(isValidKpp(kpp)).toBe(true);
    expect(kpp.slice(0, 4)).toBe(inn.slice(0, 4));
  });
});

describe("OGRN and OGRNIP", () => {
  it("accepts real numbers", () => {
    expect(isValidOgrn("1027700132195")).toBe(true);
    expect(isValidOgrn("1027700229193")).toBe(true);
    expect(isValidOgrnip("304500116000157")).toBe(true);
  });

  it("rejects wrong check digits, lengths and record kinds", () => {
    expect(isValidOgrn("1027700132196")).toBe(false);
    expect(isValidOgrn("102770013219")).toBe(false);
    expect(isValidOgrn("3027700132195")).toBe(false);
    expect(isValidOgrnip("304500116000158")).toBe(false);
    expect(isValidOgrnip("104500116000157")).toBe(false);
  });

  it("generates valid numbers", () => {
    const src = lcg(3);
    for (let i = 0; i < 500; i++) {
      const ogrn = generateOgrn(src, 77, 2010 + (i % 15));
      const ogrnip = generateOgrnip(src, 78, 2004 + (i % 20));
      expect(isValidOgrn(ogrn)).toBe(true);
      expect(isValidOgrnip(ogrnip)).toBe(true);
      expect(ogrn.slice(3, 5)).toBe("77");
    }
  });

  it("validates generated INNs with isValidInn", () => {
    expect(isValidInn(generateLegalInn(lcg(4)))).toBe(true);
  });
});
