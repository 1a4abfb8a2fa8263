// The twelve letters that Cyrillic and Latin draw alike. Plates, document series and VINs are retyped
// from paper on whichever keyboard layout is on, so "А123ВС" arrives as "A123BC" and a VIN's "X" as "Х".
// Plates and Russian documents use the Cyrillic letters, VINs the Latin ones.

const PAIRS = "AА BВ EЕ KК MМ HН OО PР CС TТ YУ XХ".split(" ");

const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = Object.fromEntries(
  PAIRS.map((p) => [p[0], p[1]]),
);
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  PAIRS.map((p) => [p[1], p[0]]),
);

/** Upper-case Latin look-alikes to their Cyrillic twins; every other character stays. */
export function toCyrillicLookalikes(upper: string): string {
  return upper.replace(/[ABEKMHOPCTYX]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

/** Upper-case Cyrillic look-alikes to their Latin twins; every other character stays. */
export function toLatinLookalikes(upper: string): string {
  return upper.replace(/[АВЕКМНОРСТУХ]/g, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
}
