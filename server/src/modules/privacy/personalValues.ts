/**
 * What identifies one client in free text: the values an anonymisation must erase wherever they
 * were copied (a message's greeting, a call's number, the action log's before and after).
 */
export interface ClientValues {
  names: (string | null)[];
  /** Values that identify the client even without a name: phones, e-mails, documents, addresses. */
  identifiers: (string | null)[];
  birthDate: string | null;
}

export const REDACTED = "[удалено]";

// Shorter strings ("m", a two-letter initial) match too much unrelated text to be erased safely.
const MIN_LENGTH = 3;

/** A phone also appears as its ten national digits ("9161234567") or with a leading 8. */
function phoneForms(value: string): string[] {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 11 || !/^[78]/.test(digits)) return [];
  const national = digits.slice(1);
  return [digits, `8${national}`, national];
}

/** Every form to erase, longest first so that a full name goes before the surname inside it. */
export function personalValues(client: ClientValues): string[] {
  const out = new Set<string>();
  const add = (v: string | null) => {
    const t = v?.trim();
    if (t && t.length >= MIN_LENGTH) out.add(t);
  };
  for (const v of client.names) add(v);
  for (const v of client.identifiers) {
    add(v);
    if (v) for (const f of phoneForms(v)) add(f);
  }
  add(client.birthDate);
  return [...out].sort((a, b) => b.length - a.length);
}

/** The identifiers alone: distinctive enough to look for in rows not tied to the client. */
export function distinctiveValues(client: ClientValues): string[] {
  return personalValues({ names: [], identifiers: client.identifiers, birthDate: null });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every value, in any letter case, in every string at any depth of a JSON value. */
export function redactValues(value: unknown, values: readonly string[]): unknown {
  if (values.length === 0) return value;
  const pattern = new RegExp(values.map(escapeRegExp).join("|"), "giu");
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(pattern, REDACTED);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value);
}

/** A PostgreSQL regular expression matching any of the values, as they appear in jsonb's text form. */
export function jsonTextPattern(values: readonly string[]): string | null {
  if (values.length === 0) return null;
  return values.map((v) => escapeRegExp(JSON.stringify(v).slice(1, -1))).join("|");
}
