// Company names: the legal form, quotes and word order are what differs between two typings of one
// company ("ООО «Автомир»", "Автомир, ООО", "Avtomir LLC").
import { Dictionary } from "../dictionary";
import { jaroWinkler } from "../similarity";
import { cachedSkeleton as skeleton } from "../skeleton";
import { fieldString, normalizeText } from "../text";
import type { OrgNameComparisonSpec } from "../types";
import type { ComparisonKind } from "./prepared";

const LABELS = ["exact", "same transliteration", "Jaro-Winkler >= 0.92", "shares a word", "different"];

const LEGAL_PHRASES = [
  "общество с ограниченной ответственностью",
  "публичное акционерное общество",
  "закрытое акционерное общество",
  "открытое акционерное общество",
  "непубличное акционерное общество",
  "акционерное общество",
  "индивидуальный предприниматель",
];
const LEGAL_WORDS = new Set([
  "ооо",
  "оао",
  "зао",
  "пао",
  "ао",
  "нао",
  "ип",
  "гк",
  "нко",
  "ano",
  "ооо",
  "llc",
  "ltd",
  "inc",
  "gmbh",
  "corp",
  "co",
  "ooo",
  "zao",
  "oao",
  "pao",
  "ao",
]);

/** Company name without legal form, quotes or punctuation, words sorted. */
export function normalizeOrgName(raw: string): string {
  let s = normalizeText(raw);
  for (const phrase of LEGAL_PHRASES) s = s.replaceAll(phrase, " ");
  return s
    .split(" ")
    .filter((w) => w && !LEGAL_WORDS.has(w))
    .sort()
    .join(" ");
}

export const orgNameKind: ComparisonKind<OrgNameComparisonSpec> = {
  levels: (spec) => ({
    labels: LABELS,
    termFrequency: LABELS.map((_, i) => spec.termFrequency === true && i === 0),
  }),

  prepare(spec, records) {
    const dict = new Dictionary();
    const skel: string[] = [];
    const words: Set<string>[] = [];
    const ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      const norm = raw === null ? "" : normalizeOrgName(raw);
      if (!norm) {
        ids[i] = -1;
        continue;
      }
      const before = dict.size;
      ids[i] = dict.id(norm);
      if (ids[i] === before) {
        const parts = norm.split(" ").map(skeleton);
        skel.push(parts.join(""));
        words.push(new Set(parts.filter((w) => w.length >= 3)));
      }
    }
    const level = (i: number, j: number): number => {
      const a = ids[i]!;
      const b = ids[j]!;
      if (a < 0 || b < 0) return 0;
      if (a === b) return 1;
      if (skel[a] === skel[b]) return 2;
      if (jaroWinkler(skel[a]!, skel[b]!) >= 0.92) return 3;
      for (const w of words[a]!) if (words[b]!.has(w)) return 4;
      return 5;
    };
    return {
      level,
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = level(left[p]!, right[p]!);
      },
      tfKey: (i) => (ids[i]! < 0 ? null : dict.values[ids[i]!]!),
    };
  },
};
