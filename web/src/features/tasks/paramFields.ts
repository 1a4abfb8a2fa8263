/**
 * The parameters of each kind of contact standard and scenario, as form fields. The server checks them
 * with its own schemas (server/src/modules/tasks/standards.ts STANDARD_PARAMS and
 * scenarios/needs.ts SCENARIO_PARAMS); the bounds here mirror those so most mistakes are caught before
 * the request, and the server's field errors are shown at the same fields. A kind this table does not
 * know yet still gets a form: a field per number or list of numbers it has, anything else kept as it is.
 */
export type ParamField =
  | { key: string; type: "int"; min: number; max: number }
  | { key: string; type: "intList"; min: number; max: number; maxItems: number }
  | { key: string; type: "months" }
  | { key: string; type: "policyKinds" }
  /** A share (0..1 in the parameters) typed as whole percent. */
  | { key: string; type: "percent"; min: number; max: number }
  /** Offer family codes; empty means every family. */
  | { key: string; type: "families" };

const int = (key: string, min: number, max: number): ParamField => ({ key, type: "int", min, max });

export const STANDARD_FIELDS: Record<string, ParamField[]> = {
  after_delivery: [
    { key: "days", type: "intList", min: 1, max: 3650, maxItems: 10 },
    int("everyMonths", 0, 60),
    int("windowDays", 1, 60),
  ],
  maintenance: [
    int("intervalKm", 1000, 100_000),
    int("intervalMonths", 1, 48),
    int("leadKm", 0, 20_000),
    int("leadDays", 0, 180),
    int("windowDays", 7, 180),
    int("maxOverdueDays", 0, 730),
  ],
  insurance_renewal: [
    { key: "policyKinds", type: "policyKinds" },
    int("leadDays", 1, 180),
    int("graceDays", 0, 90),
  ],
  credit_end: [int("leadDays", 1, 365)],
  warranty_end: [int("leadDays", 1, 365)],
  seasonal_tyres: [
    { key: "springMonths", type: "months" },
    { key: "autumnMonths", type: "months" },
    int("recentDays", 0, 365),
  ],
  trade_in: [int("ownershipYear", 1, 15)],
};

export const SCENARIO_KINDS = [
  "viewed_segment",
  "abandoned_booking",
  "web_request",
  "next_best_offer",
] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const SCENARIO_FIELDS: Record<string, ParamField[]> = {
  viewed_segment: [int("views", 2, 100), int("withinDays", 1, 60), int("quietHours", 1, 24 * 14)],
  abandoned_booking: [int("afterMinutes", 5, 24 * 60), int("withinHours", 1, 24 * 14)],
  web_request: [int("withinHours", 1, 24 * 14)],
  next_best_offer: [
    { key: "families", type: "families" },
    { key: "minProbability", type: "percent", min: 0, max: 100 },
    int("minExpectedRub", 0, 10_000_000),
    int("dailyLimit", 1, 100_000),
  ],
};

/** Orbit's own offer families, offered as choices (a dealer's own are typed by code). */
export const OFFER_FAMILIES = [
  "maintenance",
  "insurance_renewal",
  "trade_in",
  "credit_end",
  "extended_warranty",
  "tyres",
] as const;

/** A new scenario's starting parameters: the ones the group's own scenarios start from. */
export const SCENARIO_DEFAULTS: Record<ScenarioKind, Record<string, unknown>> = {
  viewed_segment: { views: 5, withinDays: 7, quietHours: 24 },
  abandoned_booking: { afterMinutes: 60, withinHours: 72 },
  web_request: { withinHours: 48 },
  next_best_offer: { families: [], minProbability: 0.3, minExpectedRub: 3000, dailyLimit: 200 },
};

export const POLICY_KINDS = ["osago", "kasko"] as const;
export const MONTHS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;

const isIntList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x));

