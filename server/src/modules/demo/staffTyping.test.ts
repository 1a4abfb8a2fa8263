import { describe, expect, it } from "vitest";
import { normalizePassportRf } from "../identity/documents";
import { normalizeEmail } from "../identity/email";
import { normalizePhone } from "../identity/phone";
import { type GeneratedPerson, generatePerson } from "./people";
import { createRng } from "./random";
import {
  DEFAULT_TYPING_PROBABILITIES,
  TYPING_VARIATIONS,
  type TypedClientRecord,
  type TypingProbabilities,
  type TypingVariation,
  typeAsStaff,
} from "./staffTyping";

const person: GeneratedPerson = {
  lastName: "Семёнов",
  firstName: "Пётр",
  patronymic: "Фёдорович",
  gender: "m",
  birthDate: "1985-03-07",
  phones: ["+79161234567", "+79031112233"],
  email: "semenov.petr85@mail.ru",
  passport: { series: "4512", number: "345678", issuedOn: "2005-03-20" },
  driverLicence: { number: "7712345678", issuedOn: "2019-01-01" },
  city: "Москва",
  residence: "Москва",
  address: "Москва, Профсоюзная улица, 56, кв. 123",
};

const none = Object.fromEntries(TYPING_VARIATIONS.map((v) => [v, 0])) as TypingProbabilities;
const only = (...vs: TypingVariation[]) => ({ ...none, ...Object.fromEntries(vs.map((v) => [v, 1])) });
const typed = (p: Partial<TypingProbabilities>, seed = 1) => typeAsStaff(person, createRng(seed), p);

// Distance 1 in Damerau's sense: one letter replaced, dropped, added, or two neighbours swapped.
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

describe("typeAsStaff", () => {
  it("types the canonical record when no variation can happen", () => {
    expect(typed(none)).toEqual({
      record: {
        fullName: null,
        lastName: "Семёнов",
        firstName: "Пётр",
        patronymic: "Фёдорович",
        birthDate: "07.03.1985",
        phone: "+79161234567",
        email: "semenov.petr85@mail.ru",
        passport: "4512 345678",
      },
      variations: [],
    });
  });

  it("is deterministic", () => {
    expect(typed({}, 5)).toEqual(typed({}, 5));
    const rng = createRng(6);
    const a = typeAsStaff(person, rng);
    const b = typeAsStaff(person, rng);
    expect(a.record).not.toEqual(b.record); // the next call on the same rng is a new record
  });

  const cases: [TypingVariation[], (r: TypedClientRecord) => void][] = [
    [["full_name_one_field"], (r) => expect(r.fullName).toBe("Семёнов Пётр Фёдорович")],
    [["full_name_one_field", "swapped_order"], (r) => expect(r.fullName).toBe("Пётр Фёдорович Семёнов")],
    [["swapped_order"], (r) => expect([r.lastName, r.firstName]).toEqual(["Пётр", "Семёнов"])],
    [["all_caps"], (r) => expect([r.lastName, r.patronymic]).toEqual(["СЕМЁНОВ", "ФЁДОРОВИЧ"])],
    [["lower_case"], (r) => expect(r.firstName).toBe("пётр")],
    [
      ["yo_as_e"],
      (r) => expect([r.lastName, r.firstName, r.patronymic]).toEqual(["Семенов", "Петр", "Федорович"]),
    ],
    [["patronymic_omitted"], (r) => expect(r.patronymic).toBeNull()],
    [
      ["latin_icao"],
      (r) => expect([r.lastName, r.firstName, r.patronymic]).toEqual(["SEMENOV", "PETR", null]),
    ],
    [["latin_informal"], (r) => expect([r.lastName, r.firstName]).toEqual(["Semyonov", "Pyotr"])],
    [["phone_8_brackets"], (r) => expect(r.phone).toBe("8 (916) 123-45-67")],
    [["phone_plus7_spaces"], (r) => expect(r.phone).toBe("+7 916 1234567")],
    [["phone_8_digits"], (r) => expect(r.phone).toBe("89161234567")],
    [["phone_10_digits"], (r) => expect(r.phone).toBe("916-123-45-67")],
    [["phone_second_number"], (r) => expect(r.phone).toBe("+79031112233")],
    [["phone_missing"], (r) => expect(r.phone).toBeNull()],
    [["birth_date_missing"], (r) => expect(r.birthDate).toBeNull()],
    [["birth_date_day_month_swapped"], (r) => expect(r.birthDate).toBe("03.07.1985")],
    [["email_missing"], (r) => expect(r.email).toBeNull()],
    [["email_case"], (r) => expect(r.email?.toLowerCase()).toBe(person.email)],
    [["passport_spaced"], (r) => expect(r.passport).toBe("45 12 345678")],
    [["passport_compact"], (r) => expect(r.passport).toBe("4512345678")],
    [["passport_missing"], (r) => expect(r.passport).toBeNull()],
  ];

  it.each(cases)("applies and reports %j", (vs, check) => {
    for (let seed = 0; seed < 5; seed++) {
      const { record, variations } = typed(only(...vs), seed);
      check(record);
      expect(variations).toEqual(TYPING_VARIATIONS.filter((v) => vs.includes(v)));
    }
    if (vs.includes("email_case")) expect(typed(only(...vs)).record.email).not.toBe(person.email);
  });

  it.each([
    "typo_adjacent_key",
    "typo_dropped_letter",
    "typo_doubled_letter",
    "typo_swapped_letters",
  ] as const)("%s changes one name part by one edit and keeps its first letter", (kind) => {
    let seen = 0;
    for (let seed = 0; seed < 40; seed++) {
      const { record, variations } = typed(only(kind), seed);
      const changed = (
        [
          [person.lastName, record.lastName],
          [person.firstName, record.firstName],
          [person.patronymic, record.patronymic],
        ] as const
      ).filter(([a, b]) => a !== b);
      if (!variations.includes(kind)) {
        expect(changed).toEqual([]);
        continue;
      }
      seen++;
      expect(changed).toHaveLength(1);
      const [before, after] = changed[0]!;
      expect(oneEditApart(before!, after!)).toBe(true);
      expect(after![0]).toBe(before![0]);
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("types values the identity normalisers read back to the person's", () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const p = generatePerson(rng, { index: i });
      const { record } = typeAsStaff(p, rng);
      if (record.phone) expect(p.phones).toContain((normalizePhone(record.phone) as { e164: string }).e164);
      if (record.passport) {
        expect(normalizePassportRf(record.passport)).toMatchObject({
          series: p.passport.series,
          number: p.passport.number,
        });
      }
      if (record.email) expect(normalizeEmail(record.email)).toBe(p.email);
      expect(Boolean(record.fullName)).not.toBe(Boolean(record.lastName));
    }
  });

  it("applies variations at about their configured rates", () => {
    const rng = createRng(8);
    const counts = new Map<TypingVariation, number>();
    const n = 4000;
    for (let i = 0; i < n; i++) {
      for (const v of typeAsStaff(person, rng).variations) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const rate = (v: TypingVariation) => (counts.get(v) ?? 0) / n;
    for (const v of [
      "full_name_one_field",
      "all_caps",
      "phone_8_brackets",
      "birth_date_missing",
      "passport_missing",
    ] as const) {
      expect(rate(v)).toBeCloseTo(DEFAULT_TYPING_PROBABILITIES[v], 1);
    }
    // Latin names drop the patronymic without counting it as "omitted", and ё is not there to fold.
    expect(rate("latin_icao")).toBeGreaterThan(0.005);
    expect(rate("latin_icao")).toBeLessThan(0.04);
  });
});
