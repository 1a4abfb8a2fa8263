// Multi-valued fields (phones, e-mails, documents, VINs): the level of the best-agreeing pair of values.
// Values are nearly all distinct across clients, so they are kept as plain strings in flat arrays.
import { damerauLevenshtein, withinOneEdit } from "../similarity";
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
    const kind = spec.values;
    // Per value: the string compared for typos and a group (identifier type, or e-mail mailbox name).
    const text: string[] = [];
    const group: string[] = [];
    const offsets = new Int32Array(records.length + 1);
    for (let i = 0; i < records.length; i++) {
      const start = text.length;
      for (const raw of fieldStrings(records[i]![spec.field])) {
        let value: string;
        let g = "";
        if (kind === "phone") value = normalizePhone(raw);
        else if (kind === "email") {
          value = normalizeEmail(raw);
          const at = value.indexOf("@");
          g = at < 0 ? value : value.slice(0, at);
        } else {
          const typed = splitTypedIdentifier(raw);
          value = typed.value;
          g = typed.type;
        }
        if (!value) continue;
        let dup = false;
        for (let k = start; k < text.length; k++) if (text[k] === value && group[k] === g) dup = true;
        if (dup) continue;
        text.push(value);
        group.push(g);
      }
      offsets[i + 1] = text.length;
    }

    // 0 = not comparable (identifiers of different types), else a level.
    const pairLevel = (x: number, y: number): number => {
      const a = text[x]!;
      const b = text[y]!;
      if (kind === "identifier") {
        if (group[x] !== group[y]) return 0;
        if (a === b) return 1;
        return withinOneEdit(a, b) ? 2 : 3;
      }
      if (a === b) return 1;
      if (kind === "phone") return withinOneEdit(a, b) ? 2 : 3;
      if (group[x] === group[y]) return 2;
      return damerauLevenshtein(a, b, 2) <= 2 ? 3 : 4;
    };

    const level = (i: number, j: number): number => {
      const ai = offsets[i]!;
      const ae = offsets[i + 1]!;
      const bi = offsets[j]!;
      const be = offsets[j + 1]!;
      if (ai === ae || bi === be) return 0;
      let best = 0;
      for (let x = ai; x < ae; x++) {
        for (let y = bi; y < be; y++) {
          const l = pairLevel(x, y);
          if (l === 1) return 1;
          if (l !== 0 && (best === 0 || l < best)) best = l;
        }
      }
      return best;
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: () => null,
    };
  },
};
