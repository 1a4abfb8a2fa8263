import { describe, expect, it } from "vitest";
import { cachedSkeleton } from "../identity/matching/skeleton";
import { readQuery } from "./searchQuery";

describe("readQuery", () => {
  it("reads a phone in any Russian form as the same number", () => {
    for (const typed of ["8 (916) 123-45-67", "+7 916 1234567", "89161234567", "916-123-45-67"]) {
      expect(readQuery(typed)).toMatchObject({
        phone: "+79161234567",
        kinds: expect.arrayContaining(["phone"]),
      });
    }
  });

  it("reads a few digits as part of a phone and as the end of a VIN", () => {
    expect(readQuery("4567")).toMatchObject({ phoneDigits: "4567", vin: { value: "4567", whole: false } });
    expect(readQuery("8 916 12")).toMatchObject({ phoneDigits: "91612" });
  });

  it("reads names in Cyrillic or Latin as skeletons", () => {
    expect(readQuery("Воробьёв Алексей").nameTokens).toEqual([
      cachedSkeleton("Воробьёв"),
      cachedSkeleton("Алексей"),
    ]);
    expect(readQuery("vorobyov").nameTokens).toEqual(readQuery("Воробьев").nameTokens);
  });

  it("reads VINs, plates typed on either layout, e-mails, INNs and passports", () => {
    expect(readQuery("ХТА21099011234567").vin).toEqual({ value: "XTA21099011234567", whole: true });
    expect(readQuery("a123bc").plate).toBe("А123ВС");
    expect(readQuery(" Ivan@Mail.RU ")).toMatchObject({ email: "ivan@mail.ru", kinds: ["email"] });
    expect(readQuery("7707083893")).toMatchObject({ inn: "7707083893" });
    expect(readQuery("4512 345678")).toMatchObject({ passport: "4512345678" });
  });
});
