import { describe, expect, it } from "vitest";
import { normalisedValues, typedValues } from "./sourceValues";

const fromForm = {
  typed: {
    kind: "person",
    vins: [],
    emails: [],
    phones: ["8 (903) 111-22-33"],
    consents: [],
    fullName: "VOROBEV ALEKSEI",
    birthDate: "1979-03-02",
  },
  record: {
    kind: "person",
    vins: [],
    emails: [],
    phones: [{ raw: "8 (903) 111-22-33", value: "+79031112233" }],
    lastName: "Vorobev",
    firstName: "Aleksei",
    birthDate: "1979-03-02",
    documents: [{ kind: "passport_rf", raw: "4509 123456", value: "4509123456" }],
    messengers: [],
  },
};

describe("source record values", () => {
  it("lists the typed values without empty ones or the form's default kind", () => {
    expect(typedValues(fromForm)).toEqual([
      ["phones", "8 (903) 111-22-33"],
      ["fullName", "VOROBEV ALEKSEI"],
      ["birthDate", "1979-03-02"],
    ]);
  });

  it("keeps an import file's own column names", () => {
    expect(typedValues({ typed: { Код: "K-1", ФИО: "Смирнов Алексей", "E-mail": "" } })).toEqual([
      ["Код", "K-1"],
      ["ФИО", "Смирнов Алексей"],
    ]);
  });

  it("lists what Orbit understood, contacts and documents formatted", () => {
    expect(normalisedValues(fromForm)).toEqual([
      { field: "lastName", value: "Vorobev" },
      { field: "firstName", value: "Aleksei" },
      { field: "birthDate", value: "1979-03-02" },
      { field: "phones", value: "+7 903 111-22-33" },
      { field: "passport", value: "45 09 123456" },
    ]);
    // An edit that clears the patronymic states it empty.
    expect(normalisedValues({ record: { patronymic: null } })).toEqual([{ field: "patronymic", value: "" }]);
    expect(normalisedValues({})).toEqual([]);
  });
});
