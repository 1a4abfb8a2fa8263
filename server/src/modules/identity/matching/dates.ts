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

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;
const yearOf = (s: string) => digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);

/** Level (1-based, see DATE_LEVELS) of two YYYYMMDD strings. Character tests, no slicing: hot loop. */
export function dateLevel(a: string, b: string): number {
  if (a === b) return 1;
  const sameYear = yearOf(a) === yearOf(b);
  const c = (s: string, i: number) => s.charCodeAt(i);
  // Day and month swapped: the classic DD.MM vs MM/DD confusion (never reached when they are equal).
  if (sameYear && c(a, 4) === c(b, 6) && c(a, 5) === c(b, 7) && c(a, 6) === c(b, 4) && c(a, 7) === c(b, 5)) {
    return 2;
  }
  const edits = damerauLevenshtein(a, b, 2);
  if (edits === 1) return 3;
  const sameMonthDay =
    c(a, 4) === c(b, 4) && c(a, 5) === c(b, 5) && c(a, 6) === c(b, 6) && c(a, 7) === c(b, 7);
  if (sameMonthDay && Math.abs(yearOf(a) - yearOf(b)) === 1) return 4;
  if (edits === 2) return 5;
  return 6;
}
