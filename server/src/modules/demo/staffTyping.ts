// How dealership staff type a client into a DMS or 1C: the same person arrives as many different records.
// The matching benchmark generates people, types them several times with this, and checks that the
// records are found to be one client. Every variation has its own probability and is reported, so a
// benchmark can say which kinds of mess it was scored on.
import { adjacentKeys } from "./keyboard";
import { toLatin } from "./latin";
import type { GeneratedPerson } from "./people";
import { type Rng, substreams } from "./random";

export const TYPING_VARIATIONS = [
  // names
  "full_name_one_field", // one "ФИО" field instead of three
  "all_caps",
  "lower_case",
  "yo_as_e",
  "swapped_order", // given name first, or typed into the surname field
  "patronymic_omitted",
  "typo_adjacent_key",
  "typo_dropped_letter",
  "typo_doubled_letter",
  "typo_swapped_letters",
  "latin_icao", // copied from a foreign passport (no patronymic there): IVANOV IVAN, IULIIA
  "latin_informal", // as the client spells it: Yulia Ivanova
  // phone ("+79161234567" when no format variation applies)
  "phone_8_brackets", // 8 (916) 123-45-67
  "phone_plus7_spaces", // +7 916 1234567
  "phone_8_digits", // 89161234567
  "phone_10_digits", // 916-123-45-67
  "phone_second_number",
  "phone_missing",
  // birth date ("dd.mm.yyyy" otherwise)
  "birth_date_missing",
  "birth_date_day_month_swapped",
  // e-mail and passport ("4512 345678" otherwise)
  "email_case",
  "email_missing",
  "passport_spaced", // 45 12 345678
  "passport_compact", // 4512345678
  "passport_missing",
] as const;

export type TypingVariation = (typeof TYPING_VARIATIONS)[number];
export type TypingProbabilities = Record<TypingVariation, number>;

/**
 * Plausible rates for a dealer group's DMS. Variations in one group (case, Latin scheme, phone format,
 * passport format) exclude each other: their probabilities must add up to at most 1.
 */
export const DEFAULT_TYPING_PROBABILITIES: Readonly<TypingProbabilities> = {
  full_name_one_field: 0.5,
  all_caps: 0.15,
  lower_case: 0.03,
  yo_as_e: 0.6,
  swapped_order: 0.06,
  patronymic_omitted: 0.1,
  typo_adjacent_key: 0.03,
  typo_dropped_letter: 0.02,
  typo_doubled_letter: 0.01,
  typo_swapped_letters: 0.01,
  latin_icao: 0.02,
  latin_informal: 0.01,
  phone_8_brackets: 0.3,
  phone_plus7_spaces: 0.15,
  phone_8_digits: 0.25,
  phone_10_digits: 0.05,
  phone_second_number: 0.3,
  phone_missing: 0.03,
  birth_date_missing: 0.2,
  birth_date_day_month_swapped: 0.02,
  email_case: 0.1,
  email_missing: 0.3,
  passport_spaced: 0.3,
  passport_compact: 0.3,
  passport_missing: 0.5,
};

/** The fields a DMS export has. Either fullName or the three split fields are filled. */
export interface TypedClientRecord {
  fullName: string | null;
  lastName: string | null;
  firstName: string | null;
  patronymic: string | null;
  /** As typed: "dd.mm.yyyy". */
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  passport: string | null;
}

export interface TypedClient {
  record: TypedClientRecord;
  /** The variations that changed this record, in TYPING_VARIATIONS order. */
  variations: TypingVariation[];
}

const CASE_GROUP = ["all_caps", "lower_case"] as const;
const LATIN_GROUP = ["latin_icao", "latin_informal"] as const;
const PHONE_GROUP = ["phone_8_brackets", "phone_plus7_spaces", "phone_8_digits", "phone_10_digits"] as const;
const PASSPORT_GROUP = ["passport_spaced", "passport_compact"] as const;
const TYPOS = [
  "typo_adjacent_key",
  "typo_dropped_letter",
  "typo_doubled_letter",
  "typo_swapped_letters",
] as const;

/** One of a group of exclusive variations, or none, from a single draw. */
function oneOf<V extends TypingVariation>(
  rng: Rng,
  group: readonly V[],
  p: TypingProbabilities,
): V | undefined {
  let u = rng.next();
  for (const v of group) {
    if (u < p[v]) return v;
    u -= p[v];
  }
  return undefined;
}

