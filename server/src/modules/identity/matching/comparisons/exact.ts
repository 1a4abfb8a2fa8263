import { Dictionary } from "../dictionary";
import { fieldString, normalizeText } from "../text";
import type { ExactComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

export const exactKind: ComparisonKind<ExactComparisonSpec> = {
  levels: (spec) => ({ labels: ["exact", "different"], termFrequency: [spec.termFrequency === true, false] }),

  prepare(spec, records) {
    const dict = new Dictionary();
    const ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      const norm = raw === null ? "" : normalizeText(raw);
      ids[i] = norm ? dict.id(norm) : -1;
    }
    return {
      level(i, j) {
        const a = ids[i]!;
        const b = ids[j]!;
        if (a < 0 || b < 0) return 0;
        return a === b ? 1 : 2;
      },
      tfKey: (i) => (ids[i]! < 0 ? null : dict.values[ids[i]!]!),
    };
  },
};
