import { toCyrillicLookalikes } from "../../platform/text/lookalikes";
// Russian registration plates (GOST R 50577-2018). Only the 12 Cyrillic letters with a Latin twin are
// issued, so a plate typed on an English layout is unambiguous once mapped back to Cyrillic.

export type PlateKind = "private" | "taxi" | "trailer" | "motorcycle";

export type PlateCheck =
  | { valid: true; plate: string; kind: PlateKind; region: string; display: string }
  | { valid: false; plate: string; reason: "empty" | "letters" | "format" };

export const PLATE_LETTERS = "АВЕКМНОРСТУХ";

function compact(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^0-9A-ZА-ЯЁ]+/g, "")
    .replace(/(RUS|РУС)$/, "")
    .replace(/[A-Z]+/g, (latin) => toCyrillicLookalikes(latin));
}

// Region: two digits, or three for the codes added when two ran out (1xx, 7xx, and 2xx/9xx reserve).
const R = "(\\d{2}|[1279]\\d{2})";
const L = `[${PLATE_LETTERS}]`;
const FORMATS: { kind: PlateKind; re: RegExp; display: (m: RegExpExecArray) => string }[] = [
  {
    kind: "private",
    re: new RegExp(`^(${L})(\\d{3})(${L}{2})${R}$`),
    display: (m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`,
  },
  { kind: "taxi", re: new RegExp(`^(${L}{2})(\\d{3})${R}$`), display: (m) => `${m[1]} ${m[2]} ${m[3]}` },
  { kind: "trailer", re: new RegExp(`^(${L}{2})(\\d{4})${R}$`), display: (m) => `${m[1]} ${m[2]} ${m[3]}` },
  {
    kind: "motorcycle",
    re: new RegExp(`^(\\d{4})(${L}{2})${R}$`),
    display: (m) => `${m[1]} ${m[2]} ${m[3]}`,
  },
];

/** Compact Cyrillic form without spaces or "RUS": the stored value and the exact-match key. */
export function normalizePlate(raw: string): string {
  return compact(raw);
}

function match(plate: string): PlateCheck | undefined {
  for (const f of FORMATS) {
    const m = f.re.exec(plate);
    if (!m) continue;
    const region = m[m.length - 1]!;
    // Region 00 and a private number 000 are never issued.
    if (region === "00" || (f.kind === "private" && m[2] === "000")) continue;
    return { valid: true, plate, kind: f.kind, region, display: f.display(m) };
  }
  return undefined;
}

// Digit 0 typed for the letter О where a private plate has letters ("0123OO77"). "0123 ОО 77" could also
// be a motorcycle plate; a car dealer sees cars, so the private reading wins.
function zerosAsLetterO(plate: string): string {
  if (!/^[0А-Я]\d{3}[0А-Я]{2}\d{2,3}$/.test(plate)) return plate;
  const chars = plate.split("");
  for (const i of [0, 4, 5]) if (chars[i] === "0") chars[i] = "О";
  return chars.join("");
}

export function checkPlate(raw: string): PlateCheck {
  const plate = compact(raw);
  if (plate === "") return { valid: false, plate, reason: "empty" };
  const repaired = zerosAsLetterO(plate);
  if (/[^0-9АВЕКМНОРСТУХ]/.test(repaired)) return { valid: false, plate, reason: "letters" };
  return match(repaired) ?? match(plate) ?? { valid: false, plate, reason: "format" };
}

/**
 * Key for partial search ("123", "а123", "A123BC"): apply it to the stored plate and to the query alike.
 * Letter О and digit 0 are folded together because witnesses and staff confuse them both ways.
 */
export function plateSearchKey(raw: string): string {
  return compact(raw).replace(/О/g, "0");
}
