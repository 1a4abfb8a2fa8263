// The transliteration skeleton: one key that every usual spelling of a Russian name collapses to,
// whether it was typed in Cyrillic or copied in Latin from a passport ("Щеглова", "Shcheglova",
// "Scheglova", "Ščeglova" -> "Segleva"... see skeleton.test.ts). Cyrillic letters map to a sound class;
// Latin text is tokenised greedily with every spelling the 28 iuliia schemes use for some Russian
// letter (translitData.ts) and each token maps to that letter's class. Both sides then go through the
// same reductions, so what matters is that the two routes meet, not that the key be readable.
import { LATIN_SPELLINGS } from "./translitData";

// Sound class of each letter. Letters whose Latin spellings collide across schemes share a class:
// й/и/ы are all written i or y somewhere, ц and ч both become "c", ш and щ both "sh"; ё/э fold into е.
// Upper-case marks a class that is a digraph in Latin, so it cannot collide with a Latin letter.
const CLASS: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "Z",
  з: "z",
  и: "i",
  й: "i",
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
  х: "h",
  ц: "C",
  ч: "C",
  ш: "S",
  щ: "S",
  ъ: "",
  ы: "i",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  // Ukrainian/Belarusian letters that turn up in Russian client bases.
  і: "i",
  ї: "i",
  є: "e",
  ґ: "g",
  ў: "u",
};

// Spellings people use that no scheme lists: x for кс (Alexander, Maxim), German w, French tch
// (Tchaikovsky), English ph/ck/q, German tz.
const EXTRA_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ["x", "ks"],
  ["w", "v"],
  ["tch", "C"],
  ["ph", "f"],
  ["ck", "k"],
  ["q", "k"],
  ["tz", "C"],
];

const stripMarks = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "");
const lettersOf = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/\u0361/g, "")
    .replace(/[^\p{L}]/gu, "");

/** Builds Latin spelling -> sound class from the scheme data; exported for the test. */
export function buildLatinTokens(): Map<string, string> {
  const primary = new Set<string>();
  const votes = new Map<string, Map<string, number>>();
  for (const [letter, spellings] of Object.entries(LATIN_SPELLINGS)) {
    const cls = CLASS[letter];
    if (cls === undefined) continue;
    const first = spellings[0];
    if (first) primary.add(lettersOf(first[0]));
    for (const [raw, schemes] of spellings) {
      const spelling = lettersOf(raw);
      // A sign letter spelt with letters ("ie" for ъ in ICAO) would eat real letters of other names.
      if (cls === "" || spelling === "") continue;
      let byClass = votes.get(spelling);
      if (!byClass) {
        byClass = new Map();
        votes.set(spelling, byClass);
      }
      byClass.set(cls, (byClass.get(cls) ?? 0) + schemes);
    }
  }
  const tokens = new Map<string, string>();
  for (const [spelling, byClass] of votes) {
    let best = "";
    let bestVotes = -1;
    let total = 0;
    for (const [cls, n] of byClass) {
      total += n;
      if (n > bestVotes) [best, bestVotes] = [cls, n];
    }
    // A spelling used by a single scheme that reads as two ordinary letters ("ue" for е after г in the
    // French scheme) would mangle common names more often than it helps, so it is dropped.
    if (spelling.length > 1 && total < 2 && splitsIntoPrimaries(spelling, primary)) continue;
    tokens.set(spelling, best);
  }
  for (const [spelling, cls] of EXTRA_SPELLINGS) tokens.set(spelling, cls);
  return tokens;
}

function splitsIntoPrimaries(s: string, primary: ReadonlySet<string>): boolean {
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= s.length; end++) {
    for (let start = 0; start < end && !ok[end]; start++) {
      if (ok[start] && primary.has(s.slice(start, end))) ok[end] = true;
    }
  }
  return ok[s.length] === true;
}

const TOKENS = buildLatinTokens();
const MAX_TOKEN = Math.max(...[...TOKENS.keys()].map((k) => k.length));

function latinClass(s: string, at: number): [cls: string, length: number] {
  for (let len = Math.min(MAX_TOKEN, s.length - at); len > 0; len--) {
    const cls = TOKENS.get(s.slice(at, at + len));
    if (cls !== undefined) return [cls, len];
  }
  const ch = s[at]!;
  const plain = stripMarks(ch);
  if (plain !== ch && plain.length > 0) {
    const cls = TOKENS.get(plain);
    if (cls !== undefined) return [cls, 1];
  }
  return [/[a-z0-9]/.test(plain) ? plain : "", 1];
}

const REPEATS = /(.)\1+/g;

/**
 * Transliteration skeleton of a name (or city, street): equal for the usual Cyrillic and Latin
 * spellings of one name, and stable under ё/е, doubled letters, apostrophes, hyphens and case.
 * Digits are kept, other symbols dropped. Returns "" when nothing is left.
 */
export function skeleton(value: string): string {
  const s = value
    .normalize("NFC")
    .toLowerCase()
    .replace(/\u0361/g, "");
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const cyr = CLASS[ch];
    if (cyr !== undefined) {
      out += cyr;
      i++;
      continue;
    }
    if (/\p{L}|\d/u.test(ch)) {
      const [cls, len] = latinClass(s, i);
      out += cls;
      i += len;
      continue;
    }
    i++;
  }
  // Latin "ts"/"tch"/"shch" are read as ц/ч/щ, so the Cyrillic тс/тч/шч must read the same way.
  out = out.replace(/t[sC]/g, "C").replace(/SC/g, "S");
  // "ie"/"io" after collapsing: я/ю keep their i-glide, but е/ё spelt ie, ye, yo, io (and the ICAO ъ
  // "ie") must meet the plain Cyrillic е.
  out = out.replace(REPEATS, "$1").replace(/i[eo]/g, "e").replace(REPEATS, "$1");
  // Smirnoff, Tschaikowsky-style endings: a final f after o/e is the Russian -ов/-ев.
  return out.replace(/([oe])f$/, "$1v");
}

const cache = new Map<string, string>();

/** skeleton() memoised: names repeat heavily, and blocking and preparation ask for the same ones. */
export function cachedSkeleton(value: string): string {
  let s = cache.get(value);
  if (s === undefined) {
    // Bounded so that a long-running server does not keep every name it ever saw.
    if (cache.size >= 200_000) cache.clear();
    s = skeleton(value);
    cache.set(value, s);
  }
  return s;
}
