import { describe, expect, it } from "vitest";
import { normalizeDriverLicence, normalizePassportRf } from "./documents";

describe("normalizePassportRf", () => {
  it.each([
    "45 12 345678",
    "4512 345678",
    "4512345678",
    "45-12 № 345678",
    "серия 4512 номер 345678",
    " 4512-345678 ",
  ])("reads %j", (raw) => {
    expect(normalizePassportRf(raw)).toEqual({
      valid: true,
      series: "4512",
      number: "345678",
      normalized: "4512345678",
      display: "45 12 345678",
    });
  });

  it.each([
    ["", "empty"],
    ["4512 34567", "format"],
    ["4512 3456789", "format"],
    ["45AB 345678", "format"],
    ["0012 345678", "format"],
    ["4512 000000", "format"],
  ])("rejects %j as %s", (raw, reason) => {
    expect(normalizePassportRf(raw)).toEqual({ valid: false, reason });
  });
});

describe("normalizeDriverLicence", () => {
  it("reads the current all-digit format", () => {
    expect(normalizeDriverLicence("99 12 345678")).toEqual({
      valid: true,
      format: "digits",
      normalized: "9912345678",
      display: "99 12 345678",
    });
    expect(normalizeDriverLicence("9912345678")).toMatchObject({ normalized: "9912345678" });
  });

  it("reads the older format and maps Latin lookalikes to Cyrillic", () => {
    const expected = { valid: true, format: "letters", normalized: "77АВ123456", display: "77 АВ 123456" };
    expect(normalizeDriverLicence("77 АВ 123456")).toEqual(expected);
    expect(normalizeDriverLicence("77 ab 123456")).toEqual(expected); // Latin, lower case
    expect(normalizeDriverLicence("77ав123456")).toEqual(expected);
  });

  it.each(["77 АБ 123456", "77 ZZ 123456", "99 12 34567", "7 АВ 1234567", ""])("rejects %j", (raw) => {
    expect(normalizeDriverLicence(raw).valid).toBe(false);
  });
});
