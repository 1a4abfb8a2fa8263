import { describe, expect, it } from "vitest";
import { blockingKeys, ruleFields, ruleKeys, transformValue } from "./blocking";
import { companySpec } from "./specs/company";
import { personSpec } from "./specs/person";
import type { BlockingRule } from "./types";

const nm = personSpec.blocking.find((r) => r.name === "nm")!;

describe("blockingKeys", () => {
  it("gives every phone, e-mail and document its own key", () => {
    const keys = blockingKeys(
      {
        phones: ["+7 916 123-45-67", "89031112233"],
        emails: ["Ivan@Mail.ru"],
        documents: ["passport_rf:4510 123456"],
      },
      personSpec,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        "ph:79161234567",
        "ph:79031112233",
        "em:ivan@mail.ru",
        "doc:passport_rf:4510123456",
      ]),
    );
  });

  it("makes Cyrillic, Latin, ё/е and swapped-field typings of a name share the name key", () => {
    const typings = [
      { lastName: "Фёдоров", firstName: "Пётр", birthDate: "1985-03-07" },
      { lastName: "FEDOROV", firstName: "PETR", birthDate: "1985-03-07" },
      { lastName: "Петр", firstName: "Федоров", birthDate: "07.03.1985" },
      { lastName: "Fyodorov", firstName: "Pyotr", birthDate: "19850307" },
    ];
    const keys = typings.map((r) => ruleKeys(r, nm));
    for (const k of keys) expect(k).toEqual(keys[0]);
    expect(keys[0]).toHaveLength(1);
    expect(keys[0]![0]).toMatch(/^nm:.+\|1985$/);
  });

  it("gives no key when a part of the rule has no value", () => {
    expect(ruleKeys({ lastName: "Иванов", firstName: "Иван" }, nm)).toEqual([]);
    expect(blockingKeys({}, personSpec)).toEqual([]);
  });

  it("combines several values of several parts, capped", () => {
    const rule: BlockingRule = {
      name: "x",
      parts: [
        { field: "phones", transform: "phone" },
        { field: "emails", transform: "email" },
      ],
    };
    const phones = Array.from({ length: 10 }, (_, i) => `+7916000000${i}`);
    expect(ruleKeys({ phones: phones.slice(0, 2), emails: ["a@b.ru", "c@d.ru"] }, rule)).toEqual([
      "x:79160000000|a@b.ru",
      "x:79160000000|c@d.ru",
      "x:79160000001|a@b.ru",
      "x:79160000001|c@d.ru",
    ]);
    expect(ruleKeys({ phones, emails: phones.map((p) => `${p}@x.ru`) }, rule)).toHaveLength(16);
  });

  it("reads the fields a rule uses", () => {
    expect(ruleFields(nm)).toEqual(["lastName", "firstName", "birthDate"]);
  });

  it("keys companies by INN and by name without legal form or quotes", () => {
    const a = blockingKeys({ name: "ООО «Автомир»", inn: "7701234567" }, companySpec);
    const b = blockingKeys({ name: "Автомир, общество с ограниченной ответственностью" }, companySpec);
    expect(a).toContain("inn:7701234567");
    expect(a.filter((k) => k.startsWith("org:"))).toEqual(b.filter((k) => k.startsWith("org:")));
  });

  it("transforms dates and names", () => {
    expect(transformValue("07.03.1985", "year")).toBe("1985");
    expect(transformValue("1985-03-07", "monthDay")).toBe("0307");
    expect(transformValue("Щеглова", "initial")).toBe(transformValue("Shcheglova", "initial"));
    expect(transformValue("not a date", "date")).toBe("");
  });
});
