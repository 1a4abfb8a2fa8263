import { DATE_LEVELS, dateDigits, dateLevel } from "../dates";
import { fieldString } from "../text";
import type { DateComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

export const dateKind: ComparisonKind<DateComparisonSpec> = {
  levels: () => ({ labels: DATE_LEVELS, termFrequency: DATE_LEVELS.map(() => false) }),

  prepare(spec, records) {
    const digits: (string | null)[] = records.map((r) => {
      const raw = fieldString(r[spec.field]);
      return raw === null ? null : dateDigits(raw);
    });
    return {
      level(i, j) {
        const a = digits[i];
        const b = digits[j];
        return a == null || b == null ? 0 : dateLevel(a, b);
      },
      tfKey: (i) => digits[i] ?? null,
    };
  },
};
