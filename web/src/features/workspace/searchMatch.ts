import type { SearchResult } from "@orbit/contracts";
import { formatDocument, formatPhone, formatPlate } from "../clients/display";

/** A piece of shown text, and whether it is what the query matched. */
export interface Segment {
  text: string;
  hit: boolean;
}

// Plates, VINs and documents are typed on whichever keyboard layout is on: "А123ВС" arrives as "A123BC".
const LATIN_TWIN: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
};

/** Upper case, ё as е, Cyrillic look-alike letters as Latin: how two spellings of one value compare. */
function fold(ch: string): string {
  const upper = ch.toUpperCase();
  const plain = upper === "Ё" ? "Е" : upper;
  return LATIN_TWIN[plain] ?? plain;
}

const NOT_ALNUM = /[^\p{L}\p{N}]/u;

function plain(text: string): Segment[] {
  return [{ text, hit: false }];
}

/**
 * Marks where `needle` occurs in `shown`, comparing folded letters and ignoring spaces, dashes and
 * brackets on both sides (a formatted "+7 916 123-45-67" contains "4567"). `fromEnd` prefers the last
 * occurrence: the end of a phone or VIN is how people quote it.
 */
export function markWithin(shown: string, needle: string, fromEnd = false): Segment[] {
  const kept: { at: number; ch: string }[] = [];
  for (let i = 0; i < shown.length; i++) {
    const ch = shown.charAt(i);
    if (!NOT_ALNUM.test(ch)) kept.push({ at: i, ch: fold(ch) });
  }
  const key = kept.map((k) => k.ch).join("");
  const want = [...needle]
    .filter((ch) => !NOT_ALNUM.test(ch))
    .map(fold)
    .join("");
  const pos = want ? (fromEnd ? key.lastIndexOf(want) : key.indexOf(want)) : -1;
  const first = kept[pos];
  const last = kept[pos + want.length - 1];
  if (pos < 0 || !first || !last) return plain(shown);
  const start = first.at;
  const end = last.at + 1;
  return [
    { text: shown.slice(0, start), hit: false },
    { text: shown.slice(start, end), hit: true },
    { text: shown.slice(end), hit: false },
  ].filter((s) => s.text !== "");
}

/** The digits of a typed Russian phone as they appear in "+7…": a leading 8 is the trunk prefix. */
function phoneDigits(query: string): string {
  const digits = query.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("8") ? `7${digits.slice(1)}` : digits;
}

// Russian letters as a passport spells them (ICAO Doc 9303): how a Latin query meets a Cyrillic name.
const ICAO: Readonly<Record<string, string>> = {
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
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "ie",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};

/** How many letters of a Cyrillic word a Latin token spells from its start (0 if it does not). */
function latinPrefix(word: string, token: string): number {
  let spelled = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i).toLowerCase();
    spelled += ICAO[ch] ?? ch;
    if (spelled.length >= token.length) return spelled.startsWith(token) ? i + 1 : 0;
    if (!token.startsWith(spelled)) return 0;
  }
  return 0;
}

/**
 * Marks the beginning of each word that a word of the query begins: "иван" in "Иванов Иван", and
 * "ivanov" in "Иванов" too, spelled as in a passport.
 */
export function markWords(shown: string, query: string): Segment[] {
  const words = query.split(/[\s,.]+/).filter(Boolean);
  const tokens = words.map((t) => [...t].map(fold).join(""));
  const latin = words.map((t) => t.toLowerCase()).filter((t) => /^[a-z'-]+$/.test(t));
  const out: Segment[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const prev = out.at(-1);
    if (prev && prev.hit === hit) prev.text += text;
    else out.push({ text, hit });
  };
  for (const part of shown.split(/(\s+)/)) {
    const folded = [...part].map(fold).join("");
    const length = Math.max(
      0,
      ...tokens.filter((t) => folded.startsWith(t)).map((t) => t.length),
      ...latin.map((t) => latinPrefix(part, t)),
    );
    push(part.slice(0, length), true);
    push(part.slice(length), false);
  }
  return out;
}

/** The stored value the query matched, formatted as people read it, with the matched part marked. */
export function matchedValue(result: SearchResult, query: string): Segment[] {
  const value = result.matched;
  switch (result.matchedOn) {
    case "phone":
      return markWithin(formatPhone(value), phoneDigits(query), true);
    case "vin":
      return markWithin(value, query, true);
    case "plate":
      return markWithin(formatPlate(value), query);
    case "document":
      return markWithin(formatDocument("passport_rf", value), query);
    case "email":
    case "inn":
      return markWithin(value, query);
    default:
      return markWords(value, query);
  }
}

/** The client's name, its matched words marked when the name is what matched. */
export function nameSegments(result: SearchResult, query: string): Segment[] {
  return result.matchedOn === "name" ? markWords(result.displayName, query) : plain(result.displayName);
}
