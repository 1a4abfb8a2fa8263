import { describe, expect, it } from "vitest";
import { distinctiveValues, jsonTextPattern, personalValues, REDACTED, redactValues } from "./personalValues";

const client = {
  names: ["Петров Пётр Петрович", "Петров", "Пётр", "Петрович", null],
  identifiers: ["+79161234567", "8 (916) 123-45-67", "Petrov@Mail.ru", "45 06 123456", null],
  birthDate: "1985-03-12",
};

describe("personalValues", () => {
  it("takes names, identifiers and the birth date, phones in every written form, longest first", () => {
    const values = personalValues(client);
    expect(values).toContain("9161234567");
    expect(values).toContain("89161234567");
    expect(values).toContain("1985-03-12");
    expect(values.indexOf("Петров Пётр Петрович")).toBeLessThan(values.indexOf("Петров"));
  });

  it("looks for identifiers alone outside the client's own rows", () => {
    expect(distinctiveValues(client)).not.toContain("Петров");
    expect(distinctiveValues(client)).toContain("Petrov@Mail.ru");
  });

  it("ignores values too short to erase safely", () => {
    expect(personalValues({ names: ["Ли", " "], identifiers: [], birthDate: null })).toEqual([]);
  });
});

describe("redactValues", () => {
  it("erases every value in any case at any depth and leaves the rest", () => {
    const values = personalValues(client);
    const out = redactValues(
      { body: "Пётр Петрович, ждём вас", to: "+79161234567", nested: [{ email: "PETROV@mail.ru" }], km: 5 },
      values,
    );
    expect(out).toEqual({
      body: `${REDACTED} ${REDACTED}, ждём вас`,
      to: REDACTED,
      nested: [{ email: REDACTED }],
      km: 5,
    });
  });

  it("treats values as text, not as patterns", () => {
    expect(redactValues("a.b.c and a+b(c)", ["a+b(c)"])).toBe(`a.b.c and ${REDACTED}`);
  });
});

describe("jsonTextPattern", () => {
  it("matches values as jsonb prints them, quotes escaped", () => {
    const pattern = jsonTextPattern(['ООО "Ромашка"']);
    expect(pattern).toBe('ООО \\\\"Ромашка\\\\"');
    expect(jsonTextPattern([])).toBeNull();
  });
});
