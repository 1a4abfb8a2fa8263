// A synthetic client of a Moscow or St Petersburg dealer group: the name, age, contacts and documents a
// dealership's DMS holds. Distributions are plausible rather than measured: car buyers skew male and
// 30-55, names follow the person's birth cohort, and patronymics follow the father's generation.
import type { Gender } from "../identity/names";
import { type City, generateAddress, type Residence } from "./addresses";
import namesData from "./data/names-ru.json";
import { addMonths, DEFAULT_AS_OF, dayToIso, isoToDay, yearOf } from "./dates";
import { toLatin } from "./latin";
import { type Rng, scatter, substreams, WeightedTable } from "./random";

export type { Gender } from "../identity/names";
export type { City, Residence } from "./addresses";

export interface GeneratedPassport {
  /** Two digits of region (OKATO) and two of the year the blank was printed. */
  series: string;
  number: string;
  issuedOn: string;
}

export interface GeneratedDriverLicence {
  /** Normalised, no spaces: "9912345678", or "77АВ123456" for the pre-2011 format. */
  number: string;
  issuedOn: string;
}

export interface GeneratedPerson {
  lastName: string;
  firstName: string;
  /** Null for the few clients without one (foreign citizens). */
  patronymic: string | null;
  gender: Gender;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** E.164 Russian mobiles, main number first. */
  phones: string[];
  email: string | null;
  passport: GeneratedPassport;
  driverLicence: GeneratedDriverLicence | null;
  city: City;
  residence: Residence;
  address: string;
}

export interface PersonOptions {
  /** "Today" for ages and document dates, YYYY-MM-DD; defaults to DEFAULT_AS_OF. */
  asOf?: string;
  city?: City;
  /** Share of men among clients. */
  maleShare?: number;
  /**
   * The person's ordinal in the data set. When given, the main phone number is unique across all
   * indices below 10 million; otherwise numbers are random and a million clients share a few thousand.
   */
  index?: number;
  /**
   * Says whether an e-mail address already belongs to someone, so the generator picks another as a mail
   * service would. Without it about one address in ten repeats among a million clients. The caller
   * records the addresses it keeps; the generator stays pure.
   */
  isEmailTaken?: (email: string) => boolean;
}

type Cohorts = [number, number, number];
interface NamesData {
  surnames: [string, string, number][];
  male: [string, Cohorts, Cohorts, string, string][];
  female: [string, Cohorts][];
}
const names = namesData as unknown as NamesData;

// --- tables, built once ------------------------------------------------------------------------------

const SURNAMES = new WeightedTable(
  names.surnames.map(([m, f]) => [m, f] as const),
  names.surnames.map(([, , w]) => w),
);

function cohortTables<T>(
  rows: T[],
  weightsOf: (row: T) => Cohorts,
  itemOf: (row: T) => string | readonly [string, string],
) {
  return [0, 1, 2].map((c) => {
    const used = rows.filter((row) => weightsOf(row)[c]! > 0);
    return new WeightedTable(
      used.map(itemOf),
      used.map((row) => weightsOf(row)[c]!),
    );
  });
}

const FIRST_NAMES: Record<Gender, WeightedTable<string>[]> = {
  m: cohortTables(
    names.male,
    (r) => r[1],
    (r) => r[0],
  ) as WeightedTable<string>[],
  f: cohortTables(
    names.female,
    (r) => r[1],
    (r) => r[0],
  ) as WeightedTable<string>[],
};
const FATHERS = cohortTables(
  names.male,
  (r) => r[2],
  (r) => [r[3], r[4]] as const,
) as WeightedTable<readonly [string, string]>[];

// The name lists come in three birth cohorts (young, middle, senior).
function cohortOf(birthYear: number): 0 | 1 | 2 {
  return birthYear >= 1995 ? 0 : birthYear >= 1975 ? 1 : 2;
}

// Ages of car-buying clients: few under 25, most 30-55, a tail to 80.
const AGE_BANDS: [number, number][] = [
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 80],
];
const AGE_WEIGHTS = [6, 22, 28, 21, 14, 9];

