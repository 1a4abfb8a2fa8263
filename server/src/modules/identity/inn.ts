// Russian tax and registry identifiers: INN (ИНН), KPP (КПП), OGRN (ОГРН) and OGRNIP (ОГРНИП).
// The check-digit rules are those of the Federal Tax Service; a number that passes them can still be
// unregistered, so these functions catch typing errors, not fraud.

export type InnKind = "legal" | "individual";
export type InnCheck =
  | { valid: true; inn: string; kind: InnKind }
  | { valid: false; reason: "format" | "checksum" };

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weightedCheck(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (sum % 11) % 10;
}

// Staff paste INNs with spaces or dashes from printed invoices; nothing else is tolerated.
export function normalizeDigits(raw: string): string {
  return raw.replace(/[\s-]+/g, "");
}

export function checkInn(raw: string): InnCheck {
  const inn = normalizeDigits(raw);
  // Region "00" does not exist, and all-zero numbers would otherwise pass the checksum.
  if (!/^\d{10}$|^\d{12}$/.test(inn) || inn.startsWith("00")) return { valid: false, reason: "format" };
  if (inn.length === 10) {
    if (weightedCheck(inn, W10) !== inn.charCodeAt(9) - 48) return { valid: false, reason: "checksum" };
    return { valid: true, inn, kind: "legal" };
  }
  if (
    weightedCheck(inn, W11) !== inn.charCodeAt(10) - 48 ||
    weightedCheck(inn, W12) !== inn.charCodeAt(11) - 48
  ) {
    return { valid: false, reason: "checksum" };
  }
  return { valid: true, inn, kind: "individual" };
}

export function isValidInn(raw: string): boolean {
  return checkInn(raw).valid;
}

// KPP has no check digit: 4-digit tax office, 2-character reason (letters allowed since 2013), 3-digit number.
export function isValidKpp(raw: string): boolean {
  const kpp = normalizeDigits(raw).toUpperCase();
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp) && !kpp.startsWith("00");
}

// OGRN: 13 digits, the last is (first 12 mod 11) mod 10. OGRNIP: 15 digits, (first 14 mod 13) mod 10.
// Both prefixes fit in a double exactly (< 2^53), so plain arithmetic is safe.
export function ogrnCheckDigit(first12: string): number {
  return (Number(first12) % 11) % 10;
}

export function ogrnipCheckDigit(first14: string): number {
  return (Number(first14) % 13) % 10;
}

export function isValidOgrn(raw: string): boolean {
  const ogrn = normalizeDigits(raw);
  // The first digit says what the record is: 1 and 5 are primary registrations of a legal entity.
  if (!/^[15]\d{12}$/.test(ogrn)) return false;
  return ogrnCheckDigit(ogrn.slice(0, 12)) === ogrn.charCodeAt(12) - 48;
}

export function isValidOgrnip(raw: string): boolean {
  const ogrnip = normalizeDigits(raw);
  if (!/^3\d{14}$/.test(ogrnip)) return false;
  return ogrnipCheckDigit(ogrnip.slice(0, 14)) === ogrnip.charCodeAt(14) - 48;
}

// --- generators for demo data and tests -------------------------------------------------------------

/** Anything with an inclusive integer draw; the demo Rng satisfies it, so this module needs no PRNG. */
export interface IntSource {
  int(min: number, max: number): number;
}

function randomDigits(src: IntSource, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(src.int(0, 9));
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A tax office code: two-digit region (77 Moscow, 78 St Petersburg, 50, 47) and an inspection 01-51. */
export function generateTaxOffice(src: IntSource, region: number): string {
  return pad(region, 2) + pad(src.int(1, 51), 2);
}

export function generateLegalInn(src: IntSource, region = 77): string {
  const body = generateTaxOffice(src, region) + randomDigits(src, 5);
  return body + String(weightedCheck(body, W10));
}

export function generateIndividualInn(src: IntSource, region = 77): string {
  const body = generateTaxOffice(src, region) + randomDigits(src, 6);
  const eleven = body + String(weightedCheck(body, W11));
  return eleven + String(weightedCheck(eleven, W12));
}

/** KPP of a company's head office: its INN's tax office, reason "01" (registered at its location). */
export function generateKpp(src: IntSource, legalInn: string): string {
  return `${legalInn.slice(0, 4)}01${pad(src.int(1, 3), 3)}`;
}

export function generateOgrn(src: IntSource, region = 77, year = 2015): string {
  const body = `1${pad(year % 100, 2)}${pad(region, 2)}${pad(src.int(1, 51), 2)}${randomDigits(src, 5)}`;
  return body + String(ogrnCheckDigit(body));
}

export function generateOgrnip(src: IntSource, region = 77, year = 2015): string {
  const body = `3${pad(year % 100, 2)}${pad(region, 2)}${randomDigits(src, 9)}`;
  return body + String(ogrnipCheckDigit(body));
}