const keepCase = (original: string, replacement: string) =>
  original === original.toUpperCase() ? replacement.toUpperCase() : replacement.toLowerCase();

function typo(word: string, kind: (typeof TYPOS)[number], rng: Rng): string {
  const chars = [...word];
  // Not the first letter: people check the start of a name and miss the middle.
  const i = rng.int(1, chars.length - 1);
  switch (kind) {
    case "typo_adjacent_key": {
      const near = adjacentKeys(chars[i]!);
      if (near === "") return word;
      chars[i] = keepCase(chars[i]!, near[rng.int(0, near.length - 1)]!);
      break;
    }
    case "typo_dropped_letter":
      chars.splice(i, 1);
      break;
    case "typo_doubled_letter":
      chars.splice(i, 0, chars[i]!);
      break;
    case "typo_swapped_letters": {
      const j = i === chars.length - 1 ? i - 1 : i;
      if (j < 1 || chars[j] === chars[j + 1]) return word;
      [chars[j], chars[j + 1]] = [chars[j + 1]!, chars[j]!];
      break;
    }
  }
  return chars.join("");
}

type Parts = { last: string; first: string; patronymic: string | null };
const TYPO_TARGETS = ["last", "first", "patronymic"] as const;
const TYPO_TARGET_WEIGHTS = [50, 35, 15];

function typeName(person: GeneratedPerson, rng: Rng, p: TypingProbabilities, applied: Set<TypingVariation>) {
  const parts: Parts = { last: person.lastName, first: person.firstName, patronymic: person.patronymic };
  const latin = oneOf(rng, LATIN_GROUP, p);
  const omitPatronymic = rng.chance(p.patronymic_omitted);
  const yoAsE = rng.chance(p.yo_as_e);
  // A fixed number of draws per decision, so changing one rate does not reshuffle the other decisions.
  const typos = TYPOS.map((kind) => ({
    kind,
    happens: rng.chance(p[kind]),
    target: rng.weighted(TYPO_TARGETS, TYPO_TARGET_WEIGHTS),
  }));
  const letterCase = oneOf(rng, CASE_GROUP, p);
  const swapped = rng.chance(p.swapped_order);
  const oneField = rng.chance(p.full_name_one_field);

  if (latin) {
    // International passports carry no patronymic; ICAO names are printed in capitals.
    const scheme = latin === "latin_icao" ? "icao" : "informal";
    parts.last = toLatin(parts.last, scheme);
    parts.first = toLatin(parts.first, scheme);
    parts.patronymic = null;
    if (scheme === "icao") {
      parts.last = parts.last.toUpperCase();
      parts.first = parts.first.toUpperCase();
    }
    applied.add(latin);
  } else if (omitPatronymic && parts.patronymic) {
    parts.patronymic = null;
    applied.add("patronymic_omitted");
  }
  if (!latin && yoAsE && /[ёЁ]/.test(`${parts.last}${parts.first}${parts.patronymic ?? ""}`)) {
    parts.last = parts.last.replace(/ё/g, "е").replace(/Ё/g, "Е");
    parts.first = parts.first.replace(/ё/g, "е").replace(/Ё/g, "Е");
    parts.patronymic = parts.patronymic?.replace(/ё/g, "е").replace(/Ё/g, "Е") ?? null;
    applied.add("yo_as_e");
  }
  for (const { kind, happens, target } of typos) {
    const word = parts[target];
    if (!happens || !word || word.length < 3) continue;
    const changed = typo(word, kind, rng);
    if (changed !== word) {
      parts[target] = changed;
      applied.add(kind);
    }
  }
  if (letterCase) {
    const apply = (s: string) => (letterCase === "all_caps" ? s.toUpperCase() : s.toLowerCase());
    const before = `${parts.last}${parts.first}${parts.patronymic ?? ""}`;
    parts.last = apply(parts.last);
    parts.first = apply(parts.first);
    parts.patronymic = parts.patronymic === null ? null : apply(parts.patronymic);
    if (`${parts.last}${parts.first}${parts.patronymic ?? ""}` !== before) applied.add(letterCase);
  }
  if (swapped) applied.add("swapped_order");

  if (oneField) {
    applied.add("full_name_one_field");
    const words = swapped
      ? [parts.first, parts.patronymic, parts.last]
      : [parts.last, parts.first, parts.patronymic];
    return { fullName: words.filter(Boolean).join(" "), lastName: null, firstName: null, patronymic: null };
  }
  // In split fields, "swapped" means the given name went into the surname field and the other way round.
  return {
    fullName: null,
    lastName: swapped ? parts.first : parts.last,
    firstName: swapped ? parts.last : parts.first,
    patronymic: parts.patronymic,
  };
}

