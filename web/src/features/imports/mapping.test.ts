import { describe, expect, it } from "vitest";
import { mappingProblems } from "./mapping";

describe("column mapping", () => {
  it("needs a column naming the client", () => {
    expect(mappingProblems({ Телефон: "phones", Код: "sourceKey" })).toEqual([{ problem: "needsName" }]);
    expect(mappingProblems({ ИНН: "inn" })).toEqual([]);
  });

  it("lets phones come from several columns, but a name from one", () => {
    expect(mappingProblems({ ФИО: "fullName", Моб: "phones", Раб: "phones" })).toEqual([]);
    expect(mappingProblems({ ФИО: "fullName", Клиент: "fullName" })).toEqual([
      { problem: "onlyOne", target: "fullName", columns: ["ФИО", "Клиент"] },
    ]);
  });
});