// Mobile (DEF) codes the big operators hand out in each city.
const MOBILE_CODES: Record<City, string[]> = {
  Москва: [
    "915",
    "916",
    "917",
    "925",
    "926",
    "929",
    "903",
    "905",
    "906",
    "909",
    "962",
    "963",
    "964",
    "965",
    "967",
    "968",
    "977",
    "985",
    "999",
    "901",
    "910",
    "936",
    "958",
  ],
  "Санкт-Петербург": [
    "911",
    "921",
    "931",
    "981",
    "904",
    "950",
    "951",
    "952",
    "953",
    "960",
    "967",
    "999",
    "901",
    "958",
  ],
};

const EMAIL_DOMAINS = [
  "mail.ru",
  "yandex.ru",
  "gmail.com",
  "bk.ru",
  "list.ru",
  "inbox.ru",
  "rambler.ru",
  "ya.ru",
];
const EMAIL_DOMAIN_WEIGHTS = [35, 25, 18, 5, 4, 4, 4, 5];

// Passport series start with the OKATO code of the issuing region; clients born elsewhere carry theirs.
const HOME_OKATO: Record<Residence, string> = {
  Москва: "45",
  "Московская область": "46",
  "Санкт-Петербург": "40",
  "Ленинградская область": "41",
};
const OTHER_OKATO = [
  "01",
  "03",
  "04",
  "08",
  "11",
  "14",
  "15",
  "17",
  "19",
  "20",
  "22",
  "24",
  "25",
  "28",
  "32",
  "33",
  "34",
  "36",
  "37",
  "38",
  "42",
  "49",
  "52",
  "53",
  "56",
  "57",
  "58",
  "60",
  "61",
  "63",
  "64",
  "65",
  "66",
  "67",
  "68",
  "69",
  "70",
  "71",
  "73",
  "75",
  "78",
  "80",
  "92",
];

// Driving licences carry the issuing region's number (Moscow has several).
const LICENCE_REGIONS: Record<Residence, string[]> = {
  Москва: ["77", "97", "99"],
  "Московская область": ["50", "90"],
  "Санкт-Петербург": ["78", "98"],
  "Ленинградская область": ["47"],
};
const OLD_LICENCE_LETTERS = "АВЕКМНОРСТУХ";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

// --- parts -------------------------------------------------------------------------------------------

function birthDay(rng: Rng, asOf: number): number {
  const [lo, hi] = rng.weighted(AGE_BANDS, AGE_WEIGHTS);
  const age = rng.int(lo, hi);
  // Born between the (age+1)-th birthday's eve and the age-th birthday before asOf.
  const latest = addMonths(asOf, -12 * age);
  const earliest = addMonths(asOf, -12 * (age + 1)) + 1;
  return rng.int(earliest, latest);
}

function mobile(rng: Rng, city: City, index?: number): string {
  const code = rng.pick(MOBILE_CODES[city]);
  const subscriber = index === undefined ? rng.int(0, 9_999_999) : scatter(index, 10_000_000, 0x70e);
  return `+7${code}${pad(subscriber, 7)}`;
}

// Patterns of the local part; a bare surname is always followed by digits, as such names are long taken.
const EMAIL_LOCAL_WEIGHTS = [22, 22, 16, 12, 12, 16];
const EMAIL_DIGITS_WEIGHTS = [35, 30, 35];

function email(
  rng: Rng,
  lastName: string,
  firstName: string,
  birthYear: number,
  isTaken?: (email: string) => boolean,
): string {
  const last = toLatin(lastName, "informal")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const first = toLatin(firstName, "informal")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const locals = [
    `${last}.${first}`,
    `${first}.${last}`,
    `${first[0]}.${last}`,
    `${first}${last}`,
    `${first}_${last}`,
    last,
  ];
  const pattern = rng.weighted([0, 1, 2, 3, 4, 5], EMAIL_LOCAL_WEIGHTS);
  const local = locals[pattern]!;
  const domain = rng.weighted(EMAIL_DOMAINS, EMAIL_DOMAIN_WEIGHTS);
  const digits = () =>
    rng.weighted(
      [String(birthYear), pad(birthYear % 100, 2), String(rng.int(1, 9999))],
      EMAIL_DIGITS_WEIGHTS,
    );
  let address = `${local}${pattern === 5 || rng.chance(0.6) ? digits() : ""}@${domain}`;
  // Like a mail service refusing a taken name: try other digits, then a longer number.
  for (let attempt = 0; isTaken?.(address) && attempt < 16; attempt++) {
    address = `${local}${attempt < 4 ? digits() : rng.int(10_000, 999_999)}@${domain}`;
  }
  return address;
}

