// Home addresses in the two agglomerations the demo dealer group serves. About a fifth of clients live
// in the surrounding region, which also decides their plates' region codes.
import type { Rng } from "./random";

export type City = "Москва" | "Санкт-Петербург";
export type Residence = "Москва" | "Московская область" | "Санкт-Петербург" | "Ленинградская область";

export interface GeneratedAddress {
  city: City;
  residence: Residence;
  /** One line, as a DMS stores it: "Москва, Профсоюзная улица, 56, корп. 2, кв. 123". */
  line: string;
}

const MOSCOW_STREETS = [
  "Профсоюзная улица",
  "Ленинский проспект",
  "Варшавское шоссе",
  "Алтуфьевское шоссе",
  "улица Вавилова",
  "Кутузовский проспект",
  "Дмитровское шоссе",
  "Каширское шоссе",
  "проспект Мира",
  "улица Менжинского",
  "Рязанский проспект",
  "Щёлковское шоссе",
  "Новослободская улица",
  "улица Гарибальди",
  "Мичуринский проспект",
  "улица Академика Янгеля",
  "Ярцевская улица",
  "Осенний бульвар",
  "Зелёный проспект",
  "Волгоградский проспект",
  "Люблинская улица",
  "Марьинский бульвар",
  "улица Бутлерова",
  "Ходынский бульвар",
  "улица Удальцова",
  "Нагорная улица",
  "улица Свободы",
  "Живописная улица",
  "Хорошёвское шоссе",
  "Ломоносовский проспект",
  "Севастопольский проспект",
  "Ореховый бульвар",
  "Сиреневый бульвар",
  "улица Грина",
  "Боровское шоссе",
];

const SPB_STREETS = [
  "Приморский проспект",
  "проспект Просвещения",
  "Гражданский проспект",
  "Невский проспект",
  "Московский проспект",
  "проспект Ветеранов",
  "Ленинский проспект",
  "Комендантский проспект",
  "проспект Энгельса",
  "Дальневосточный проспект",
  "улица Савушкина",
  "Пулковское шоссе",
  "проспект Большевиков",
  "Садовая улица",
  "улица Типанова",
  "Бухарестская улица",
  "Искровский проспект",
  "проспект Стачек",
  "Светлановский проспект",
  "Лиговский проспект",
  "проспект Испытателей",
  "Богатырский проспект",
  "улица Коллонтай",
  "Кронверкская улица",
  "Варшавская улица",
];

const TOWN_STREETS = [
  "улица Ленина",
  "улица Мира",
  "Советская улица",
  "Центральная улица",
  "Молодёжная улица",
  "Школьная улица",
  "Садовая улица",
  "Парковая улица",
  "улица Гагарина",
  "Октябрьская улица",
];

const MOSCOW_REGION_TOWNS = [
  "Химки",
  "Мытищи",
  "Балашиха",
  "Красногорск",
  "Одинцово",
  "Люберцы",
  "Королёв",
  "Подольск",
  "Реутов",
  "Долгопрудный",
];
const LENINGRAD_REGION_TOWNS = ["Кудрово", "Мурино", "Всеволожск", "Гатчина", "Сертолово", "Новое Девяткино"];

const REGION_SHARE = 0.2;

export type AddressKind = "home" | "office";

function building(rng: Rng, kind: AddressKind): string {
  let out = String(rng.int(1, 150));
  if (rng.chance(0.2)) out += `, корп. ${rng.int(1, 4)}`;
  return kind === "home" ? `${out}, кв. ${rng.int(1, 400)}` : `${out}, офис ${rng.int(1, 60)}`;
}

export function generateAddress(rng: Rng, city: City, kind: AddressKind = "home"): GeneratedAddress {
  const inRegion = rng.chance(REGION_SHARE);
  if (city === "Москва") {
    if (inRegion) {
      const town = rng.pick(MOSCOW_REGION_TOWNS);
      return {
        city,
        residence: "Московская область",
        line: `Московская область, ${town}, ${rng.pick(TOWN_STREETS)}, ${building(rng, kind)}`,
      };
    }
    return { city, residence: city, line: `Москва, ${rng.pick(MOSCOW_STREETS)}, ${building(rng, kind)}` };
  }
  if (inRegion) {
    const town = rng.pick(LENINGRAD_REGION_TOWNS);
    return {
      city,
      residence: "Ленинградская область",
      line: `Ленинградская область, ${town}, ${rng.pick(TOWN_STREETS)}, ${building(rng, kind)}`,
    };
  }
  return { city, residence: city, line: `Санкт-Петербург, ${rng.pick(SPB_STREETS)}, ${building(rng, kind)}` };
}
