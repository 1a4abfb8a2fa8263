import { toLatinLookalikes } from "../../platform/text/lookalikes";
// Vehicle identification numbers (ISO 3779). Staff retype VINs from a registration certificate (СТС/ПТС)
// on a Russian keyboard, so Cyrillic lookalikes and spaces are routine. The position-9 check digit is
// mandatory only for North America: Lada, Avtotor-built BMW and Kia, and many European VINs carry an
// arbitrary character there, so a mismatch is a warning for the operator, never a rejection.

export type VinInvalidReason = "empty" | "length" | "forbidden_letters" | "characters";

export type VinCheck =
  | { valid: true; vin: string; checkDigitOk: boolean; modelYear?: number }
  // `suggestion` is the VIN with I/O/Q read as 1/0/0, offered only when it is then well-formed.
  | { valid: false; vin: string; reason: VinInvalidReason; suggestion?: string };

// A pasted "VIN: ..." label can go: no VIN starts with "VIN", as I is not allowed in one.
export function normalizeVin(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s\-–—_.]+/g, "")
    .replace(/^(VIN|ВИН):?/, "")
    .replace(/[А-ЯЁ]+/g, (cyrillic) => toLatinLookalikes(cyrillic));
}

// Transliteration values of ISO 3779 / 49 CFR 565: letters map to 1-9 skipping I, O, Q.
const VALUES: Record<string, number> = {};
for (let d = 0; d <= 9; d++) VALUES[String(d)] = d;
"ABCDEFGH".split("").forEach((ch, i) => {
  VALUES[ch] = i + 1;
});
"JKLMN".split("").forEach((ch, i) => {
  VALUES[ch] = i + 1;
});
VALUES.P = 7;
VALUES.R = 9;
"STUVWXYZ".split("").forEach((ch, i) => {
  VALUES[ch] = i + 2;
});
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check digit for a 17-character VIN (position 9 itself is ignored): "0"-"9" or "X". */
export function computeVinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VALUES[vin[i] ?? ""] ?? 0) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

export function hasValidCheckDigit(vin: string): boolean {
  return vin.length === 17 && computeVinCheckDigit(vin) === vin[8];
}

/** Replaces position 9 with the correct check digit. */
export function withCheckDigit(vin: string): string {
  return vin.slice(0, 8) + computeVinCheckDigit(vin) + vin.slice(9);
}

// Position 10 cycles every 30 years (A=1980/2010 ... Y=2000/2030, 1=2001/2031 ... 9=2009/2039).
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

/**
 * Model year from position 10. North American VINs (WMI 1-5) settle the 30-year cycle themselves: a digit
 * in position 7 means 1980-2009, a letter 2010-2039. Elsewhere we take the latest candidate not after
 * referenceYear + 1 (model years run ahead of the calendar), so a 1996 car reads as 2026 from 2025 on;
 * acceptable for a dealer's fleet. Undefined when the character is no year code (some European makers).
 */
export function decodeModelYear(vin: string, referenceYear = new Date().getFullYear()): number | undefined {
  const index = YEAR_CODES.indexOf(vin[9] ?? "");
  if (index < 0) return undefined;
  let year = 1980 + index;
  if (/^[1-5]/.test(vin)) return /^\d$/.test(vin[6] ?? "") ? year : year + 30;
  while (year + 30 <= referenceYear + 1) year += 30;
  return year;
}

export function modelYearCode(year: number): string {
  return YEAR_CODES[(((year - 1980) % 30) + 30) % 30]!;
}

export function checkVin(raw: string, referenceYear?: number): VinCheck {
  const vin = normalizeVin(raw);
  if (vin === "") return { valid: false, vin, reason: "empty" };
  if (vin.length !== 17) return { valid: false, vin, reason: "length" };
  if (!/^[A-Z0-9]{17}$/.test(vin)) return { valid: false, vin, reason: "characters" };
  if (/[IOQ]/.test(vin)) {
    const suggestion = vin.replace(/I/g, "1").replace(/[OQ]/g, "0");
    return { valid: false, vin, reason: "forbidden_letters", suggestion };
  }
  const result: VinCheck = { valid: true, vin, checkDigitOk: hasValidCheckDigit(vin) };
  const modelYear = decodeModelYear(vin, referenceYear);
  if (modelYear !== undefined) result.modelYear = modelYear;
  return result;
}

/** World manufacturer identifier: the first three characters (XTA = AvtoVAZ, Togliatti). */
export function wmiOf(vin: string): string {
  return vin.slice(0, 3);
}
