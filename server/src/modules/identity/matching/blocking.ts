// Blocking keys: plain strings ("ph:79161234567", "nm:ivanov+ivan|1985"), so that Orbit can keep them in
// an indexed table and find the candidates of a new client by key lookup, exactly as a batch run does.
import { normalizeOrgName } from "./comparisons/orgName";
import { splitTypedIdentifier } from "./comparisons/set";
import { dateDigits } from "./dates";
import { memoize } from "./memo";
import { cachedSkeleton } from "./skeleton";
import { digitsOnly, fieldString, fieldStrings, normalizeEmail, normalizePhone, normalizeText } from "./text";
import type { BlockingRule, KeyPart, KeyTransform, MatchRecord, ModelSpec } from "./types";

/** A record with many phones/e-mails must not explode into a combinatorial number of keys. */
const MAX_KEYS_PER_RULE = 16;

/** The blocking form of one field value. */
export function transformValue(raw: string, transform: KeyTransform): string {
  const memo = MEMOIZED[transform];
  return memo ? memo(raw) : computeTransform(raw, transform);
}

// Names, dates and cities repeat across clients; phones, e-mails and documents hardly ever do.
const MEMOIZED: Partial<Record<KeyTransform, (raw: string) => string>> = Object.fromEntries(
  (["exact", "skeleton", "initial", "orgName", "date", "year", "monthDay"] as const).map((t) => [
    t,
    memoize((raw: string) => computeTransform(raw, t)),
  ]),
);

function computeTransform(raw: string, transform: KeyTransform): string {
  switch (transform) {
    case "exact":
      return normalizeText(raw);
    case "skeleton":
      return cachedSkeleton(raw);
    case "initial":
      return cachedSkeleton(raw).slice(0, 1);
    case "digits":
      return digitsOnly(raw);
    case "phone":
      return normalizePhone(raw);
    case "email":
      return normalizeEmail(raw);
    case "identifier": {
      const { type, value } = splitTypedIdentifier(raw);
      return value ? `${type}:${value}` : "";
    }
    case "orgName":
      return normalizeOrgName(raw).split(" ").map(cachedSkeleton).join(" ");
    case "date":
      return dateDigits(raw) ?? "";
    case "year":
      return dateDigits(raw)?.slice(0, 4) ?? "";
    case "monthDay":
      return dateDigits(raw)?.slice(4) ?? "";
  }
}

// One value (the usual case) as a string, several as an array, none as "". Avoids an array per field per
// record: blocking runs over every record of a batch.
function partValue(record: MatchRecord, part: KeyPart): string | string[] {
  const field = part.field;
  if (typeof field === "string") {
    const value = record[field];
    if (typeof value === "string") {
      const t = value.trim();
      return t ? transformValue(t, part.transform) : "";
    }
    const out: string[] = [];
    for (const raw of fieldStrings(value)) {
      const v = transformValue(raw, part.transform);
      if (v && !out.includes(v)) out.push(v);
    }
    return out.length === 0 ? "" : out.length === 1 ? out[0]! : out;
  }
  // Several fields: all must be present; sorted so that their order in the record does not matter.
  const vs: string[] = [];
  for (const f of field) {
    const raw = fieldString(record[f]);
    const v = raw === null ? "" : transformValue(raw, part.transform);
    if (!v) return "";
    vs.push(v);
  }
  return vs.sort().join("+");
}

/** Keys of one rule for one record (none when some part has no value). */
export function ruleKeys(record: MatchRecord, rule: BlockingRule, out: string[] = []): string[] {
  const parts = rule.parts;
  let single = `${rule.name}:`;
  let several: string[] | null = null;
  for (let p = 0; p < parts.length; p++) {
    const value = partValue(record, parts[p]!);
    if (value === "") return out;
    const sep = p === 0 ? "" : "|";
    if (typeof value === "string") {
      if (several) several = several.map((k) => k + sep + value);
      else single += sep + value;
    } else {
      const next: string[] = [];
      for (const k of several ?? [single]) {
        for (const v of value) if (next.length < MAX_KEYS_PER_RULE) next.push(k + sep + v);
      }
      several = next;
    }
  }
  if (several) for (const k of several) out.push(k);
  else out.push(single);
  return out;
}

/** All blocking keys of a record under a spec: the union over its rules. */
export function blockingKeys(record: MatchRecord, spec: Pick<ModelSpec, "blocking">): string[] {
  const out: string[] = [];
  for (const rule of spec.blocking) ruleKeys(record, rule, out);
  return out;
}

/** Record fields a rule reads: comparisons on them are not trained in that rule's EM session. */
export function ruleFields(rule: BlockingRule): string[] {
  return rule.parts.flatMap((p) => (typeof p.field === "string" ? [p.field] : [...p.field]));
}
