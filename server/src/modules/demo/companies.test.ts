import { describe, expect, it } from "vitest";
import { checkInn, isValidKpp, isValidOgrn, isValidOgrnip } from "../identity/inn";
import { generateCompany } from "./companies";
import { createRng } from "./random";

describe("generateCompany", () => {
  const rng = createRng(1);
  const companies = Array.from({ length: 1000 }, () => generateCompany(rng, { asOf: "2026-06-01" }));

  it("is deterministic", () => {
    expect(generateCompany(createRng(2))).toEqual(generateCompany(createRng(2)));
  });

  it("gives companies valid INN, KPP and OGRN, and sole traders a personal INN and OGRNIP", () => {
    for (const c of companies) {
      if (c.form === "ИП") {
        expect(checkInn(c.inn)).toMatchObject({ valid: true, kind: "individual" });
        expect(c.kpp).toBeNull();
        expect(isValidOgrnip(c.ogrn)).toBe(true);
        const owner = c.contacts[0]!.person;
        expect(c.name).toBe(
          `ИП ${[owner.lastName, owner.firstName, owner.patronymic].filter(Boolean).join(" ")}`,
        );
      } else {
        expect(checkInn(c.inn)).toMatchObject({ valid: true, kind: "legal" });
        expect(isValidKpp(c.kpp!)).toBe(true);
        expect(c.kpp!.slice(0, 4)).toBe(c.inn.slice(0, 4));
        expect(isValidOgrn(c.ogrn)).toBe(true);
        expect(c.name).toMatch(/^(ООО|АО) «[А-ЯЁ][^»]+»$/);
      }
      // Registered in the company's region, in the year its registration date says.
      const region = {
        Москва: "77",
        "Московская область": "50",
        "Санкт-Петербург": "78",
        "Ленинградская область": "47",
      }[c.residence];
      expect(c.inn.slice(0, 2)).toBe(region);
      expect(c.ogrn.slice(1, 3)).toBe(c.registeredOn.slice(2, 4));
      expect(c.registeredOn >= "2002-07-01" && c.registeredOn < "2026-06-01").toBe(true);
    }
  });

  it("has a mix of forms, fleets from one car to hundreds, and contact persons", () => {
    const forms = new Set(companies.map((c) => c.form));
    expect(forms).toEqual(new Set(["ООО", "АО", "ИП"]));
    const fleets = companies.map((c) => c.fleetSize);
    expect(Math.min(...fleets)).toBe(1);
    expect(Math.max(...fleets)).toBeGreaterThan(30);
    for (const c of companies) {
      expect(c.contacts.length).toBeGreaterThanOrEqual(1);
      if (c.form === "ИП") expect(c.fleetSize).toBeLessThanOrEqual(3);
      expect(c.address).toMatch(/офис \d+$/);
    }
  });
});