function passport(
  rng: Rng,
  born: number,
  asOf: number,
  gender: Gender,
  residence: Residence,
): GeneratedPassport {
  // Issued at 14 and replaced at 20 and 45; women often replace it on marriage in between.
  const age = (d: number) => yearOf(d) - yearOf(born);
  let issued = addMonths(born, 12 * 45);
  if (issued > asOf) issued = addMonths(born, 12 * 20);
  if (issued > asOf) issued = addMonths(born, 12 * 14);
  issued = Math.min(asOf, issued + rng.int(0, 60));
  if (gender === "f" && age(asOf) >= 22 && age(asOf) < 45 && rng.chance(0.3)) {
    issued = rng.int(Math.min(asOf, addMonths(born, 12 * 21)), asOf);
  }
  const region = rng.chance(0.2) ? rng.pick(OTHER_OKATO) : HOME_OKATO[residence];
  // The blank may have been printed the year before it was issued.
  const blankYear = yearOf(issued) - (rng.chance(0.15) ? 1 : 0);
  return {
    series: region + pad(blankYear % 100, 2),
    number: pad(rng.int(101, 999_999), 6),
    issuedOn: dayToIso(issued),
  };
}

function driverLicence(
  rng: Rng,
  born: number,
  asOf: number,
  residence: Residence,
): GeneratedDriverLicence | null {
  if (!rng.chance(0.85)) return null;
  // First licence at 18-30, renewed every ten years; the one in the DMS is the current one, or rarely an
  // old-format licence copied years ago and never updated.
  const first = addMonths(born, 12 * rng.int(18, 30)) + rng.int(0, 364);
  if (first > asOf) return null;
  let issued = first;
  while (addMonths(issued, 120) <= asOf) issued = addMonths(issued, 120);
  const region = rng.pick(LICENCE_REGIONS[residence]);
  if (yearOf(first) < 2011 && rng.chance(0.05)) {
    const letters = rng.pick([...OLD_LICENCE_LETTERS]) + rng.pick([...OLD_LICENCE_LETTERS]);
    return { number: `${region}${letters}${pad(rng.int(1, 999_999), 6)}`, issuedOn: dayToIso(first) };
  }
  return {
    number: `${region}${pad(rng.int(0, 99), 2)}${pad(rng.int(1, 999_999), 6)}`,
    issuedOn: dayToIso(issued),
  };
}

// --- the person --------------------------------------------------------------------------------------

export function generatePerson(rng: Rng, options: PersonOptions = {}): GeneratedPerson {
  const asOf = isoToDay(options.asOf ?? DEFAULT_AS_OF);
  const s = substreams(rng, ["name", "birth", "place", "contacts", "documents"]);

  const city: City = options.city ?? (s.place.chance(0.64) ? "Москва" : "Санкт-Петербург");
  const address = generateAddress(s.place, city);

  const born = birthDay(s.birth, asOf);
  const cohort = cohortOf(yearOf(born));

  const gender: Gender = s.name.chance(options.maleShare ?? 0.62) ? "m" : "f";
  const [maleSurname, femaleSurname] = SURNAMES.sample(s.name);
  const lastName = gender === "m" ? maleSurname : femaleSurname;
  const firstName = FIRST_NAMES[gender][cohort]!.sample(s.name);
  const [son, daughter] = FATHERS[cohort]!.sample(s.name);
  const patronymic = s.name.chance(0.015) ? null : gender === "m" ? son : daughter;

  const phones = [mobile(s.contacts, city, options.index)];
  if (s.contacts.chance(0.15)) phones.push(mobile(s.contacts, city));
  const mail = s.contacts.chance(0.55)
    ? email(s.contacts, lastName, firstName, yearOf(born), options.isEmailTaken)
    : null;

  return {
    lastName,
    firstName,
    patronymic,
    gender,
    birthDate: dayToIso(born),
    phones,
    email: mail,
    passport: passport(s.documents, born, asOf, gender, address.residence),
    driverLicence: driverLicence(s.documents, born, asOf, address.residence),
    city,
    residence: address.residence,
    address: address.line,
  };
}
