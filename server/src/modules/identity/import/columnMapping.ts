import {
  type ClientInput,
  ClientInput as ClientInputSchema,
  type FieldError,
  IMPORT_TARGET_NAMES,
} from "@orbit/contracts";

/** What an import column can feed; "skip" ignores the column. */
export const IMPORT_TARGETS = IMPORT_TARGET_NAMES;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Column header (as in the file) -> target. */
export type ColumnMapping = Record<string, ImportTarget>;

// Headers as DMS and 1C exports spell them, lower-cased with ё as е and punctuation dropped.
const HEADER_HINTS: [RegExp, ImportTarget][] = [
  [/^(код|код клиента|id|ид|номер клиента|client id|external id|guid)$/, "sourceKey"],
  [/^(тип|тип клиента|вид|фл юл|kind|type)$/, "kind"],
  [/^(фио|клиент|ф и о|полное имя|full name|name|контрагент фл)$/, "fullName"],
  [/^(фамилия|last name|surname)$/, "lastName"],
  [/^(имя|first name|given name)$/, "firstName"],
  [/^(отчество|patronymic|middle name)$/, "patronymic"],
  [/^(дата рождения|др|д р|birth date|date of birth|dob|birthday)$/, "birthDate"],
  [/^(пол|gender|sex)$/, "gender"],
  [/^(наименование|организация|компания|контрагент|юр лицо|company|company name)$/, "companyName"],
  [/^(инн|inn|tax id)$/, "inn"],
  [/^(кпп|kpp)$/, "kpp"],
  [/^(огрн|огрнип|ogrn)$/, "ogrn"],
  [/(телефон|тел|phone|mobile|моб)/, "phones"],
  [/(e ?mail|эл почта|почта|электронная почта)/, "emails"],
  [/^(паспорт|паспорт рф|серия и номер паспорта|passport)$/, "passport"],
  [/(водительское|ву|driver licen[cs]e)/, "driverLicence"],
  [/(vin|вин)/, "vins"],
  [/(согласие|рассылк|consent)/, "consentMarketing"],
];

const simplify = (header: string) =>
  header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A first guess of the mapping from the headers; the employee confirms or corrects it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const s = simplify(header);
    mapping[header] = HEADER_HINTS.find(([re]) => re.test(s))?.[1] ?? "skip";
  }
  return mapping;
}

/** A mapping is usable when it names a client: a full name, a surname or first name, or a company. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  for (const column of Object.keys(mapping)) {
    if (!headers.includes(column))
      problems.push({ field: `mapping.${column}`, message: "no such column in the file" });
    if (!(IMPORT_TARGETS as readonly string[]).includes(mapping[column] as string)) {
      problems.push({ field: `mapping.${column}`, message: `unknown target "${mapping[column]}"` });
    }
  }
  const targets = new Set(Object.values(mapping));
  if (
    !["fullName", "lastName", "firstName", "companyName", "inn"].some((t) => targets.has(t as ImportTarget))
  ) {
    problems.push({
      field: "mapping",
      message: "map at least one column to a name, a company name or an INN",
    });
  }
  for (const single of [
    "sourceKey",
    "kind",
    "fullName",
    "lastName",
    "firstName",
    "patronymic",
    "birthDate",
  ] as const) {
    if (Object.values(mapping).filter((t) => t === single).length > 1) {
      problems.push({ field: "mapping", message: `only one column can be ${single}` });
    }
  }
  return problems;
}

/** dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd, and 1C's "dd.mm.yyyy 0:00:00". */
export function parseDate(raw: string): string | null {
  const text = raw.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, "");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (m) return iso(m[3]!, m[2]!, m[1]!);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2})$/.exec(text);
  if (m) {
    // Two-digit years in a birth date column: 00-25 is this century only for the very young.
    const yy = Number(m[3]);
    return iso(String(yy <= (new Date().getFullYear() % 100) - 14 ? 2000 + yy : 1900 + yy), m[2]!, m[1]!);
  }
  return null;
}

const iso = (y: string, mo: string, d: string) => `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;

const splitList = (raw: string) =>
  raw
    .split(/[;,\n]|\s{3,}/)
    .map((s) => s.trim())
    .filter(Boolean);

const YES = /^(да|yes|y|true|1|\+|есть)$/i;
const NO = /^(нет|no|n|false|0|-)$/i;
const COMPANY = /^(юл|ю л|юр|юрлицо|юр лицо|организация|company|legal|ип)$/i;

export type RowOutcome =
  | {
      ok: true;
      input: ReturnType<typeof ClientInputSchema.parse>;
      sourceKey: string | null;
      warnings: FieldError[];
    }
  | { ok: false; reason: string };

/** One CSV row to a client input, or the reason it cannot be one. */
export function rowToClient(row: Record<string, string>, mapping: ColumnMapping): RowOutcome {
  const draft: Record<string, unknown> & { phones: string[]; emails: string[]; vins: string[] } = {
    phones: [],
    emails: [],
    vins: [],
  };
  const warnings: FieldError[] = [];
  let sourceKey: string | null = null;
  for (const [column, target] of Object.entries(mapping)) {
    const value = (row[column] ?? "").trim();
    if (!value || target === "skip") continue;
    switch (target) {
      case "sourceKey":
        sourceKey = value.slice(0, 200);
        break;
      case "kind":
        draft.kind = COMPANY.test(value.replace(/[.\s]+/g, " ").trim()) ? "company" : "person";
        break;
      case "phones":
        draft.phones.push(...splitList(value));
        break;
      case "emails":
        draft.emails.push(...splitList(value));
        break;
      case "vins":
        draft.vins.push(...splitList(value));
        break;
      case "birthDate": {
        const date = parseDate(value);
        if (date) draft.birthDate = date;
        else warnings.push({ field: column, message: `"${value}" is not a date` });
        break;
      }
      case "gender": {
        const g = value.toLowerCase();
        if (/^(м|муж|мужской|m|male)$/.test(g)) draft.gender = "m";
        else if (/^(ж|жен|женский|f|female)$/.test(g)) draft.gender = "f";
        break;
      }
      case "consentMarketing":
        if (YES.test(value) || NO.test(value)) {
          draft.consents = (["call", "sms", "email"] as const).map((channel) => ({
            channel,
            purpose: "marketing",
            granted: YES.test(value),
          }));
        }
        break;
      default:
        draft[target] = value;
    }
  }
  if (!draft.kind)
    draft.kind =
      draft.companyName || (draft.inn && !draft.lastName && !draft.fullName) ? "company" : "person";
  const parsed = ClientInputSchema.safeParse(draft as ClientInput);
  if (!parsed.success) {
    return {
      ok: false,
      reason: parsed.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; "),
    };
  }
  return { ok: true, input: parsed.data, sourceKey, warnings };
}
