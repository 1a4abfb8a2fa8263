// Free text such as a city, suburb or street: Cyrillic and Latin spellings meet through the skeleton.
// Short texts (a city, a street name) are compared by Jaro-Winkler; long ones (a full Russian address,
// where every pair shares letters within Jaro's wide window) by the share of words in common.
import { memoize } from "../memo";
import { jaroWinkler } from "../similarity";
import { cachedSkeleton } from "../skeleton";
import { fieldString, normalizeText } from "../text";
import type { TextComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS = ["exact", "same transliteration", "Jaro-Winkler >= 0.90 or most words shared", "different"];
const SHORT = 24;

interface Prepared {
  readonly skeleton: string;
  /** Word skeletons, only for long texts. */
  readonly words: readonly string[] | null;
}

// Word by word: words ("улица", "москва", house numbers) repeat across addresses even when the whole
// address does not, so the cached per-word skeletons do almost all the work.
function prepareText(norm: string): Prepared {
  const words = norm.split(" ").map(cachedSkeleton);
  const skeleton = words.join("");
  if (skeleton.length <= SHORT) return { skeleton, words: null };
  return { skeleton, words: [...new Set(words.filter((w) => w.length > 0))] };
}

function mostWordsShared(a: readonly string[], b: readonly string[]): boolean {
  let shared = 0;
  for (const w of a) if (b.includes(w)) shared++;
  return shared * 3 >= Math.min(a.length, b.length) * 2;
}

export const textKind: ComparisonKind<TextComparisonSpec> = {
  levels: (spec) => ({
    labels: LABELS,
    termFrequency: LABELS.map((_, i) => spec.termFrequency === true && i < 2),
  }),

  prepare(spec, records) {
    const norm = memoize(normalizeText);
    const values: (string | null)[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      values[i] = raw === null ? null : norm(raw) || null;
    }
    // Skeletons and words are worked out on first use: most records of a big batch meet few others.
    const prepared: (Prepared | undefined)[] = new Array(records.length);
    const prepShort = memoize(prepareText, 20_000);
    const at = (i: number): Prepared => {
      let p = prepared[i];
      if (p === undefined) {
        const v = values[i]!;
        prepared[i] = p = v.length <= SHORT ? prepShort(v) : prepareText(v);
      }
      return p;
    };
    const level = (i: number, j: number): number => {
      const a = values[i];
      const b = values[j];
      if (a == null || b == null) return 0;
      if (a === b) return 1;
      const pa = at(i);
      const pb = at(j);
      if (pa.skeleton === pb.skeleton) return 2;
      if (pa.words && pb.words) return mostWordsShared(pa.words, pb.words) ? 3 : 4;
      return jaroWinkler(pa.skeleton, pb.skeleton, 0.9) >= 0.9 ? 3 : 4;
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: (i) => (values[i] == null ? null : at(i).skeleton),
    };
  },
};
