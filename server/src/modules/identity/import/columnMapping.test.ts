import { describe, expect, it } from "vitest";
import { checkMapping, parseDate, rowToClient, suggestMapping } from "./columnMapping";

describe("suggestMapping", () => {
  it("recognises the headers of a DMS and a 1C export", () => {
    expect(
      suggestMapping(["Код клиента", "ФИО", "Дата рождения", "Моб. телефон", "E-mail", "VIN", "Примечание"]),
    ).toEqual({
      "Код клиента": "sourceKey",
      ФИО: "fullName",
      "Дата рождения": "birthDate",
      "Моб. телефон": "phones",
      "E-mail": "emails",
      VIN: "vins",
      Примечание: "skip",
    });
    expect(suggestMapping(["Наименование", "ИНН", "КПП", "Телефоны"])).toMatchObject({
      Наименование: "companyName",
      ИНН: "inn",
      Телефоны: "phones",
    });
  });
});

describe("checkMapping", () => {
  it("needs a name column and known columns", () => {
    expect(checkMapping({ Телефон: "phones" }, ["Телефон"])).toEqual([
      { field: "mapping", message: "map at least one column to a name, a company name or an INN" },
    ]);
    expect(checkMapping({ ФИО: "fullName", Нет: "phones" }, ["ФИО"])[0]?.field).toBe("mapping.Нет");
  });
});

describe("parseDate", () => {
  it("reads the date forms of Russian exports", () => {
    expect(parseDate("05.03.1984")).toBe("1984-03-05");
    expect(parseDate("5/3/1984")).toBe("1984-03-05");
    expect(parseDate("1984-03-05")).toBe("1984-03-05");
    expect(parseDate("05.03.1984 0:00:00")).toBe("1984-03-05");
    expect(parseDate("05.03.84")).toBe("1984-03-05");
    expect(parseDate("весна 84")).toBeNull();
  });
});

describe("rowToClient", () => {
  const mapping = suggestMapping(["Код", "ФИО", "Дата рождения", "Телефон", "Согласие на рассылку"]);
  it("builds a client input with several phones and a consent", () => {
    const r = rowToClient(
      {
        Код: "A-17",
        ФИО: "Петров Пётр",
        "Дата рождения": "01.02.1970",
        Телефон: "8 916 111-22-33; +7 926 000 11 22",
        "Согласие на рассылку": "да",
      },
      mapping,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sourceKey).toBe("A-17");
      expect(r.input).toMatchObject({ kind: "person", fullName: "Петров Пётр", birthDate: "1970-02-01" });
      expect(r.input.phones).toHaveLength(2);
      expect(r.input.consents.every((c) => c.granted)).toBe(true);
    }
  });
  it("rejects a row without a name, saying why", () => {
    const r = rowToClient({ Код: "A-18", ФИО: "", Телефон: "89161112233" }, mapping);
    expect(r).toEqual({ ok: false, reason: "lastName: a name is required" });
  });
  it("treats a row with a company name as a company", () => {
    const r = rowToClient(
      { Наименование: "ООО Ромашка", ИНН: "7707083893" },
      suggestMapping(["Наименование", "ИНН"]),
    );
    expect(r.ok && r.input.kind).toBe("company");
  });
});
