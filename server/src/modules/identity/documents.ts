import { toCyrillicLookalikes } from "../../platform/text/lookalikes";
// Identity documents as staff retype them from a scan: a Russian passport and a Russian driving licence.
// The normalised form (no spaces) is the matching key; `display` is how the document prints it.

export type PassportRf = { series: string; number: string; normalized: string; display: string };
export type DriverLicence = { normalized: string; display: string; format: "digits" | "letters" };

export type DocumentCheck<T> = ({ valid: true } & T) | { valid: false; reason: "empty" | "format" };

// "серия", "номер", "№" and separators are noise; only the characters of the document number remain.
function compact(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/СЕРИЯ|НОМЕР|№|N(?=\s*\d)/g, "")
    .replace(/[\s.,:;/\\_-]+/g, "");
}

export function normalizePassportRf(raw: string): DocumentCheck<PassportRf> {
  const text = compact(raw);
  if (text === "") return { valid: false, reason: "empty" };
  // The series is two digits of region (OKATO) and two of the blank's year; number 000000 is never issued.
  if (!/^\d{10}$/.test(text) || text.startsWith("00") || text.endsWith("000000")) {
    return { valid: false, reason: "format" };
  }
  const series = text.slice(0, 4);
  const number = text.slice(4);
  return {
    valid: true,
    series,
    number,
    normalized: text,
    display: `${series.slice(0, 2)} ${series.slice(2)} ${number}`,
  };
}

export function normalizeDriverLicence(raw: string): DocumentCheck<DriverLicence> {
  let text = compact(raw);
  if (text === "") return { valid: false, reason: "empty" };
  // Staff on the English layout type "77 AB" for the licence series "77 АВ".
  text = toCyrillicLookalikes(text);
  // Since 2011 the series is four digits; older licences (still valid until they expire, and common in
  // history) have a two-digit region and two Cyrillic letters, from the set shared with Latin.
  if (/^\d{10}$/.test(text)) {
    return {
      valid: true,
      format: "digits",
      normalized: text,
      display: `${text.slice(0, 2)} ${text.slice(2, 4)} ${text.slice(4)}`,
    };
  }
  if (/^\d{2}[АВЕКМНОРСТУХ]{2}\d{6}$/.test(text)) {
    return {
      valid: true,
      format: "letters",
      normalized: text,
      display: `${text.slice(0, 2)} ${text.slice(2, 4)} ${text.slice(4)}`,
    };
  }
  return { valid: false, reason: "format" };
}
