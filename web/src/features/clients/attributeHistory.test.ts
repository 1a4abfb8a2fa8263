import type { PartyState, PartyVersion } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { attributeHistory } from "./attributeHistory";

const state: PartyState = {
  kind: "person",
  displayName: "Зайцев Олег",
  lastName: "Зайцев",
  firstName: "Олег",
  patronymic: null,
  birthDate: null,
  gender: "m",
  companyName: null,
  inn: null,
  kpp: null,
  ogrn: null,
  blocked: false,
  personalManagerId: null,
  homeDealershipId: 2,
};

const version = (n: number, from: string, to: string | null, data: Partial<PartyState>): PartyVersion => ({
  version: n,
  validFrom: from,
  validTo: to,
  sourceSystem: n === 1 ? "dms:MSK-KIA" : "orbit",
  changedBy: n === 1 ? null : "Дмитрий Волков",
  reason: n === 1 ? "imported" : "edited",
  data: { ...state, ...data },
});

// Newest first, as the API lists them.
const versions = [
  version(3, "2026-03-01T00:00:00Z", null, { lastName: "Зайцев-Орлов", homeDealershipId: 3 }),
  version(2, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", { homeDealershipId: 3 }),
  version(1, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", {}),
];

describe("attribute history", () => {
  it("gives each attribute its values over time, newest first, with who changed them", () => {
    const history = attributeHistory(versions);
    const lastName = history.find((h) => h.attribute === "lastName");
    expect(lastName?.spans).toEqual([
      {
        value: "Зайцев-Орлов",
        validFrom: "2026-03-01T00:00:00Z",
        validTo: null,
        version: 3,
        sourceSystem: "orbit",
        changedBy: "Дмитрий Волков",
        reason: "edited",
      },
      {
        value: "Зайцев",
        validFrom: "2026-01-01T00:00:00Z",
        validTo: "2026-03-01T00:00:00Z",
        version: 1,
        sourceSystem: "dms:MSK-KIA",
        changedBy: null,
        reason: "imported",
      },
    ]);
    // Unchanged since version 2: one span, still current.
    expect(history.find((h) => h.attribute === "homeDealershipId")?.spans.map((s) => s.value)).toEqual([
      3, 2,
    ]);
    expect(history.find((h) => h.attribute === "firstName")?.spans).toHaveLength(1);
  });

  it("leaves out attributes that never had a value", () => {
    const attributes = attributeHistory(versions).map((h) => h.attribute);
    expect(attributes).toEqual(["lastName", "firstName", "gender", "homeDealershipId"]);
  });

  it("keeps a value that was cleared, so the history shows when it went", () => {
    const cleared = attributeHistory([
      version(2, "2026-02-01T00:00:00Z", null, { patronymic: null }),
      version(1, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", { patronymic: "Петрович" }),
    ]);
    expect(cleared.find((h) => h.attribute === "patronymic")?.spans.map((s) => s.value)).toEqual([
      null,
      "Петрович",
    ]);
  });
});
