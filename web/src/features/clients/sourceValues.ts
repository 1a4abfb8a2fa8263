import { formatDocument, formatPhone } from "./display";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(", ");
  if (isRecord(value)) return Object.values(value).map(text).filter(Boolean).join(" · ");
  return String(value);
}

/**
 * The values as the source delivered them: an employee's form fields or an import file's columns,
 * in their order, without the empty ones (and without the person/company default the form adds).
 */
export function typedValues(data: Record<string, unknown>): [string, string][] {
  const typed = isRecord(data.typed) ? data.typed : {};
  return Object.entries(typed)
    .filter(([key, value]) => !(key === "kind" && (value === "person" || value === "company")))
    .map(([key, value]) => [key, text(value)] as [string, string])
    .filter(([, value]) => value !== "");
}

const SCALARS = [
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "gender",
  "companyName",
  "inn",
  "kpp",
  "ogrn",
] as const;

const DOCUMENT_FIELDS: Record<string, string> = { passport_rf: "passport", driver_licence: "driverLicence" };

interface Typed {
  value: string;
  raw?: string;
  kind?: string;
}

const list = (v: unknown): Typed[] =>
  Array.isArray(v) ? v.filter((x): x is Typed => isRecord(x) && typeof x.value === "string") : [];

/**
 * What Orbit understood from the record (names split and capitalised, phones in E.164, documents
 * without spaces). A field stated empty (an edit clearing it) shows as an empty value.
 */
export function normalisedValues(data: Record<string, unknown>): { field: string; value: string }[] {
  const record = isRecord(data.record) ? data.record : {};
  const out: { field: string; value: string }[] = [];
  for (const field of SCALARS) {
    if (field in record) out.push({ field, value: text(record[field]) });
  }
  const phones = list(record.phones);
  if (phones.length) out.push({ field: "phones", value: phones.map((p) => formatPhone(p.value)).join(", ") });
  const emails = list(record.emails);
  if (emails.length) out.push({ field: "emails", value: emails.map((e) => e.value).join(", ") });
  for (const m of list(record.messengers)) out.push({ field: m.kind ?? "messengers", value: m.value });
  for (const d of list(record.documents)) {
    const kind = d.kind ?? "";
    out.push({ field: DOCUMENT_FIELDS[kind] ?? kind, value: formatDocument(kind, d.value) });
  }
  const vins = list(record.vins);
  if (vins.length) out.push({ field: "vins", value: vins.map((v) => v.value).join(", ") });
  return out;
}
