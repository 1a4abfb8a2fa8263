import { describe, expect, it } from "vitest";
import { blockingKeys, deduplicate, personSpec, scoreAgainst, scorePair, trainModel } from "./index";
import { testPopulation } from "./testPopulation";

const params = trainModel(testPopulation(500, 5).records, personSpec, { uPairs: 300_000 });

describe("public API", () => {
  it("matches a client typed in Cyrillic with the same client copied in Latin from a passport", () => {
    const cyr = {
      lastName: "Щеглова",
      firstName: "Юлия",
      patronymic: "Сергеевна",
      birthDate: "1990-04-12",
      phones: ["+79161234567"],
    };
    const lat = {
      lastName: "SHCHEGLOVA",
      firstName: "IULIIA",
      birthDate: "12.04.1990",
      phones: ["8 (916) 123-45-67"],
    };
    const score = scorePair(cyr, lat, params);
    expect(score.probability).toBeGreaterThan(0.99);
    const last = score.fields.find((f) => f.field === "lastName")!;
    expect(last.levelLabel).toBe("same transliteration");
    expect(score.fields.find((f) => f.field === "patronymic")!.levelLabel).toBe("missing");
    expect(score.weight).toBeCloseTo(
      score.fields.reduce((s, f) => s + f.weight, 0),
      9,
    );
  });

  it("does not take a relative sharing the family phone for the client", () => {
    const husband = {
      lastName: "Петров",
      firstName: "Олег",
      patronymic: "Иванович",
      birthDate: "1975-02-01",
      phones: ["+79031112233"],
      address: "Москва, улица Мира, 5, кв. 7",
    };
    const wife = {
      lastName: "Петрова",
      firstName: "Анна",
      patronymic: "Сергеевна",
      birthDate: "1978-09-30",
      phones: ["+79031112233"],
      address: "Москва, улица Мира, 5, кв. 7",
    };
    expect(scorePair(husband, wife, params).probability).toBeLessThan(0.2);
  });

  it("scores a new client against its candidates as a batch run would", () => {
    const a = { lastName: "Иванов", firstName: "Иван", birthDate: "1980-01-01", phones: ["+79160000001"] };
    const b = { lastName: "Ivanov", firstName: "Ivan", birthDate: "1980-01-01" };
    const c = { lastName: "Иванов", firstName: "Иван", birthDate: "1980-01-01", phones: ["+79160000001"] };
    const [sb, sc] = scoreAgainst(a, [b, c], params, { population: 3 });
    const batch = deduplicate([a, b, c], params, { reviewAt: 0 });
    const pair = (x: number, y: number) => batch.pairs.find((p) => p.a === x && p.b === y)!;
    expect(sb!.probability).toBeCloseTo(pair(0, 1).probability, 9);
    expect(sc!.probability).toBeCloseTo(pair(0, 2).probability, 9);
    expect(sc!.probability).toBeGreaterThan(sb!.probability);
  });

  it("finds a new client's candidates by key lookup", () => {
    const stored = {
      lastName: "Иванов",
      firstName: "Пётр",
      birthDate: "1985-03-07",
      phones: ["+79161234567"],
    };
    const fresh = { lastName: "Petr", firstName: "Ivanov", birthDate: "07.03.1985" };
    const shared = blockingKeys(fresh, params.spec).filter((k) =>
      blockingKeys(stored, params.spec).includes(k),
    );
    expect(shared.length).toBeGreaterThan(0);
  });
});
