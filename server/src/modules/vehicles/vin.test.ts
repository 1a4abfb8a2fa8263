import { describe, expect, it } from "vitest";
import {
  checkVin,
  computeVinCheckDigit,
  decodeModelYear,
  hasValidCheckDigit,
  modelYearCode,
  normalizeVin,
  withCheckDigit,
} from "./vin";

describe("normalizeVin", () => {
  it("uppercases, strips separators and maps Cyrillic lookalikes to Latin", () => {
    // Cyrillic Х, Т, А, Е, С, К typed on a Russian layout.
    expect(normalizeVin(" хта 21074-0Y1234567 ")).toBe("XTA210740Y1234567");
    expect(normalizeVin("ХТА210740У1234567")).toBe("XTA210740Y1234567");
    expect(normalizeVin("wba3a5c51cf256651")).toBe("WBA3A5C51CF256651");
    expect(normalizeVin("VIN: XTA210740Y1234567")).toBe("XTA210740Y1234567");
  });
});

describe("check digit", () => {
  it.each([
    ["1M8GDM9AXKP042788", "X"], // the classic example with an X check digit
    ["1HGCM82633A004352", "3"],
    ["5YJ3E1EA7HF000337", "7"],
    ["11111111111111111", "1"],
  ])("computes %s -> %s", (vin, digit) => {
    expect(computeVinCheckDigit(vin)).toBe(digit);
    expect(hasValidCheckDigit(vin)).toBe(true);
  });

  it("detects a corrupted check digit and a corrupted body character", () => {
    expect(hasValidCheckDigit("1HGCM82643A004352")).toBe(false);
    expect(hasValidCheckDigit("1HGCM82633A004353")).toBe(false);
    expect(withCheckDigit("1HGCM82603A004352")).toBe("1HGCM82633A004352");
  });
});

describe("checkVin", () => {
  it("accepts a valid VIN and reports the check digit", () => {
    expect(checkVin("1HGCM82633A004352")).toEqual({
      valid: true,
      vin: "1HGCM82633A004352",
      checkDigitOk: true,
      modelYear: 2003,
    });
  });

  it("treats a wrong check digit as a warning, not an error (Lada does not use it)", () => {
    expect(checkVin("XTA210740Y1234567", 2025)).toEqual({
      valid: true,
      vin: "XTA210740Y1234567",
      checkDigitOk: false,
      modelYear: 2000,
    });
  });

  it.each([
    ["", "empty"],
    ["XTA210740Y123456", "length"],
    ["XTA210740Y12345678", "length"],
    ["XTA210740Y12345!7", "characters"],
    ["XTA21074OY1234567", "forbidden_letters"],
  ])("rejects %j as %s", (raw, reason) => {
    expect(checkVin(raw)).toMatchObject({ valid: false, reason });
  });

  it("suggests digits for I, O and Q", () => {
    expect(checkVin("XTA21O74IY1234567")).toMatchObject({ suggestion: "XTA210741Y1234567" });
  });
});

describe("model year", () => {
  it("decodes position 10 relative to the reference year", () => {
    expect(decodeModelYear("XTA210740L1234567", 2025)).toBe(2020);
    expect(decodeModelYear("XTA210740S1234567", 2025)).toBe(2025);
    expect(decodeModelYear("XTA210740T1234567", 2025)).toBe(2026);
    expect(decodeModelYear("XTA210740V1234567", 2025)).toBe(1997);
    expect(decodeModelYear("XTA21074091234567", 2025)).toBe(2009);
    expect(decodeModelYear("WDD205004ZA123456", 2025)).toBeUndefined();
  });

  it("uses position 7 to settle the cycle for North American VINs", () => {
    expect(decodeModelYear("1M8GDM9AXKP042788", 2025)).toBe(1989);
    expect(decodeModelYear("5YJ3E1EA7HF000337", 2025)).toBe(2017);
  });

  it("round-trips year codes", () => {
    for (let year = 2000; year <= 2030; year++) {
      const vin = `XTA21074${"0"}${modelYearCode(year)}1234567`;
      expect(decodeModelYear(vin, 2026)).toBe(year <= 2027 ? year : year - 30);
    }
  });
});
