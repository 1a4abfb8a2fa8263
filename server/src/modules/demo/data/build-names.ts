// Builds the committed name lists (names-ru.json, first-names-ru.json) from the public data sets in
// /work/shared/datasets/identity/ru. Run once after changing the rules below; production code reads the
// JSON only. Usage: node --import tsx server/src/modules/demo/data/build-names.ts [dataset-dir]
// Sources and licences: docs/data-sources.md.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { derivePatronymic } from "../patronymics";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2] ?? "/work/shared/datasets/identity/ru";
const COHORTS = ["j", "m", "s"] as const;
const GENERATED_PER_GENDER = 150;
const KNOWN_PER_GENDER = 700;

// Frequent spellings in the historical records that are typos or non-names, not names to generate.
const NOT_A_NAME = new Set([
  "Александ",
  "Алексанр",
  "Генадий",
  "Сергеи",
  "Нинель",
  "Аксана",
  "Алефтина",
  "Кирил",
]);
// Common short forms staff type in web-form leads; recognised as first names, never generated.
const SHORT_FORMS = {
  m: [
    "Дима",
    "Серёжа",
    "Лёша",
    "Миша",
    "Коля",
    "Ваня",
    "Паша",
    "Вова",
    "Костя",
    "Толя",
    "Слава",
    "Гоша",
    "Саша",
    "Женя",
    "Валя",
  ],
  f: [
    "Наташа",
    "Таня",
    "Оля",
    "Лена",
    "Ира",
    "Катя",
    "Маша",
    "Света",
    "Юля",
    "Аня",
    "Настя",
    "Люда",
    "Галя",
    "Саша",
    "Женя",
    "Валя",
  ],
};

type Row = Record<string, string>;

