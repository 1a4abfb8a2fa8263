import type { ClientInputParsed, FieldError } from "@orbit/contracts";
import { checkVin } from "../vehicles/vin";
import type { ClientRecord, Typed } from "./clientRecord";
import { normalizeDriverLicence, normalizePassportRf } from "./documents";
import { checkEmail } from "./email";
import { checkInn, isValidKpp, isValidOgrn, isValidOgrnip, normalizeDigits } from "./inn";
import { detectGender, normalizePersonName, splitFullName } from "./names";
import { normalizePhone } from "./phone";

export interface NormalizedClient {
  record: ClientRecord;
  /** Values that could not be understood: dropped from the record, kept in the source record as typed. */
  warnings: FieldError[];
}

const name = (v: string | undefined) => (v?.trim() ? normalizePersonName(v) : undefined);

function uniqueBy<T extends Typed>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.value) && seen.add(i.value));
}

type Warn = (field: string, message: string) => void;

export function normalizePhones(raws: readonly string[], field: string, warn: Warn): Typed[] {
  const out: Typed[] = [];
  raws.forEach((raw, i) => {
    if (!raw.trim()) return;
    const p = normalizePhone(raw);
    if (p.valid) out.push({ value: p.e164, raw });
    else warn(`${field}.${i}`, `"${raw}" is not a phone number (${p.reason.replace(/_/g, " ")})`);
  });
  return uniqueBy(out);
}

export function normalizeEmails(raws: readonly string[], field: string, warn: Warn): Typed[] {
  const out: Typed[] = [];
  raws.forEach((raw, i) => {
    if (!raw.trim()) return;
    const e = checkEmail(raw);
    if (e.valid) out.push({ value: e.email, raw });
    else warn(`${field}.${i}`, `"${raw}" is not an e-mail address`);
  });
  return uniqueBy(out);
}

/** A birth date that is a real calendar date of someone who could be a client (14 to 110 years old). */
export function checkBirthDate(iso: string, warn: Warn): string | undefined {
  const date = new Date(`${iso}T00:00:00Z`);
  const year = Number(iso.slice(0, 4));
  const thisYear = new Date().getUTCFullYear();
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    warn("birthDate", `${iso} is not a calendar date`);
  } else if (year < thisYear - 110 || year > thisYear - 14) {
    warn("birthDate", `${iso} is not a plausible birth date for a client`);
  } else {
    return iso;
  }
  return undefined;
}

type CompanyIds = Pick<ClientInputParsed, "inn" | "kpp" | "ogrn">;

export function normalizeCompanyIds(
  input: CompanyIds,
  warn: Warn,
): Pick<ClientRecord, "inn" | "kpp" | "ogrn"> {
  const out: Pick<ClientRecord, "inn" | "kpp" | "ogrn"> = {};
  if (input.inn?.trim()) {
    const inn = checkInn(input.inn);
    if (inn.valid) out.inn = inn.inn;
    else warn("inn", `"${input.inn}" is not a valid INN (${inn.reason})`);
  }
  if (input.kpp?.trim()) {
    const kpp = normalizeDigits(input.kpp);
    if (isValidKpp(kpp)) out.kpp = kpp;
    else warn("kpp", `"${input.kpp}" is not a valid KPP`);
  }
  if (input.ogrn?.trim()) {
    const ogrn = normalizeDigits(input.ogrn);
    if (isValidOgrn(ogrn) || isValidOgrnip(ogrn)) out.ogrn = ogrn;
    else warn("ogrn", `"${input.ogrn}" is not a valid OGRN`);
  }
  return out;
}

export const normalizeNamePart = name;

/**
 * Turns a client as typed (by an employee, an import row, a web form) into a normalised record.
 * Nothing here rejects a client: an unreadable phone is dropped with a warning, because the rest of
 * the record is still worth keeping, and the typed text survives in the source record.
 */
export function normalizeClient(input: ClientInputParsed): NormalizedClient {
  const warnings: FieldError[] = [];
  const warn: Warn = (field, message) => warnings.push({ field, message });

  const documents: ClientRecord["documents"] = [];
  if (input.passport?.trim()) {
    const p = normalizePassportRf(input.passport);
    if (p.valid) documents.push({ kind: "passport_rf", value: p.normalized, raw: input.passport });
    else warn("passport", `"${input.passport}" is not a Russian passport series and number`);
  }
  if (input.driverLicence?.trim()) {
    const d = normalizeDriverLicence(input.driverLicence);
    if (d.valid) documents.push({ kind: "driver_licence", value: d.normalized, raw: input.driverLicence });
    else warn("driverLicence", `"${input.driverLicence}" is not a Russian driving licence number`);
  }

  const vins: Typed[] = [];
  input.vins.forEach((raw, i) => {
    if (!raw.trim()) return;
    const v = checkVin(raw);
    if (v.valid) vins.push({ value: v.vin, raw });
    else warn(`vins.${i}`, `"${raw}" is not a VIN (${v.reason.replace(/_/g, " ")})`);
  });

  const messengers = input.messengers.map((m) => ({
    kind: m.kind,
    value: m.handle.trim().replace(/^@/, "").toLowerCase(),
    raw: m.handle,
  }));

  const record: ClientRecord = {
    kind: input.kind,
    phones: normalizePhones(input.phones, "phones", warn),
    emails: normalizeEmails(input.emails, "emails", warn),
    messengers: uniqueBy(messengers),
    documents: uniqueBy(documents),
    vins: uniqueBy(vins),
  };

  if (input.kind === "person") {
    // Separate fields win over the one-field form; the one-field form is split by the name rules.
    const split = input.fullName ? splitFullName(input.fullName) : undefined;
    const lastName = name(input.lastName) ?? name(split?.lastName);
    const firstName = name(input.firstName) ?? name(split?.firstName);
    const patronymic = name(input.patronymic) ?? name(split?.patronymic);
    if (lastName) record.lastName = lastName;
    if (firstName) record.firstName = firstName;
    if (patronymic) record.patronymic = patronymic;
    const birthDate = input.birthDate ? checkBirthDate(input.birthDate, warn) : undefined;
    if (birthDate) record.birthDate = birthDate;
    const gender =
      input.gender ??
      detectGender({
        ...(lastName ? { lastName } : {}),
        ...(firstName ? { firstName } : {}),
        ...(patronymic ? { patronymic } : {}),
      });
    if (gender) record.gender = gender;
  } else {
    if (input.companyName?.trim()) record.companyName = input.companyName.trim().replace(/\s+/g, " ");
    Object.assign(record, normalizeCompanyIds(input, warn));
  }
  return { record, warnings };
}
