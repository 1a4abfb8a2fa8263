import { describe, expect, it } from "vitest";
import {
  detectGender,
  firstNameGender,
  isKnownFirstName,
  nameKey,
  normalizePersonName,
  patronymicGender,
  splitFullName,
  surnameGender,
} from "./names";

describe("normalizePersonName and nameKey", () => {
  it("title-cases, collapses spaces and keeps ё for display", () => {
    expect(normalizePersonName("  сЕМЁНОВ   пётр ")).toBe("Семёнов Пётр");
    expect(normalizePersonName("ИВАНОВА-ПЕТРОВА")).toBe("Иванова-Петрова");
    expect(normalizePersonName("салтыков - щедрин")).toBe("Салтыков-Щедрин");
    expect(normalizePersonName("МАМЕДОВ АЛИ ГУСЕЙН ОГЛЫ")).toBe("Мамедов Али Гусейн оглы");
  });

  it("folds ё, case and punctuation for matching", () => {
    expect(nameKey("Семёнов  Пётр.")).toBe("семенов петр");
    expect(nameKey("СЕМЕНОВ петр")).toBe(nameKey("Семёнов Пётр"));
    expect(nameKey("Иванова - Петрова")).toBe("иванова-петрова");
  });
});

describe("splitFullName", () => {
  it.each([
    [
      "Иванов Иван Иванович",
      { lastName: "Иванов", firstName: "Иван", patronymic: "Иванович", order: "surname-first" },
    ],
    [
      "ИВАНОВА анна сергеевна",
      { lastName: "Иванова", firstName: "Анна", patronymic: "Сергеевна", order: "surname-first" },
    ],
    [
      "Иван Иванович Иванов",
      { firstName: "Иван", patronymic: "Иванович", lastName: "Иванов", order: "given-first" },
    ],
    ["Иван Иванов", { firstName: "Иван", lastName: "Иванов", order: "given-first" }],
    ["Иванов Иван", { lastName: "Иванов", firstName: "Иван", order: "surname-first" }],
    ["Ирина Черных", { firstName: "Ирина", lastName: "Черных", order: "given-first" }],
    ["Черных Ирина", { lastName: "Черных", firstName: "Ирина", order: "surname-first" }],
    ["Александр Ким", { firstName: "Александр", lastName: "Ким", order: "given-first" }],
    ["Ким Александр", { lastName: "Ким", firstName: "Александр", order: "surname-first" }],
    ["Пётр Ильич", { firstName: "Пётр", patronymic: "Ильич", order: "given-first" }],
    [
      "Бабич Илья Никитич",
      { lastName: "Бабич", firstName: "Илья", patronymic: "Никитич", order: "surname-first" },
    ],
    ["Иванов И.И.", { lastName: "Иванов", firstName: "И.", patronymic: "И.", order: "surname-first" }],
    ["И.И. Иванов", { firstName: "И.", patronymic: "И.", lastName: "Иванов", order: "given-first" }],
    [
      "Мамедов Али Гусейн оглы",
      { lastName: "Мамедов", firstName: "Али", patronymic: "Гусейн оглы", order: "surname-first" },
    ],
    ["Иванов, Иван", { lastName: "Иванов", firstName: "Иван", order: "surname-first" }],
    ["Иванов", { lastName: "Иванов", order: "surname-first" }],
    ["Наталья", { firstName: "Наталья", order: "given-first" }],
    ["   ", { order: "surname-first" }],
  ])("%j", (raw, parts) => {
    expect(splitFullName(raw)).toEqual(parts);
  });
});

describe("gender", () => {
  it("reads patronymics, including the irregular and Turkic ones", () => {
    expect(patronymicGender("Ильич")).toBe("m");
    expect(patronymicGender("Ильинична")).toBe("f");
    expect(patronymicGender("Никитична")).toBe("f");
    expect(patronymicGender("Сергеевна")).toBe("f");
    expect(patronymicGender("Гусейн оглы")).toBe("m");
    expect(patronymicGender("Али кызы")).toBe("f");
    expect(patronymicGender("Иван")).toBeUndefined();
  });

  it("reads first names from the list, with unisex short forms undecided", () => {
    expect(isKnownFirstName("Пётр")).toBe(true);
    expect(isKnownFirstName("петр")).toBe(true);
    expect(firstNameGender("Никита")).toBe("m");
    expect(firstNameGender("Илья")).toBe("m");
    expect(firstNameGender("Мария")).toBe("f");
    expect(firstNameGender("Женя")).toBeUndefined();
    expect(firstNameGender("Иванов")).toBeUndefined();
  });

  it("reads surname endings and leaves indeclinable ones undecided", () => {
    expect(surnameGender("Иванова")).toBe("f");
    expect(surnameGender("Достоевский")).toBe("m");
    expect(surnameGender("Толстая")).toBe("f");
    expect(surnameGender("Толстой")).toBe("m");
    expect(surnameGender("Черных")).toBeUndefined();
    expect(surnameGender("Шевченко")).toBeUndefined();
  });

  it("prefers the patronymic, then the first name, then the surname", () => {
    expect(detectGender({ lastName: "Черных", firstName: "Женя", patronymic: "Петровна" })).toBe("f");
    expect(detectGender({ lastName: "Иванова", firstName: "Никита" })).toBe("m");
    expect(detectGender({ lastName: "Петрова", firstName: "Саша" })).toBe("f");
    expect(detectGender({ lastName: "Шевченко", firstName: "Саша" })).toBeUndefined();
  });
});
