import type { PartyState, PartyVersion } from "@orbit/contracts";

/** The attributes whose values are kept version by version, in the order the card shows them. */
export const HISTORY_ATTRIBUTES = [
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "gender",
  "companyName",
  "inn",
  "kpp",
  "ogrn",
  "blocked",
  "homeDealershipId",
  "personalManagerId",
] as const satisfies readonly (keyof PartyState)[];
export type HistoryAttribute = (typeof HISTORY_ATTRIBUTES)[number];

/** One value an attribute held, and the version that gave it that value. */
export interface AttributeSpan {
  value: PartyState[HistoryAttribute];
  validFrom: string;
  /** Null while the value is current. */
  validTo: string | null;
  version: number;
  sourceSystem: string;
  changedBy: string | null;
  reason: string;
}

export interface AttributeHistory {
  attribute: HistoryAttribute;
  /** Newest first. */
  spans: AttributeSpan[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Each attribute's values over time, from the client's versions (each version is the full state).
 * A version that does not change an attribute (a merge, an edit of another field) continues its span.
 * Attributes that never held a value are left out, and so is `blocked` if it was never set.
 */
export function attributeHistory(versions: readonly PartyVersion[]): AttributeHistory[] {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const out: AttributeHistory[] = [];
  for (const attribute of HISTORY_ATTRIBUTES) {
    const spans: AttributeSpan[] = [];
    for (const v of ordered) {
      const value = v.data[attribute];
      const current = spans.at(-1);
      if (current && same(current.value, value)) {
        current.validTo = v.validTo;
        continue;
      }
      if (current) current.validTo = v.validFrom;
      spans.push({
        value,
        validFrom: v.validFrom,
        validTo: v.validTo,
        version: v.version,
        sourceSystem: v.sourceSystem,
        changedBy: v.changedBy,
        reason: v.reason,
      });
    }
    const meaningful = spans.some((s) => s.value !== null && s.value !== false);
    if (meaningful) out.push({ attribute, spans: spans.reverse() });
  }
  return out;
}
