import type { ClientIdentity, FieldComparison } from "@orbit/contracts";
import type { ru } from "../../i18n/ru";
import { formatDocument, formatPhone } from "./display";

/** How a field of a pair compares, for highlighting: from the matching model's level for it. */
export type Verdict = "equal" | "similar" | "different" | "unknown";

export function verdictOf(c: Pick<FieldComparison, "level" | "levelLabel">): Verdict {
  if (c.level === 0 || c.levelLabel === "missing") return "unknown";
  if (c.levelLabel === "exact") return "equal";
  if (c.levelLabel === "different") return "different";
  return "similar";
}

// The model's level labels (English, from the comparison specs) -> keys of ru.matchLevels.
export type MatchLevelKey = keyof typeof ru.matchLevels;
const LEVEL_KEYS: Record<string, MatchLevelKey> = {
  exact: "exact",
  different: "different",
  missing: "missing",
  "same transliteration": "transliteration",
  "Jaro-Winkler >= 0.92": "nearlySame",
  "Jaro-Winkler >= 0.90 or most words shared": "nearlySame",
  "Jaro-Winkler >= 0.88": "verySimilar",
  "Jaro-Winkler >= 0.70": "similar",
  "initial only": "initialOnly",
  "one typo": "oneTypo",
  "two typos": "twoTypos",
  "two typos or fewer": "twoTypos",
  "same mailbox name": "sameMailbox",
  "day and month swapped": "dayMonthSwapped",
  "year off by one": "yearOffByOne",
  "shares a word": "sharesWord",
};

/** The translation key of a level label, or null for one this version does not know. */
export function levelKey(label: string): MatchLevelKey | null {
  return Object.hasOwn(LEVEL_KEYS, label) ? (LEVEL_KEYS[label] ?? null) : null;
}

/** The values the card holds for a compared field; null when the card does not carry the field. */
export function valuesOf(c: ClientIdentity, field: string): string[] | null {
  const g = c.golden;
  const one = (v: string | null) => (v ? [v] : []);
  switch (field) {
    case "lastName":
    case "firstName":
    case "patronymic":
    case "birthDate":
    case "inn":
    case "kpp":
    case "ogrn":
      return one(g[field]);
    case "name":
    case "companyName":
      return one(g.companyName);
    case "phones":
      return c.contacts.filter((x) => x.kind === "phone").map((x) => formatPhone(x.value));
    case "emails":
      return c.contacts.filter((x) => x.kind === "email").map((x) => x.value);
    case "documents":
      return c.documents.map((d) => formatDocument(d.kind, d.number));
    case "vins":
      return c.vehicles.flatMap((v) => (v.vin ? [v.vin] : []));
    default:
      return null;
  }
}

export interface ComparedField {
  field: string;
  verdict: Verdict;
  comparison: FieldComparison;
  a: string[] | null;
  b: string[] | null;
}

/**
 * The rows of a pair view, in the model's order. Fields neither card has (and the model could not
 * compare) are left out: nothing to see there.
 */
export function comparedFields(a: ClientIdentity, b: ClientIdentity, explanation: FieldComparison[]) {
  const rows: ComparedField[] = [];
  for (const comparison of explanation) {
    const verdict = verdictOf(comparison);
    const va = valuesOf(a, comparison.field);
    const vb = valuesOf(b, comparison.field);
    const nothing = (v: string[] | null) => v === null || v.length === 0;
    if (verdict === "unknown" && nothing(va) && nothing(vb)) continue;
    rows.push({ field: comparison.field, verdict, comparison, a: va, b: vb });
  }
  return rows;
}
