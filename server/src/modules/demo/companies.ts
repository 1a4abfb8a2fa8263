// Corporate clients: fleets of small and mid-sized Moscow and St Petersburg companies and sole traders
// (ИП), with identifiers that pass the identity validators and the people a dealer talks to there.
import {
  generateIndividualInn,
  generateKpp,
  generateLegalInn,
  generateOgrn,
  generateOgrnip,
} from "../identity/inn";
import { type City, generateAddress, type Residence } from "./addresses";
import { addMonths, DEFAULT_AS_OF, dayToIso, isoToDay, yearOf } from "./dates";
import { type GeneratedPerson, generatePerson } from "./people";
import { type Rng, substreams } from "./random";

export type CompanyForm = "ООО" | "АО" | "ИП";

export interface CompanyContact {
  person: GeneratedPerson;
  position: string;
}

export interface GeneratedCompany {
  form: CompanyForm;
  /** "ООО «Севертранслогистик»", or "ИП Иванов Иван Иванович". */
  name: string;
  inn: string;
  /** Null for a sole trader, who has none. */
  kpp: string | null;
  /** OGRN (13 digits) for a company, OGRNIP (15 digits) for a sole trader. */
  ogrn: string;
  registeredOn: string;
  industry: string;
  city: City;
  residence: Residence;
  address: string;
  fleetSize: number;
  contacts: CompanyContact[];
}

export interface CompanyOptions {
  asOf?: string;
  city?: City;
}

const FORMS: CompanyForm[] = ["ООО", "АО", "ИП"];
const FORM_WEIGHTS = [70, 5, 25];

const INDUSTRIES = [
  "грузоперевозки",
  "доставка",
  "строительство",
  "торговля",
  "такси",
  "клининг",
  "охрана",
  "медицина",
  "ИТ-услуги",
  "аренда автомобилей",
];
const INDUSTRY_WEIGHTS = [18, 14, 16, 16, 8, 6, 5, 5, 7, 5];
// Taxi and rental firms and hauliers run the biggest fleets.
const FLEET_SCALE: Record<string, number> = {
  грузоперевозки: 2,
  доставка: 1.5,
  такси: 3,
  "аренда автомобилей": 3,
};

const NAME_HEADS = [
  "Авто",
  "Транс",
  "Строй",
  "Гео",
  "Мега",
  "Север",
  "Балт",
  "Нева",
  "Мос",
  "Тех",
  "Инвест",
  "Агро",
  "Энерго",
  "Спец",
  "Альфа",
  "Вектор",
  "Регион",
  "Стандарт",
  "Гранит",
  "Промо",
];
const NAME_TAILS = [
  "сервис",
  "групп",
  "логистик",
  "трейд",
  "маркет",
  "строй",
  "снаб",
  "пром",
  "инжиниринг",
  "ресурс",
  "холдинг",
  "техника",
  "альянс",
  "проект",
  "транс",
  "лайн",
];

const POSITIONS = [
  "Главный бухгалтер",
  "Начальник транспортного отдела",
  "Менеджер по закупкам",
  "Механик",
  "Офис-менеджер",
];
const INN_REGION: Record<Residence, number> = {
  Москва: 77,
  "Московская область": 50,
  "Санкт-Петербург": 78,
  "Ленинградская область": 47,
};

const NAME_MIDDLES = [
  "строй",
  "транс",
  "гео",
  "тех",
  "авто",
  "пром",
  "энерго",
  "снаб",
  "лес",
  "агро",
  "мед",
  "инвест",
];
const NAME_SUFFIXES = [
  "М",
  "Плюс",
  "2000",
  "77",
  "СПб",
  "Центр",
  "Групп",
  "Север",
  "Юг",
  "1",
  "2",
  "Нева",
  "Регион",
  "Про",
];

function companyName(rng: Rng): string {
  const head = rng.pick(NAME_HEADS);
  let tail = rng.pick(NAME_TAILS);
  while (tail.toLowerCase() === head.toLowerCase()) tail = rng.pick(NAME_TAILS);
  // Two or three roots, often with a "-М" or a number, the way registered names tend to look; real
  // names repeat too (different firms, different INNs), which the review queue has to sort out.
  let middle = rng.chance(0.5) ? rng.pick(NAME_MIDDLES) : "";
  if (middle === tail || middle === head.toLowerCase()) middle = "";
  const suffix = rng.chance(0.4) ? `-${rng.pick(NAME_SUFFIXES)}` : "";
  return head + middle + tail + suffix;
}

const SOLE_TRADER_FLEETS = [1, 2, 3];
const SOLE_TRADER_FLEET_WEIGHTS = [70, 20, 10];

function fleetSize(rng: Rng, form: CompanyForm, industry: string): number {
  if (form === "ИП") return rng.weighted(SOLE_TRADER_FLEETS, SOLE_TRADER_FLEET_WEIGHTS);
  const median = (form === "АО" ? 25 : 4) * (FLEET_SCALE[industry] ?? 1);
  return Math.max(1, Math.min(500, Math.round(median * Math.exp(rng.normal(0, 0.9)))));
}

export function generateCompany(rng: Rng, options: CompanyOptions = {}): GeneratedCompany {
  const asOfIso = options.asOf ?? DEFAULT_AS_OF;
  const asOf = isoToDay(asOfIso);
  const s = substreams(rng, ["kind", "ids", "place", "people"]);
  const form = s.kind.weighted(FORMS, FORM_WEIGHTS);
  const industry = s.kind.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
  const city: City = options.city ?? (s.place.chance(0.64) ? "Москва" : "Санкт-Петербург");
  const address = generateAddress(s.place, city, "office");
  const region = INN_REGION[address.residence];
  // OGRN exists since 2002; older companies were given one then.
  const registered = s.ids.int(isoToDay("2002-07-01"), addMonths(asOf, -3));
  const year = yearOf(registered);

  const director = generatePerson(s.people, { asOf: asOfIso, city });
  const contacts: CompanyContact[] = [
    { person: director, position: form === "ИП" ? "Индивидуальный предприниматель" : "Генеральный директор" },
  ];
  const extra = form === "ИП" ? s.people.int(0, 1) : s.people.int(1, 3);
  for (let i = 0; i < extra; i++) {
    contacts.push({
      person: generatePerson(s.people, { asOf: asOfIso, city }),
      position: s.people.pick(POSITIONS),
    });
  }

  const common = {
    form,
    registeredOn: dayToIso(registered),
    industry,
    city,
    residence: address.residence,
    address: address.line,
    fleetSize: fleetSize(s.kind, form, industry),
    contacts,
  };
  if (form === "ИП") {
    const fullName = [director.lastName, director.firstName, director.patronymic].filter(Boolean).join(" ");
    return {
      ...common,
      name: `ИП ${fullName}`,
      inn: generateIndividualInn(s.ids, region),
      kpp: null,
      ogrn: generateOgrnip(s.ids, region, year),
    };
  }
  const inn = generateLegalInn(s.ids, region);
  return {
    ...common,
    name: `${form} «${companyName(s.kind)}»`,
    inn,
    kpp: generateKpp(s.ids, inn),
    ogrn: generateOgrn(s.ids, region, year),
  };
}