function csv(path: string): Row[] {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const cols = splitCsvLine(head!);
  return lines.map((line) => Object.fromEntries(splitCsvLine(line).map((v, i) => [cols[i], v])));
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const key = (name: string) => name.toLowerCase().replace(/ё/g, "е");
const round = (x: number) => Math.round(x * 1000) / 1000;
const faker = (file: string) =>
  csv(join(root, "faker_persons_ru", file)).map((r) => ({ name: r.name!, weight: Number(r.weight) }));
const cohortFile = (kind: "first_names" | "patronymics", gender: "MALE" | "FEMALE", c: string) =>
  `${kind}_${c}__${kind === "first_names" ? "FIRST_NAMES" : "PATRONYMICS"}_${gender}_${c.toUpperCase()}.csv`;

const warnings: string[] = [];

// --- surnames: pair the male and female forms -------------------------------------------------------

function femaleSurname(male: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  if (/(ский|цкий)$/.test(male)) return `${male.slice(0, -2)}ая`;
  if (/(ой|ый)$/.test(male)) return `${male.slice(0, -2)}ая`;
  return male; // Черных, Шевченко: the same for both
}

const femaleSurnames = new Map(
  faker("last_names_female__LAST_NAMES_FEMALE.csv").map((r) => [r.name, r.weight]),
);
const surnames = faker("last_names_male__LAST_NAMES_MALE.csv").map(({ name, weight }) => {
  const female = femaleSurname(name);
  const fw = femaleSurnames.get(female);
  if (fw === undefined) warnings.push(`surname ${name}: female form ${female} not in the list`);
  else if (fw !== weight) warnings.push(`surname ${name}: weight ${weight} vs ${female} ${fw}`);
  return [name, female, weight] as const;
});

// --- counts from the historical records (russiannames) ----------------------------------------------

const records = csv(join(root, "russiannames", "names.csv"));
const totals = { m: 0, f: 0 };
for (const r of records) if (r.gender === "m" || r.gender === "f") totals[r.gender] += Number(r.count);
const byCount = (gender: "m" | "f") =>
  records
    .filter((r) => r.gender === gender && /^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$/.test(r.text!))
    .sort((a, b) => Number(b.count) - Number(a.count))
    .map((r) => ({ name: r.text!, share: (100 * Number(r.count)) / totals[gender] }));

const surnameKeys = new Set(surnames.flatMap(([m, f]) => [key(m), key(f)]));
const PATRONYMIC = /(ович|евич|овна|евна|ична|ич)$/;
const plausible = (name: string) =>
  !NOT_A_NAME.has(name) && !PATRONYMIC.test(name) && !surnameKeys.has(key(name));

// --- first names with weights by age cohort ---------------------------------------------------------

type Cohorts = [number, number, number];

function firstNames(gender: "MALE" | "FEMALE", g: "m" | "f") {
  const table = new Map<string, { name: string; w: Cohorts }>();
  COHORTS.forEach((c, i) => {
    for (const { name, weight } of faker(cohortFile("first_names", gender, c))) {
      const entry = table.get(key(name)) ?? { name, w: [0, 0, 0] as Cohorts };
      entry.w[i] = weight;
      table.set(key(name), entry);
    }
  });
  // The faker lists hold the 50-75 commonest names per cohort; the historical counts add the next ones
  // (Tatar, Caucasian and older Russian names). Those records lean old, so their share is damped for
  // younger cohorts rather than copied.
  for (const { name, share } of byCount(g)) {
    if (table.size >= GENERATED_PER_GENDER) break;
    if (table.has(key(name)) || !plausible(name)) continue;
    table.set(key(name), { name, w: [round(share * 0.3), round(share * 0.6), round(share)] });
  }
  return [...table.values()];
}

const male = firstNames("MALE", "m");
const female = firstNames("FEMALE", "f");

// --- patronymics: derive, then check against the faker lists and the historical records --------------

const midnames = csv(join(root, "russiannames", "midnames.csv"));
const commonest = new Map<string, { text: string; count: number }>();
for (const r of midnames) {
  const k = `${key(r.fname!)}|${r.gender}`;
  const count = Number(r.count);
  if ((commonest.get(k)?.count ?? 0) < count) commonest.set(k, { text: r.text!, count });
}

const fatherWeights = new Map<string, Cohorts>(); // patronymic key -> weights by cohort of the child
COHORTS.forEach((c, i) => {
  for (const { name, weight } of faker(cohortFile("patronymics", "MALE", c))) {
    const w = fatherWeights.get(key(name)) ?? [0, 0, 0];
    w[i] = weight;
    fatherWeights.set(key(name), w);
  }
});

const maleRows = male.map(({ name, w }) => {
  const son = derivePatronymic(name, "m");
  const daughter = derivePatronymic(name, "f");
  for (const [g, form] of [
    ["m", son],
    ["f", daughter],
  ] as const) {
    const seen = commonest.get(`${key(name)}|${g}`);
    if (seen && key(seen.text) !== key(form)) {
      warnings.push(`patronymic ${name}/${g}: derived ${form}, records mostly ${seen.text} (${seen.count})`);
    }
  }
  const fw = fatherWeights.get(key(son));
  fatherWeights.delete(key(son));
  // A name missing from the faker patronymic lists is rare as a father's name: give it its damped share.
  const fathers: Cohorts = fw ?? [round(w[0] * 0.5), round(w[1] * 0.5), round(w[2] * 0.5)];
  return [name, w, fathers, son, daughter] as const;
});
for (const p of fatherWeights.keys()) warnings.push(`faker patronymic ${p} has no father name in the list`);

// --- names recognised when splitting a typed full name -----------------------------------------------

// Ordered by frequency, commonest first: names.ts uses the rank to tell "Александр Ким" (first name,
// then a Korean surname that is also a rare first name) from "Ким Александр".
function known(g: "m" | "f", generated: { name: string; w: Cohorts }[]): string[] {
  const out = new Map<string, string>();
  const total = (w: Cohorts) => w[0] + w[1] + w[2];
  for (const { name } of [...generated].sort((a, b) => total(b.w) - total(a.w))) out.set(key(name), name);
  for (const { name } of byCount(g)) {
    if (out.size >= KNOWN_PER_GENDER - SHORT_FORMS[g].length) break;
    if (plausible(name) && !out.has(key(name))) out.set(key(name), name);
  }
  for (const name of SHORT_FORMS[g]) if (!out.has(key(name))) out.set(key(name), name);
  return [...out.values()];
}

const names = {
  about: "Generated by build-names.ts from faker_persons_ru and russiannames; see docs/data-sources.md",
  cohorts:
    "weights by the person's birth cohort: [young, middle, senior]; fathers: weights of the father's name",
  surnames,
  male: maleRows,
  female: female.map(({ name, w }) => [name, w] as const),
};
const firstNamesKnown = {
  about: "First names recognised when splitting a full name, commonest first; see docs/data-sources.md",
  m: known("m", male),
  f: known("f", female),
};

// One record per line (strings: a line of them) keeps the committed JSON small and its diffs readable.
function lines(items: unknown[]): string[] {
  if (!items.every((x) => typeof x === "string")) return items.map((x) => JSON.stringify(x));
  const out: string[] = [];
  let line = "";
  for (const x of items.map((i) => JSON.stringify(i))) {
    if (line && line.length + x.length > 100) {
      out.push(line);
      line = "";
    }
    line += line ? `,${x}` : x;
  }
  if (line) out.push(line);
  return out;
}

function write(file: string, value: Record<string, unknown>) {
  const body = Object.entries(value)
    .map(([k, v]) =>
      Array.isArray(v)
        ? `  ${JSON.stringify(k)}: [\n${lines(v)
            .map((l) => `    ${l}`)
            .join(",\n")}\n  ]`
        : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
    )
    .join(",\n");
  writeFileSync(join(here, file), `{\n${body}\n}\n`);
}

write("names-ru.json", names);
// The first-name list serves the identity module (splitting and gendering names), so it lives there.
write("../../identity/data/first-names-ru.json", firstNamesKnown);
console.log(
  `surnames ${surnames.length}, male ${maleRows.length}, female ${female.length}, ` +
    `known m ${firstNamesKnown.m.length} f ${firstNamesKnown.f.length}`,
);
for (const w of warnings) console.log(`note: ${w}`);
