// Dates of birth as typed: parsed into digits YYYYMMDD without calendar validation, because a corrupted
// date ("19162429") still carries evidence and the date levels work on the digits.
import { damerauLevenshtein } from "./similarity";

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** "YYYYMMDD" digits of a date typed as YYYY-MM-DD, YYYYMMDD or DD.MM.YYYY; null if unreadable. */
export function dateDigits(value: string): string | null {
  const s = value.trim();
  if (/^\d{8}$/.test(s)) return s;
  const pad = (x: string) => x.padStart(2, "0");
  const iso = ISO.exec(s);
  if (iso) return `${iso[1]}${pad(iso[2]!)}${pad(iso[3]!)}`;
  const dmy = DMY.exec(s);
  if (dmy) return `${dmy[3]}${pad(dmy[2]!)}${pad(dmy[1]!)}`;
  return null;
}

export const DATE_LEVELS = [
  "exact",
  "day and month swapped",
  "one typo",
  "year off by one",
  "two typos",
  "different",
] as const;

/** Level (1-based, see DATE_LEVELS) of two YYYYMMDD strings. */
export function dateLevel(a: string, b: string): number {
  if (a === b) return 1;
  const sameYear = a.charCodeAt(0) === b.charCodeAt(0) && a.slice(0, 4) === b.slice(0, 4);
  // Day and month swapped: the classic DD.MM vs MM/DD confusion, only meaningful when they differ.
  if (sameYear && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 2;
  const edits = damerauLevenshtein(a, b, 2);
  if (edits === 1) return 3;
  if (a.slice(4) === b.slice(4) && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) === 1) return 4;
  if (edits === 2) return 5;
  return 6;
}
