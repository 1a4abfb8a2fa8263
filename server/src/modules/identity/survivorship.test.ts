import { describe, expect, it } from "vitest";
import type { ClientRecord, RankedRecord } from "./clientRecord";
import { survive } from "./survivorship";

const empty: Omit<ClientRecord, "kind"> = { phones: [], emails: [], messengers: [], documents: [], vins: [] };
const rec = (sourceSystem: string, day: number, fields: Partial<ClientRecord>): RankedRecord => ({
  sourceSystem,
  receivedAt: new Date(Date.UTC(2024, 0, day)),
  record: { kind: "person", ...empty, ...fields },
});

describe("survive", () => {
  it("prefers the Cyrillic name with a patronymic over a newer Latin passport spelling", () => {
    const g = survive([
      rec("dms:MSK-KIA", 1, { lastName: "Иванов", firstName: "Пётр", patronymic: "Сергеевич" }),
      rec("dms:SPB-GEELY", 9, { lastName: "Ivanov", firstName: "Petr" }),
    ]);
    expect(g).toMatchObject({ lastName: "Иванов", firstName: "Пётр", patronymic: "Сергеевич" });
    expect(g.displayName).toBe("Иванов Пётр Сергеевич");
  });

  it("takes a missing patronymic from another record of the same person, ё or е alike", () => {
    const g = survive([
      rec("dms:MSK-KIA", 5, { lastName: "Семёнов", firstName: "Артём" }),
      rec("import:1c", 1, { lastName: "Семенов", firstName: "Артем", patronymic: "Ильич" }),
    ]);
    expect(g).toMatchObject({ lastName: "Семёнов", firstName: "Артём", patronymic: "Ильич" });
  });

  it("lets an employee's correction win, including clearing a field", () => {
    const g = survive([
      rec("dms:MSK-KIA", 1, {
        lastName: "Петрова",
        firstName: "Анна",
        patronymic: "Ивановна",
        birthDate: "1980-01-02",
      }),
      rec("orbit", 2, { lastName: "Петрова", firstName: "Анна", patronymic: null, birthDate: "1980-02-01" }),
    ]);
    expect(g.patronymic).toBeNull();
    expect(g.birthDate).toBe("1980-02-01");
  });

  it("keeps the birth date two dealerships agree on over one mistyped date", () => {
    const g = survive([
      rec("dms:MSK-KIA", 1, { lastName: "Орлов", birthDate: "1975-04-11" }),
      rec("dms:MSK-HAVAL", 2, { lastName: "Орлов", birthDate: "1975-04-11" }),
      rec("dms:SPB-GEELY", 3, { lastName: "Орлов", birthDate: "1975-11-04" }),
    ]);
    expect(g.birthDate).toBe("1975-04-11");
  });

  it("names a company by its name, or by INN when the name is unknown", () => {
    const company = (fields: Partial<ClientRecord>): RankedRecord => ({
      ...rec("dms:MSK-KIA", 1, fields),
      record: { ...empty, kind: "company", ...fields },
    });
    expect(survive([company({ companyName: "ООО «Вектор»", inn: "7707083893" })]).displayName).toBe(
      "ООО «Вектор»",
    );
    expect(survive([company({ inn: "7707083893" })]).displayName).toBe("ИНН 7707083893");
  });
});
