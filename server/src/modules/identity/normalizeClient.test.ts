import { ClientInput } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { normalizeClient } from "./normalizeClient";

const parse = (v: unknown) => ClientInput.parse(v);

describe("normalizeClient", () => {
  it("splits a one-field name typed given-name-first and normalises a phone typed with 8", () => {
    const { record, warnings } = normalizeClient(
      parse({ fullName: "иван петрович СИДОРОВ", phones: ["8 (916) 123-45-67"], emails: [" Ivan@Mail.RU "] }),
    );
    expect(warnings).toEqual([]);
    expect(record).toMatchObject({
      lastName: "Сидоров",
      firstName: "Иван",
      patronymic: "Петрович",
      gender: "m",
      phones: [{ value: "+79161234567", raw: "8 (916) 123-45-67" }],
      emails: [{ value: "ivan@mail.ru" }],
    });
  });

  it("drops what it cannot read with a warning, keeping the rest", () => {
    const { record, warnings } = normalizeClient(
      parse({
        lastName: "Котова",
        phones: ["12345", "+7 921 555 44 33", "89215554433"],
        birthDate: "1990-02-30",
        passport: "45 12 34567",
        vins: ["XTA21099O1234567"],
      }),
    );
    expect(record.phones).toEqual([{ value: "+79215554433", raw: "+7 921 555 44 33" }]);
    expect(record.birthDate).toBeUndefined();
    expect(record.documents).toEqual([]);
    expect(warnings.map((w) => w.field).sort()).toEqual(["birthDate", "passport", "phones.0", "vins.0"]);
  });

  it("checks company identifiers", () => {
    const { record, warnings } = normalizeClient(
      parse({ kind: "company", companyName: "ООО  «Вектор»", inn: "7707083893", kpp: "12" }),
    );
    expect(record).toMatchObject({ kind: "company", companyName: "ООО «Вектор»", inn: "7707083893" });
    expect(warnings).toEqual([{ field: "kpp", message: '"12" is not a valid KPP' }]);
  });
});
