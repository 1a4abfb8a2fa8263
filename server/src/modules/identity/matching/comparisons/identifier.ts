import { Dictionary } from "../dictionary";
import { damerauLevenshtein } from "../similarity";
import { fieldString, normalizeIdentifier } from "../text";
import type { IdentifierComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS = ["exact", "one typo", "two typos", "different"];

export const identifierKind: ComparisonKind<IdentifierComparisonSpec> = {
  levels: () => ({ labels: LABELS, termFrequency: LABELS.map(() => false) }),

  prepare(spec, records) {
    const dict = new Dictionary();
    const ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      const norm = raw === null ? "" : normalizeIdentifier(raw);
      ids[i] = norm ? dict.id(norm) : -1;
    }
    return {
      level(i, j) {
        const a = ids[i]!;
        const b = ids[j]!;
        if (a < 0 || b < 0) return 0;
        if (a === b) return 1;
        const d = damerauLevenshtein(dict.values[a]!, dict.values[b]!, 2);
        return d === 1 ? 2 : d === 2 ? 3 : 4;
      },
      tfKey: (i) => (ids[i]! < 0 ? null : dict.values[ids[i]!]!),
    };
  },
};
