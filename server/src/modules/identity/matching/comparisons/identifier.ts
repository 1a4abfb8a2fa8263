import { damerauLevenshtein } from "../similarity";
import { fieldString, normalizeIdentifier } from "../text";
import type { IdentifierComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS = ["exact", "one typo", "two typos", "different"];

export const identifierKind: ComparisonKind<IdentifierComparisonSpec> = {
  levels: () => ({ labels: LABELS, termFrequency: LABELS.map(() => false) }),

  prepare(spec, records) {
    // Identifiers are nearly all distinct, so they are kept as strings, not interned.
    const ids: (string | null)[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      ids[i] = raw === null ? null : normalizeIdentifier(raw) || null;
    }
    const level = (i: number, j: number): number => {
      const a = ids[i];
      const b = ids[j];
      if (a == null || b == null) return 0;
      if (a === b) return 1;
      const d = damerauLevenshtein(a, b, 2);
      return d === 1 ? 2 : d === 2 ? 3 : 4;
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: (i) => ids[i] ?? null,
    };
  },
};
