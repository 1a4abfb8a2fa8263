// Multi-valued fields (phones, e-mails, documents, VINs): the level of the best-agreeing pair of values.
import { Dictionary } from "../dictionary";
import { damerauLevenshtein } from "../similarity";
import { fieldStrings, normalizeEmail, normalizeIdentifier, normalizePhone } from "../text";
import type { SetComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS: Record<SetComparisonSpec["values"], readonly string[]> = {
  phone: ["exact", "one typo", "different"],
  email: ["exact", "same mailbox name", "two typos or fewer", "different"],
  identifier: ["exact", "one typo", "different"],
};

/** "passport: 45 10 123456" -> type "passport", value "4510123456"; untyped values share type "". */
export function splitTypedIdentifier(raw: string): { type: string; value: string } {
  const colon = raw.indexOf(":");
  if (colon < 0) return { type: "", value: normalizeIdentifier(raw) };
  return { type: raw.slice(0, colon).trim().toLowerCase(), value: normalizeIdentifier(raw.slice(colon + 1)) };
}

export const setKind: ComparisonKind<SetComparisonSpec> = {
  levels: (spec) => ({ labels: LABELS[spec.values], termFrequency: LABELS[spec.values].map(() => false) }),

  prepare(spec, records) {
    const dict = new Dictionary();
    // Per dictionary entry: the string compared for typos and a group id (identifier type, or the
    // mailbox name for e-mails).
    const text: string[] = [];
    const group: number[] = [];
    const groups = new Dictionary();
    const offsets = new Int32Array(records.length + 1);
    const values: number[] = [];
    for (let i = 0; i < records.length; i++) {
      for (const raw of fieldStrings(records[i]![spec.field])) {
        let key: string;
        let compared: string;
        let groupKey: string;
        if (spec.values === "phone") {
          key = compared = normalizePhone(raw);
          groupKey = "";
        } else if (spec.values === "email") {
          key = compared = normalizeEmail(raw);
          groupKey = key.split("@")[0] ?? key;
        } else {
          const { type, value } = splitTypedIdentifier(raw);
          key = `${type}:${value}`;
          compared = value;
          groupKey = type;
        }
        if (!compared) continue;
        const before = dict.size;
        const id = dict.id(key);
        if (id === before) {
          text.push(compared);
          group.push(groups.id(groupKey));
        }
        if (!values.includes(id, offsets[i])) values.push(id);
      }
      offsets[i + 1] = values.length;
    }
    const kind = spec.values;
    const different = LABELS[kind].length;

    const pairLevel = (a: number, b: number): number => {
      if (a === b) return 1;
      if (kind === "identifier") {
        if (group[a] !== group[b]) return 0;
        return damerauLevenshtein(text[a]!, text[b]!, 1) <= 1 ? 2 : 3;
      }
      if (kind === "phone") return damerauLevenshtein(text[a]!, text[b]!, 1) <= 1 ? 2 : 3;
      if (group[a] === group[b]) return 2;
      return damerauLevenshtein(text[a]!, text[b]!, 2) <= 2 ? 3 : 4;
    };

    return {
      level(i, j) {
        const ai = offsets[i]!;
        const ae = offsets[i + 1]!;
        const bi = offsets[j]!;
        const be = offsets[j + 1]!;
        if (ai === ae || bi === be) return 0;
        let best = 0;
        for (let x = ai; x < ae; x++) {
          for (let y = bi; y < be; y++) {
            const l = pairLevel(values[x]!, values[y]!);
            if (l !== 0 && (best === 0 || l < best)) best = l;
            if (best === 1) return 1;
          }
        }
        // Identifiers of different types only (a passport vs a licence): nothing to compare.
        return best === 0 ? 0 : Math.min(best, different);
      },
      tfKey: () => null,
    };
  },
};
