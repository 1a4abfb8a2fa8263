import { describe, expect, it } from "vitest";
import { normalizeDriverLicence, normalizePassportRf } from "../identity/documents";
import { checkEmail } from "../identity/email";
import { detectGender, splitFullName } from "../identity/names";
import { normalizePhone } from "../identity/phone";
import { isoToDay, yearsBetween } from "./dates";
import { generatePerson } from "./people";
import { createRng } from "./random";

const AS_OF = "2026-06-01";
const sample = (n: number, seed = 1) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => generatePerson(rng, { asOf: AS_OF, index: i }));
};

describe("generatePerson", () => {
  const people = sample(3000);

  it("is deterministic for a seed and differs between seeds", () => {
    expect(sample(20, 7)).toEqual(sample(20, 7));
    expect(sample(20, 8)).not.toEqual(sample(20, 7));
  });

  it("produces adults of 18 to 80 with most between 25 and 55", () => {
    const ages = people.map((p) => yearsBetween(isoToDay(p.birthDate), isoToDay(AS_OF)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    const core = ages.filter((a) => a >= 25 && a <= 55).length / ages.length;
    expect(core).toBeGreaterThan(0.6);
  });

  it("gives names whose gender agrees with the person's, in surname-first order", () => {
    for (const p of people) {
      expect(
        detectGender({ lastName: p.lastName, firstName: p.firstName, patronymic: p.patronymic ?? undefined }),
      ).toBe(p.gender);
      if (p.patronymic) {
        expect(splitFullName(`${p.lastName} ${p.firstName} ${p.patronymic}`)).toMatchObject({
          lastName: p.lastName,
          firstName: p.firstName,
          patronymic: p.patronymic,
        });
      }
    }
    const men = people.filter((p) => p.gender === "m").length / people.length;
    expect(men).toBeGreaterThan(0.55);
    expect(men).toBeLessThan(0.7);
  });

  it("gives valid Russian mobiles, unique main numbers when indexed, and sometimes a second one", () => {
    for (const p of people) {
      for (const phone of p.phones) {
        expect(phone).toMatch(/^\+79\d{9}$/);
        expect(normalizePhone(phone)).toMatchObject({ valid: true, e164: phone });
      }
    }
    expect(new Set(people.map((p) => p.phones[0])).size).toBe(people.length);
    const second = people.filter((p) => p.phones.length === 2).length / people.length;
    expect(second).toBeGreaterThan(0.08);
    expect(second).toBeLessThan(0.25);
  });

  it("gives valid e-mails for about half the clients", () => {
    const withEmail = people.filter((p) => p.email !== null);
    expect(withEmail.length / people.length).toBeGreaterThan(0.4);
    expect(withEmail.length / people.length).toBeLessThan(0.7);
    for (const p of withEmail) {
      expect(checkEmail(p.email!)).toEqual({ valid: true, email: p.email });
    }
  });

  it("avoids e-mail addresses the caller says are taken", () => {
    const taken = new Set<string>();
    const rng = createRng(11);
    for (let i = 0; i < 5000; i++) {
      const p = generatePerson(rng, { asOf: AS_OF, isEmailTaken: (e) => taken.has(e) });
      if (p.email) {
        expect(taken.has(p.email)).toBe(false);
        taken.add(p.email);
      }
    }
  });

  it("gives documents that pass the identity validators and are issued before asOf", () => {
    for (const p of people) {
      expect(normalizePassportRf(p.passport.series + p.passport.number).valid).toBe(true);
      expect(p.passport.issuedOn <= AS_OF).toBe(true);
      expect(p.passport.issuedOn > p.birthDate).toBe(true);
      if (p.driverLicence) {
        expect(normalizeDriverLicence(p.driverLicence.number)).toMatchObject({
          valid: true,
          normalized: p.driverLicence.number,
        });
        expect(
          yearsBetween(isoToDay(p.birthDate), isoToDay(p.driverLicence.issuedOn)),
        ).toBeGreaterThanOrEqual(18);
        expect(p.driverLicence.issuedOn <= AS_OF).toBe(true);
      }
    }
  });

  it("places clients in Moscow or St Petersburg, honouring a requested city", () => {
    expect(new Set(people.map((p) => p.city))).toEqual(new Set(["Москва", "Санкт-Петербург"]));
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const p = generatePerson(rng, { city: "Санкт-Петербург" });
      expect(p.city).toBe("Санкт-Петербург");
      expect(p.address.startsWith(p.residence)).toBe(true);
    }
  });

  it("uses names of the person's generation", () => {
    const young = people
      .filter((p) => p.birthDate >= "1998-01-01" && p.gender === "f")
      .map((p) => p.firstName);
    const old = people.filter((p) => p.birthDate < "1965-01-01" && p.gender === "f").map((p) => p.firstName);
    const share = (xs: string[], name: string) => xs.filter((x) => x === name).length / xs.length;
    expect(share(old, "Галина")).toBeGreaterThan(share(young, "Галина"));
    expect(share(young, "Анастасия")).toBeGreaterThan(share(old, "Анастасия"));
  });
});
