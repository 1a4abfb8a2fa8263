import { describe, expect, it } from "vitest";
import { normalizePhone, phoneSearchDigits } from "./phone";

describe("normalizePhone", () => {
  it.each([
    "+7 (916) 123-45-67",
    "8 916 123 45 67",
    "89161234567",
    "9161234567",
    "7 916 1234567",
    "+7-916-123-45-67",
    "916-123-45-67",
    " 8 (916) 123-45-67 ",
    "8 (9161) 23-45-67",
  ])("reads %j as +79161234567", (raw) => {
    expect(normalizePhone(raw)).toEqual({ valid: true, e164: "+79161234567", nationalNumber: "9161234567" });
  });

  it("keeps an extension apart from the E.164 key", () => {
    expect(normalizePhone("+7-916-123-45-67 доб. 12")).toEqual({
      valid: true,
      e164: "+79161234567",
      nationalNumber: "9161234567",
      extension: "12",
    });
    expect(normalizePhone("8 (495) 123-45-67 доб 305")).toMatchObject({
      e164: "+74951234567",
      extension: "305",
    });
  });

  it("accepts Moscow and St Petersburg landlines and toll-free numbers", () => {
    expect(normalizePhone("8 (495) 123-45-67")).toMatchObject({ valid: true, e164: "+74951234567" });
    expect(normalizePhone("8 (812) 123-45-67")).toMatchObject({ valid: true, e164: "+78121234567" });
    expect(normalizePhone("8-800-555-35-35")).toMatchObject({ valid: true, e164: "+78005553535" });
  });

  it("accepts a foreign number written with +", () => {
    expect(normalizePhone("+375 29 123 45 67")).toMatchObject({ valid: true, e164: "+375291234567" });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["нет телефона", "not_a_number"],
    ["123", "invalid_length"],
    ["+7 916 123 45 6", "invalid_length"],
    ["+7 (916) 123-45-678", "invalid_length"],
    ["89161234567,89031234567", "not_a_number"],
  ])("rejects %j as %s", (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ valid: false, reason });
  });
});

describe("phoneSearchDigits", () => {
  it.each([
    ["+7 (916) 123-45-67", "9161234567"],
    ["89161234567", "9161234567"],
    ["8916", "916"],
    ["+7 916", "916"],
    ["7916123", "916123"],
    ["916 12", "91612"],
    ["8 (495) 12", "49512"],
    ["45-67", "4567"],
    ["8121234567", "8121234567"],
  ])("%j -> %s", (raw, digits) => {
    expect(phoneSearchDigits(raw)).toBe(digits);
  });
});
