import { DATE_LEVELS, dateDigits, dateLevel } from "../dates";
import { memoize } from "../memo";
import { fieldString } from "../text";
import type { DateComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

export const dateKind: ComparisonKind<DateComparisonSpec> = {
  levels: () => ({ labels: DATE_LEVELS, termFrequency: DATE_LEVELS.map(() => false) }),

  prepare(spec, records) {
    const parse = memoize(dateDigits);
    const digits: (string | null)[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      digits[i] = raw === null ? null : parse(raw);
    }
    const level = (i: number, j: number): number => {
      const a = digits[i];
      const b = digits[j];
      return a == null || b == null ? 0 : dateLevel(a, b);
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: (i) => digits[i] ?? null,
    };
  },
};