/** The kind's fields; for a kind not known here, fields for the numbers and number lists it has. */
export function fieldsFor(
  table: Record<string, ParamField[]>,
  kind: string,
  params: Record<string, unknown>,
): ParamField[] {
  const known = table[kind];
  if (known) return known;
  const out: ParamField[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (Number.isInteger(value)) out.push(int(key, 0, 1_000_000));
    else if (isIntList(value)) out.push({ key, type: "intList", min: 0, max: 1_000_000, maxItems: 100 });
  }
  return out;
}

/** Form state: a number as typed, a list as its items (strings, as the inputs hold them). */
export type ParamValues = Record<string, string | string[]>;

export function paramsToForm(fields: ParamField[], params: Record<string, unknown>): ParamValues {
  const out: ParamValues = {};
  for (const f of fields) {
    const value = params[f.key];
    if (f.type === "int") out[f.key] = typeof value === "number" ? String(value) : "";
    else if (f.type === "percent")
      out[f.key] = typeof value === "number" ? String(Math.round(value * 100)) : "";
    else out[f.key] = Array.isArray(value) ? value.map(String) : [];
  }
  return out;
}

export type ParamError =
  | { code: "required" }
  | { code: "integer" }
  | { code: "range"; min: number; max: number }
  | { code: "listRequired" }
  | { code: "tooMany"; max: number };

const parseInteger = (s: string): number | null => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/**
 * The form as the kind's parameters, with the checks the server makes, or the fields to fix. Parameters
 * the form does not show (a kind's option this app does not know) are sent back as they were.
 */
export function formToParams(
  fields: ParamField[],
  values: ParamValues,
  original: Record<string, unknown>,
): { params: Record<string, unknown> } | { errors: Record<string, ParamError> } {
  const params: Record<string, unknown> = { ...original };
  const errors: Record<string, ParamError> = {};
  for (const f of fields) {
    const value = values[f.key];
    if (f.type === "int" || f.type === "percent") {
      const text = typeof value === "string" ? value : "";
      if (text.trim() === "") {
        errors[f.key] = { code: "required" };
        continue;
      }
      const n = parseInteger(text);
      if (n === null) errors[f.key] = { code: "integer" };
      else if (n < f.min || n > f.max) errors[f.key] = { code: "range", min: f.min, max: f.max };
      else params[f.key] = f.type === "percent" ? n / 100 : n;
      continue;
    }
    const items = Array.isArray(value) ? value : [];
    if (f.type === "families") {
      params[f.key] = [...new Set(items.map((s) => s.trim()).filter(Boolean))];
      continue;
    }
    if (items.length === 0) {
      errors[f.key] = { code: "listRequired" };
      continue;
    }
    if (f.type === "policyKinds") {
      params[f.key] = POLICY_KINDS.filter((k) => items.includes(k));
      continue;
    }
    const numbers = items.map(parseInteger);
    const [min, max] = f.type === "months" ? [1, 12] : [f.min, f.max];
    if (numbers.some((n) => n === null)) errors[f.key] = { code: "integer" };
    else if (numbers.some((n) => n! < min || n! > max)) errors[f.key] = { code: "range", min, max };
    else if (f.type === "intList" && numbers.length > f.maxItems)
      errors[f.key] = { code: "tooMany", max: f.maxItems };
    else params[f.key] = [...new Set(numbers as number[])].sort((a, b) => a - b);
  }
  return Object.keys(errors).length ? { errors } : { params };
}

/** The server's "params.days.0" as the form's field "days". */
export function paramFieldOf(apiField: string): string | null {
  const m = /^params\.([^.]+)/.exec(apiField);
  return m?.[1] ?? null;
}

/** Whether two parameter sets are the same (key order and list order aside). */
export function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const norm = (p: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(p)
        .sort()
        .map((k) => [k, Array.isArray(p[k]) ? [...(p[k] as unknown[])].sort() : p[k]]),
    );
  return norm(a) === norm(b);
}