function typePhone(person: GeneratedPerson, rng: Rng, p: TypingProbabilities, applied: Set<TypingVariation>) {
  const missing = rng.chance(p.phone_missing);
  const second = rng.chance(p.phone_second_number);
  const format = oneOf(rng, PHONE_GROUP, p);
  if (missing || person.phones.length === 0) {
    if (person.phones.length > 0) applied.add("phone_missing");
    return null;
  }
  let e164 = person.phones[0]!;
  if (second && person.phones.length > 1) {
    e164 = person.phones[1]!;
    applied.add("phone_second_number");
  }
  const n = e164.slice(2); // national number of a +7 number
  if (!format || !e164.startsWith("+7")) return e164;
  applied.add(format);
  const [a, b, c, d] = [n.slice(0, 3), n.slice(3, 6), n.slice(6, 8), n.slice(8)];
  switch (format) {
    case "phone_8_brackets":
      return `8 (${a}) ${b}-${c}-${d}`;
    case "phone_plus7_spaces":
      return `+7 ${a} ${b}${c}${d}`;
    case "phone_8_digits":
      return `8${n}`;
    case "phone_10_digits":
      return `${a}-${b}-${c}-${d}`;
  }
}

function typeBirthDate(
  person: GeneratedPerson,
  rng: Rng,
  p: TypingProbabilities,
  applied: Set<TypingVariation>,
) {
  const missing = rng.chance(p.birth_date_missing);
  const swapped = rng.chance(p.birth_date_day_month_swapped);
  if (missing) {
    applied.add("birth_date_missing");
    return null;
  }
  const [y, m, d] = person.birthDate.split("-") as [string, string, string];
  // Only a swap that still gives a date, as a date field would accept nothing else.
  if (swapped && Number(d) <= 12 && d !== m) {
    applied.add("birth_date_day_month_swapped");
    return `${m}.${d}.${y}`;
  }
  return `${d}.${m}.${y}`;
}

function typeEmail(person: GeneratedPerson, rng: Rng, p: TypingProbabilities, applied: Set<TypingVariation>) {
  const missing = rng.chance(p.email_missing);
  const cased = rng.chance(p.email_case);
  const whole = rng.chance(0.3);
  if (person.email === null) return null;
  if (missing) {
    applied.add("email_missing");
    return null;
  }
  if (!cased) return person.email;
  applied.add("email_case");
  if (whole) return person.email.toUpperCase();
  // "Ivanov.Ivan@Mail.ru": capitals where a person would put them.
  return person.email.replace(/(^|[._@])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function typePassport(
  person: GeneratedPerson,
  rng: Rng,
  p: TypingProbabilities,
  applied: Set<TypingVariation>,
) {
  const missing = rng.chance(p.passport_missing);
  const format = oneOf(rng, PASSPORT_GROUP, p);
  if (missing) {
    applied.add("passport_missing");
    return null;
  }
  const { series, number } = person.passport;
  if (format === "passport_spaced") {
    applied.add(format);
    return `${series.slice(0, 2)} ${series.slice(2)} ${number}`;
  }
  if (format === "passport_compact") {
    applied.add(format);
    return series + number;
  }
  return `${series} ${number}`;
}

/**
 * One record of the person as a staff member would type it. Deterministic for the rng's state; each
 * field draws from its own stream, so changing one field's rates leaves the others' choices alone.
 */
export function typeAsStaff(
  person: GeneratedPerson,
  rng: Rng,
  probabilities: Partial<TypingProbabilities> = {},
): TypedClient {
  const p: TypingProbabilities = { ...DEFAULT_TYPING_PROBABILITIES, ...probabilities };
  const s = substreams(rng, ["name", "phone", "birth", "email", "passport"]);
  const applied = new Set<TypingVariation>();
  const record: TypedClientRecord = {
    ...typeName(person, s.name, p, applied),
    birthDate: typeBirthDate(person, s.birth, p, applied),
    phone: typePhone(person, s.phone, p, applied),
    email: typeEmail(person, s.email, p, applied),
    passport: typePassport(person, s.passport, p, applied),
  };
  return { record, variations: TYPING_VARIATIONS.filter((v) => applied.has(v)) };
}
