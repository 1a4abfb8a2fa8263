// Phone numbers as staff type them: "+7 (916) 123-45-67", "8 916 ...", "916-123-45-67", "доб. 12".
// libphonenumber-js (default "min" metadata) already knows the Russian trunk prefix 8, a country code
// typed without "+", and Russian extension words, so we lean on it rather than on home-grown regexes.
import { type CountryCode, ParseError, parsePhoneNumberWithError } from "libphonenumber-js";

export type PhoneInvalidReason =
  | "empty"
  | "not_a_number"
  | "invalid_country"
  | "too_short"
  | "too_long"
  | "invalid_length"
  | "invalid_number";

export type NormalizedPhone =
  // The extension is kept apart from e164 on purpose: e164 is the lookup key for incoming calls and
  // matching, and the PBX presents the main number without the extension. Store `extension` for dialling.
  | { valid: true; e164: string; nationalNumber: string; extension?: string }
  | { valid: false; reason: PhoneInvalidReason };

const PARSE_REASONS: Record<string, PhoneInvalidReason> = {
  NOT_A_NUMBER: "not_a_number",
  INVALID_COUNTRY: "invalid_country",
  TOO_SHORT: "too_short",
  TOO_LONG: "too_long",
};

export function normalizePhone(raw: string, defaultCountry: CountryCode = "RU"): NormalizedPhone {
  const text = raw.trim();
  if (text === "") return { valid: false, reason: "empty" };
  let parsed: ReturnType<typeof parsePhoneNumberWithError>;
  try {
    parsed = parsePhoneNumberWithError(text, defaultCountry);
  } catch (error) {
    if (error instanceof ParseError)
      return { valid: false, reason: PARSE_REASONS[error.message] ?? "not_a_number" };
    throw error;
  }
  if (!parsed.isPossible()) return { valid: false, reason: "invalid_length" };
  if (!parsed.isValid()) return { valid: false, reason: "invalid_number" };
  const result: NormalizedPhone = { valid: true, e164: parsed.number, nationalNumber: parsed.nationalNumber };
  if (parsed.ext) result.extension = parsed.ext;
  return result;
}

// Digits to search for as a substring of the stored national number, so that "8916", "+7 916" and
// "916 12" all find +7 916 123-45-67. A complete number goes through the parser. A fragment only loses a
// prefix that cannot belong to a Russian national number: "+7"; a 7/8 before a 9 (no national number
// starts with 79 or 89, so it is the country or trunk code); an 8 set apart as in "8 (495" or "8-812".
export function phoneSearchDigits(raw: string): string {
  const full = normalizePhone(raw);
  if (full.valid) return full.nationalNumber;
  const digits = raw.replace(/\D+/g, "");
  if (/^\s*\+\s*7/.test(raw)) return digits.slice(1);
  if (/^\s*8\s*[\s(-]/.test(raw)) return digits.slice(1);
  if (digits.length === 11 && (digits[0] === "7" || digits[0] === "8")) return digits.slice(1);
  if (digits.length > 1 && (digits[0] === "7" || digits[0] === "8") && digits[1] === "9")
    return digits.slice(1);
  return digits;
}
