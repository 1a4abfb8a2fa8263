import { describe, expect, it } from "vitest";
import { cachedSkeleton } from "./matching/skeleton";
import { nameKeyOf, searchTermsOf } from "./searchTerms";

const person = { kind: "person" as const, companyName: null, inn: null };

describe("searchTermsOf", () => {
  it("holds the skeleton of each name word, so Cyrillic and Latin queries meet", () => {
    const terms = searchTermsOf({
      ...person,
      lastName: "Воробьёв",
      firstName: "Алексей",
      patronymic: "Игоревич",
    });
    for (const typed of ["Vorobyov", "воробьев", "Aleksey", "Игор"])
      expect(terms).toContain(` ${cachedSkeleton(typed)}`);
  });

  it("leaves out legal forms and quotes and keeps the INN", () => {
    const terms = searchTermsOf({
      kind: "company",
      lastName: null,
      firstName: null,
      patronymic: null,
      companyName: "ООО «Вектор-Авто»",
      inn: "7707083893",
    });
    expect(terms).toBe(` ${cachedSkeleton("Вектор")} ${cachedSkeleton("Авто")} 7707083893 `);
    expect(
      nameKeyOf({
        kind: "company",
        lastName: null,
        firstName: null,
        patronymic: null,
        companyName: "ООО «Вектор-Авто»",
        inn: null,
      }),
    ).toBe(cachedSkeleton("Вектор"));
  });

  it("keys a person by the surname's skeleton", () => {
    expect(nameKeyOf({ ...person, lastName: "IVANOV", firstName: null, patronymic: null })).toBe("ivanov");
    expect(nameKeyOf({ ...person, lastName: null, firstName: "Иван", patronymic: null })).toBeNull();
  });
});
