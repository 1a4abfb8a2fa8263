import type { SearchResult } from "@orbit/contracts";
import { normalizePassportRf } from "../identity/documents";
import { normalizeEmail } from "../identity/email";
import { checkInn } from "../identity/inn";
import { cachedSkeleton } from "../identity/matching/skeleton";
import { normalizePhone, phoneSearchDigits } from "../identity/phone";
import { normalizePlate } from "../vehicles/plate";
import { normalizeVin } from "../vehicles/vin";

type Match = SearchResult["matchedOn"];

/** How a search box entry is read: each way it could identify a client. */
export interface ReadQuery {
  kinds: Match[];
  /** A complete phone number, E.164. */
  phone?: string;
  /** Digits to find inside national phone numbers ("4567", "916 12"). */
  phoneDigits?: string;
  email?: string;
  inn?: string;
  passport?: string;
  /** A whole VIN, or the end of one. */
  vin?: { value: string; whole: boolean };
  plate?: string;
  /** Name-word skeletons, for names in Cyrillic or Latin. */
  nameTokens: string[];
}

const PHONE_LIKE = /^[\d\s()+\-.]+$/;
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/;
const PLATE_CHARS = /^[АВЕКМНОРСТУХ0-9]+$/;

/**
 * Reads what was typed in the global search: "8 (916) 123-45-67", "4567", "ivanov petr", "Иванов",
 * "XTA21099", "1234567" (the end of a VIN), "А123ВС", "ivan@mail.ru", an INN or a passport number.
 * An entry can mean several things (seven digits: part of a phone or the end of a VIN); all are tried.
 */
export function readQuery(raw: string): ReadQuery {
  const q = raw.trim();
  const out: ReadQuery = { kinds: [], nameTokens: [] };
  const add = (k: Match) => {
    if (!out.kinds.includes(k)) out.kinds.push(k);
  };
  if (q.includes("@")) {
    out.email = normalizeEmail(q);
    add("email");
    return out;
  }
  const digits = q.replace(/\D/g, "");
  if (PHONE_LIKE.test(q) && digits.length >= 3) {
    const phone = normalizePhone(q);
    if (phone.valid) out.phone = phone.e164;
    const national = phoneSearchDigits(q);
    if (national.length >= 4) out.phoneDigits = national;
    if (out.phone || out.phoneDigits) add("phone");
    if ((digits.length === 10 || digits.length === 12) && checkInn(digits).valid) {
      out.inn = digits;
      add("inn");
    }
    const passport = normalizePassportRf(q);
    if (passport.valid) {
      out.passport = passport.normalized;
      add("document");
    }
    if (digits.length >= 4 && digits.length <= 8 && /^\d+$/.test(q.replace(/\s/g, ""))) {
      out.vin = { value: digits, whole: false };
      add("vin");
    }
    if (digits.length === 3) {
      out.plate = digits;
      add("plate");
    }
    return out;
  }
  const compact = q.replace(/[\s-]/g, "");
  if (/\d/.test(compact) && /\p{L}/u.test(compact)) {
    const vin = normalizeVin(compact);
    if (vin.length >= 5 && vin.length <= 17 && VIN_CHARS.test(vin)) {
      out.vin = { value: vin, whole: vin.length === 17 };
      add("vin");
    }
    const plate = normalizePlate(compact);
    if (plate.length >= 3 && plate.length <= 9 && PLATE_CHARS.test(plate)) {
      out.plate = plate;
      add("plate");
    }
    if (out.kinds.length) return out;
  }
  out.nameTokens = q
    .split(/[\s,.]+/)
    .map((t) => cachedSkeleton(t))
    .filter((t) => t.length >= 2)
    .slice(0, 4);
  if (out.nameTokens.length) add("name");
  return out;
}
