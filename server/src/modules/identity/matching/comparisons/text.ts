// Free text such as a city, suburb or street: Cyrillic and Latin spellings meet through the skeleton.
import { Dictionary } from "../dictionary";
import { jaroWinkler } from "../similarity";
import { cachedSkeleton as skeleton } from "../skeleton";
import { fieldString, normalizeText } from "../text";
import type { TextComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS = ["exact", "same transliteration", "Jaro-Winkler >= 0.90", "different"];

export const textKind: ComparisonKind<TextComparisonSpec> = {
  levels: (spec) => ({
    labels: LABELS,
    termFrequency: LABELS.map((_, i) => spec.termFrequency === true && i < 2),
  }),

  prepare(spec, records) {
    const dict = new Dictionary();
    const skeletons = new Dictionary();
    const skelId: number[] = [];
    const ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      const norm = raw === null ? "" : normalizeText(raw);
      if (!norm) {
        ids[i] = -1;
        continue;
      }
      const before = dict.size;
      ids[i] = dict.id(norm);
      if (ids[i] === before) skelId.push(skeletons.id(skeleton(norm)));
    }
    return {
      level(i, j) {
        const a = ids[i]!;
        const b = ids[j]!;
        if (a < 0 || b < 0) return 0;
        if (a === b) return 1;
        const sa = skelId[a]!;
        const sb = skelId[b]!;
        if (sa === sb) return 2;
        return jaroWinkler(skeletons.values[sa]!, skeletons.values[sb]!) >= 0.9 ? 3 : 4;
      },
      tfKey: (i) => (ids[i]! < 0 ? null : skeletons.values[skelId[ids[i]!]!]!),
    };
  },
};
