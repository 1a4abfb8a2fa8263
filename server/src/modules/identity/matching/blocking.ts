// Blocking keys: plain strings ("ph:79161234567", "nm:ivanov+ivan|1985"), so that Orbit can keep them in
// an indexed table and find the candidates of a new client by key lookup, exactly as a batch run does.
import { normalizeOrgName } from "./comparisons/orgName";
import { splitTypedIdentifier } from "./comparisons/set";
import { dateDigits } from "./dates";
import { cachedSkeleton } from "./skeleton";
import { digitsOnly, fieldString, fieldStrings, normalizeEmail, normalizePhone, normalizeText } from "./text";
import type { BlockingRule, KeyPart, KeyTransform, MatchRecord, ModelSpec } from "./types";

/** A record with many phones/e-mails must not explode into a combinatorial number of keys. */
const MAX_KEYS_PER_RULE = 16;

export function transformValue(raw: string, transform: KeyTransform): string {
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

function partValues(record: MatchRecord, part: KeyPart): string[] {
  if (typeof part.field === "string") {
    const out: string[] = [];
    for (const raw of fieldStrings(record[part.field])) {
      const v = transformValue(raw, part.transform);
      if (v && !out.includes(v)) out.push(v);
    }
    return out;
  }
  // Several fields: all must be present; sorted so that their order in the record does not matter.
  const vs: string[] = [];
  for (const f of part.field) {
    const raw = fieldString(record[f]);
    const v = raw === null ? "" : transformValue(raw, part.transform);
    if (!v) return [];
    vs.push(v);
  }
  return [vs.sort().join("+")];
}

/** Keys of one rule for one record (none when some part has no value). */
export function ruleKeys(record: MatchRecord, rule: BlockingRule): string[] {
  let keys = [`${rule.name}:`];
  rule.parts.forEach((part, p) => {
    const values = partValues(record, part);
    const next: string[] = [];
    for (const k of keys) {
      for (const v of values) {
        if (next.length < MAX_KEYS_PER_RULE) next.push(p === 0 ? k + v : `${k}|${v}`);
      }
    }
    keys = next;
  });
  return keys;
}

/** All blocking keys of a record under a spec: the union over its rules. */
export function blockingKeys(record: MatchRecord, spec: Pick<ModelSpec, "blocking">): string[] {
  const out: string[] = [];
  for (const rule of spec.blocking) for (const k of ruleKeys(record, rule)) out.push(k);
  return out;
}

/** Record fields a rule reads: comparisons on them are not trained in that rule's EM session. */
export function ruleFields(rule: BlockingRule): string[] {
  return rule.parts.flatMap((p) => (typeof p.field === "string" ? [p.field] : [...p.field]));
}
