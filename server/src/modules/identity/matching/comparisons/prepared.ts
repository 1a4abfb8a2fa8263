// What every comparison kind provides once a batch of records has been prepared for it.
import type { ComparisonSpec, MatchRecord } from "../types";

export interface PreparedComparison {
  /** Level of records i and j: 0 when either value is missing, else 1 (best) .. levelCount. */
  level(i: number, j: number): number;
  /**
   * Levels of `count` pairs (left[p], right[p]) into out[offset + p]. Each kind runs its own loop, so the
   * per-pair call is monomorphic and inlined; a shared loop over all comparisons is several times slower.
   */
  levels(left: Int32Array, right: Int32Array, count: number, out: Uint8Array, offset: number): void;
  /** The value whose frequency adjusts the term-frequency levels, per record; null when missing. */
  tfKey(i: number): string | null;
}

export interface LevelScheme {
  readonly labels: readonly string[];
  /** Per level: is its weight adjusted by the frequency of the agreeing value? */
  readonly termFrequency: readonly boolean[];
}

/** State shared by the comparisons of one prepared batch (one name dictionary for all name fields). */
export type SharedState = Map<string, unknown>;

export interface ComparisonKind<S extends ComparisonSpec> {
  levels(spec: S): LevelScheme;
  prepare(spec: S, records: readonly MatchRecord[], shared: SharedState): PreparedComparison;
}
