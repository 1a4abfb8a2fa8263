import type { ClientIdentity } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { comparedFields, levelKey, verdictOf } from "./comparison";

const client = (id: number, birthDate: string | null, email: string | null): ClientIdentity => ({
  id,
  status: "active",
  mergedIntoId: null,
  version: 1,
  golden: {
    kind: "person",
    displayName: "Лебедев Роман Ильич",
    lastName: "Лебедев",
    firstName: "Роман",
    patronymic: "Ильич",
    birthDate,
    gender: "m",
    companyName: null,
    inn: null,
    kpp: null,
    ogrn: null,
  },
  segment: "new",
  blocked: false,
  homeDealershipId: null,
  personalManagerId: null,
  personalManagerName: null,
  vehicles: [],
  contacts: email
    ? [
        {
          id: 1,
          kind: "email",
          value: email,
          raw: email,
          isPrimary: true,
          validFrom: "2026-01-01T00:00:00Z",
          validTo: null,
          sourceSystem: "orbit",
        },
      ]
    : [],
  documents: [],
  consents: [],
  asOf: null,
});

describe("pair comparison", () => {
  it("reads the model's levels as equal, similar, different or unknown", () => {
    expect(verdictOf({ level: 1, levelLabel: "exact" })).toBe("equal");
    expect(verdictOf({ level: 2, levelLabel: "same transliteration" })).toBe("similar");
    expect(verdictOf({ level: 4, levelLabel: "different" })).toBe("different");
    expect(verdictOf({ level: 0, levelLabel: "missing" })).toBe("unknown");
    expect(levelKey("Jaro-Winkler >= 0.92")).toBe("nearlySame");
    expect(levelKey("toString")).toBeNull();
  });

  it("shows the compared fields with each card's values, leaving out those neither has", () => {
    const rows = comparedFields(client(3, "1990-11-20", "roman@example.ru"), client(4, null, null), [
      { field: "lastName", level: 1, levelLabel: "exact", weight: 7.2 },
      { field: "birthDate", level: 0, levelLabel: "missing", weight: 0 },
      { field: "phones", level: 0, levelLabel: "missing", weight: 0 },
      { field: "emails", level: 0, levelLabel: "missing", weight: 0 },
      { field: "city", level: 0, levelLabel: "missing", weight: 0 },
    ]);
    expect(rows.map((r) => [r.field, r.verdict, r.a, r.b])).toEqual([
      ["lastName", "equal", ["Лебедев"], ["Лебедев"]],
      ["birthDate", "unknown", ["1990-11-20"], []],
      ["emails", "unknown", ["roman@example.ru"], []],
    ]);
  });
});
