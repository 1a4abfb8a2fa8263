import { memoize } from "../memo";
import { fieldString, normalizeText } from "../text";
import type { ExactComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

export const exactKind: ComparisonKind<ExactComparisonSpec> = {
  levels: (spec) => ({ labels: ["exact", "different"], termFrequency: [spec.termFrequency === true, false] }),

  prepare(spec, records) {
    const norm = memoize(normalizeText);
    const values: (string | null)[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      values[i] = raw === null ? null : norm(raw) || null;
    }
    const level = (i: number, j: number): number => {
      const a = values[i];
      const b = values[j];
      if (a == null || b == null) return 0;
      return a === b ? 1 : 2;
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: (i) => values[i] ?? null,
    };
  },
};
