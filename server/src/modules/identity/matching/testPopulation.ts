// A small synthetic client base for the engine's tests: people typed one to three times, sometimes in
// Latin, with typos, swapped name fields, missing fields; some share a household phone and address.
// Test support only (the benchmark uses the demo generators).
import { seededRandom } from "./random";
import type { MatchRecord } from "./types";

const LAST = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Петров",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
];
const FIRST = [
  "Александр",
  "Сергей",
  "Дмитрий",
  "Андрей",
  "Алексей",
  "Максим",
  "Евгений",
  "Иван",
  "Михаил",
  "Артём",
  "Юрий",
  "Пётр",
  "Николай",
  "Олег",
  "Игорь",
];
const FATHER = [
  "Александрович",
  "Сергеевич",
  "Дмитриевич",
  "Андреевич",
  "Алексеевич",
  "Иванович",
  "Петрович",
  "Николаевич",
  "Михайлович",
  "Юрьевич",
];
const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ы: "y",
  ь: "",
  ъ: "",
  э: "e",
  ю: "yu",
  я: "ya",
};
const latin = (s: string) =>
  [...s.toLowerCase()]
    .map((c) => LATIN[c] ?? c)
    .join("")
    .toUpperCase();

export interface TestPopulation {
  readonly records: MatchRecord[];
  readonly entity: number[];
}

export function testPopulation(people: number, seed = 3): TestPopulation {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const records: MatchRecord[] = [];
  const entity: number[] = [];
  for (let p = 0; p < people; p++) {
    const household = p > 0 && random() < 0.1 ? p - 1 : p;
    const last = household === p ? pick(LAST) : (records[entity.indexOf(household)]?.lastName as string);
    const person = {
      last,
      first: pick(FIRST),
      father: pick(FATHER),
      born: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      phone: `+7916${String(household * 7919 + 1_000_000).slice(-7)}`,
      passport: `passport_rf:45${String(p * 104729 + 10_000_000).slice(-8)}`,
      address: `Москва, улица ${pick(["Ленина", "Мира", "Гагарина", "Победы"])}, ${household % 97}, кв. ${household}`,
    };
    const copies = 1 + Math.floor(random() * 3);
    for (let c = 0; c < copies; c++) {
      let lastName: string = person.last;
      let firstName: string = person.first;
      if (random() < 0.15) [lastName, firstName] = [latin(lastName), latin(firstName)];
      if (random() < 0.1) lastName = lastName.slice(0, 2) + lastName.slice(3);
      if (random() < 0.08) [lastName, firstName] = [firstName, lastName];
      records.push({
        lastName,
        firstName,
        patronymic: random() < 0.8 ? person.father : null,
        birthDate: random() < 0.8 ? person.born : null,
        phones: random() < 0.85 ? [person.phone] : [],
        documents: random() < 0.4 ? [person.passport] : [],
        address: random() < 0.3 ? person.address : null,
      });
      entity.push(p);
    }
  }
  return { records, entity };
}
