// Person-name parts. All name fields of a batch share one dictionary, so a first name typed into the
// last-name field can be compared across fields (see score.ts for the swap).
import { Dictionary } from "../dictionary";
import { jaroWinkler } from "../similarity";
import { cachedSkeleton as skeleton } from "../skeleton";
import { fieldString, lettersOnly } from "../text";
import type { MatchRecord, NameComparisonSpec } from "../types";
import type { ComparisonKind, LevelScheme, PreparedComparison, SharedState } from "./prepared";

const BASE = [
  "exact",
  "same transliteration",
  "Jaro-Winkler >= 0.92",
  "Jaro-Winkler >= 0.88",
  "Jaro-Winkler >= 0.70",
];

export interface NameDictionary {
  readonly values: Dictionary;
  /** Raw typed value -> entry, so a name typed the same way twice is normalised once. */
  readonly raw: Map<string, number>;
  /** Per entry: skeleton id, skeleton text, typed as a single letter. */
  readonly skeletonId: number[];
  readonly skeleton: string[];
  readonly initial: boolean[];
  readonly skeletons: Dictionary;
}

function nameDictionary(shared: SharedState): NameDictionary {
  let dict = shared.get("name") as NameDictionary | undefined;
  if (!dict) {
    dict = {
      values: new Dictionary(),
      raw: new Map(),
      skeletonId: [],
      skeleton: [],
      initial: [],
      skeletons: new Dictionary(),
    };
    shared.set("name", dict);
  }
  return dict;
}

function entryOf(dict: NameDictionary, raw: string): number {
  const known = dict.raw.get(raw);
  if (known !== undefined) return known;
  const id = newEntry(dict, raw);
  dict.raw.set(raw, id);
  return id;
}

function newEntry(dict: NameDictionary, raw: string): number {
  const norm = lettersOnly(raw);
  if (!norm) return -1;
  const before = dict.values.size;
  const id = dict.values.id(norm);
  if (id === before) {
    const skel = skeleton(norm);
    dict.skeleton.push(skel);
    dict.skeletonId.push(dict.skeletons.id(skel));
    dict.initial.push(norm.length === 1);
  }
  return id;
}

export interface PreparedName extends PreparedComparison {
  readonly entries: Int32Array;
  /** Level of two dictionary entries (either may come from another name field). */
  entryLevel(a: number, b: number): number;
  /** Both entries present with the same skeleton (cheap). */
  sameSkeleton(a: number, b: number): boolean;
}

export const nameKind = {
  levels(spec: NameComparisonSpec): LevelScheme {
    const labels = [...BASE, ...(spec.initials ? ["initial only"] : []), "different"];
    const tf = spec.termFrequency === true;
    return { labels, termFrequency: labels.map((_, i) => tf && i < 2) };
  },

  prepare(spec: NameComparisonSpec, records: readonly MatchRecord[], shared: SharedState): PreparedName {
    const dict = nameDictionary(shared);
    const entries = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = fieldString(records[i]![spec.field]);
      entries[i] = raw === null ? -1 : entryOf(dict, raw);
    }
    const initials = spec.initials === true;
    const different = initials ? 7 : 6;
    const entryLevel = (a: number, b: number): number => {
      if (a < 0 || b < 0) return 0;
      if (a === b) return 1;
      const sa = dict.skeleton[a]!;
      const sb = dict.skeleton[b]!;
      // A lone initial agrees with any name starting with it and says nothing more.
      if (dict.initial[a] || dict.initial[b]) {
        if (!initials) return different;
        return sa.charCodeAt(0) === sb.charCodeAt(0) ? 6 : different;
      }
      if (dict.skeletonId[a] === dict.skeletonId[b]) return 2;
      const jw = jaroWinkler(sa, sb, 0.7);
      if (jw >= 0.92) return 3;
      if (jw >= 0.88) return 4;
      if (jw >= 0.7) return 5;
      return different;
    };
    return {
      entries,
      entryLevel,
      sameSkeleton: (a, b) => a >= 0 && b >= 0 && dict.skeletonId[a] === dict.skeletonId[b],
      level: (i, j) => entryLevel(entries[i]!, entries[j]!),
      levels(left, right, count, out, offset) {
        for (let p = 0; p < count; p++) out[offset + p] = entryLevel(entries[left[p]!]!, entries[right[p]!]!);
      },
      tfKey: (i) => {
        const e = entries[i]!;
        return e < 0 ? null : dict.skeleton[e]!;
      },
    };
  },
} satisfies ComparisonKind<NameComparisonSpec>;
