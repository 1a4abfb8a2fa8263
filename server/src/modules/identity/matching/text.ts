import { toLatinLookalikes } from "../../../platform/text/lookalikes";
// Field-value normalisation shared by comparisons and blocking keys.
import type { FieldValue } from "./types";

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const NON_LETTER = /[^\p{L}]+/gu;
const COMBINING = /[\u0300-\u036f]/;
const PLAIN_LETTERS = /^[a-zа-яё]+$/;

// String.prototype.normalize is costly and almost always a no-op: only text carrying combining marks
// (a decomposed "ё", say) can change under NFC.
function lowerNfc(value: string): string {
  return (COMBINING.test(value) ? value.normalize("NFC") : value).toLowerCase();
}

/** Lower-case, ё as е, every run of punctuation/space as one space. */
export function normalizeText(value: string): string {
  return lowerNfc(value).replace(/ё/g, "е").replace(NON_WORD, " ").trim();
}

/** Letters only: the form two typings of one name share when they differ only in spaces, hyphens, dots. */
export function lettersOnly(value: string): string {
  const lower = lowerNfc(value);
  if (PLAIN_LETTERS.test(lower)) return lower.includes("ё") ? lower.replace(/ё/g, "е") : lower;
  return lower.replace(/ё/g, "е").replace(NON_LETTER, "");
}

export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, "");
}

/** Non-empty trimmed strings of a field, whether it holds one value or several. */
export function fieldStrings(value: FieldValue): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "number") return Number.isFinite(value) ? [String(value)] : [];
  if (typeof value === "string") {
    const t = value.trim();
    return t ? [t] : [];
  }
  const out: string[] = [];
  for (const v of value) {
    const t = v?.trim();
    if (t) out.push(t);
  }
  return out;
}

/** The first non-empty string of a field, or null. */
export function fieldString(value: FieldValue): string | null {
  if (typeof value === "string") {
    const t = value.trim();
    return t || null;
  }
  return fieldStrings(value)[0] ?? null;
}

/**
 * Upper-case letters and digits only, Cyrillic look-alike letters folded to Latin: document series and
 * VINs get typed with either keyboard.
 */
export function normalizeIdentifier(value: string): string {
  const upper = value.toUpperCase().replace(/Ё/g, "Е");
  if (/^[0-9A-Z]+$/.test(upper)) return upper;
  return toLatinLookalikes(upper).replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Digits of a phone number in international form. Orbit stores E.164 already; this only repairs the
 * Russian domestic forms a public dataset or an import may carry (8XXXXXXXXXX, bare 10 digits).
 */
export function normalizePhone(value: string): string {
  const digits = digitsOnly(value);
  if (digits.length === 11 && digits.startsWith("8") && !value.trim().startsWith("+"))
    return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith("9")) return `7${digits}`;
  return digits;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
