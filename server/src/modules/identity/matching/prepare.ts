// A batch of records prepared for comparison: per comparison, values normalised and interned once, so
// the pair loop only compares integers and short strings.
import { levelScheme, type PreparedComparison, type PreparedName, prepareComparison } from "./comparisons";
import type { MatchRecord, ModelSpec } from "./types";

interface Swap {
  readonly x: number;
  readonly y: number;
  readonly nameX: PreparedName;
  readonly nameY: PreparedName;
  /** Badness of a missing value: the middle level, so a swap is not chosen just to dodge a gap. */
  readonly nullBadnessX: number;
  readonly nullBadnessY: number;
}

export interface PreparedBatch {
  readonly size: number;
  readonly spec: ModelSpec;
  readonly comparisons: readonly PreparedComparison[];
  readonly swaps: readonly Swap[];
}

export function prepareBatch(records: readonly MatchRecord[], spec: ModelSpec): PreparedBatch {
  const shared = new Map<string, unknown>();
  const comparisons = spec.comparisons.map((c) => prepareComparison(c, records, shared));
  const swaps: Swap[] = [];
  for (const [nx, ny] of spec.swappable ?? []) {
    const x = spec.comparisons.findIndex((c) => c.name === nx);
    const y = spec.comparisons.findIndex((c) => c.name === ny);
    const cx = spec.comparisons[x];
    const cy = spec.comparisons[y];
    if (cx?.kind !== "name" || cy?.kind !== "name") {
      throw new Error(`swappable pair ${nx}/${ny} must name two "name" comparisons`);
    }
    swaps.push({
      x,
      y,
      nameX: comparisons[x] as PreparedName,
      nameY: comparisons[y] as PreparedName,
      nullBadnessX: Math.ceil(levelScheme(cx).labels.length / 2),
      nullBadnessY: Math.ceil(levelScheme(cy).labels.length / 2),
    });
  }
  return { size: records.length, spec, comparisons, swaps };
}

/**
 * A chunk of candidate pairs and their levels, comparison-major: the level of comparison c for pair p is
 * levels[c * capacity + p]. Scoring a chunk one comparison at a time keeps each inner loop monomorphic.
 */
export class PairChunk {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly levels: Uint8Array;
  count = 0;

  constructor(
    readonly comparisons: number,
    readonly capacity = 16_384,
  ) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity * comparisons);
  }

  /** Adds a pair; true when the chunk is now full. */
  push(i: number, j: number): boolean {
    this.left[this.count] = i;
    this.right[this.count] = j;
    return ++this.count === this.capacity;
  }
}

/** Fills chunk.levels for the chunk's pairs; same levels as pairLevels gives pair by pair. */
export function chunkLevels(batch: PreparedBatch, chunk: PairChunk): void {
  const { left, right, levels, count, capacity } = chunk;
  batch.comparisons.forEach((comp, c) => {
    comp.levels(left, right, count, levels, c * capacity);
  });
  if (batch.swaps.length === 0) return;
  const k = batch.comparisons.length;
  const one = new Uint8Array(k);
  for (let p = 0; p < count; p++) {
    for (const s of batch.swaps) {
      const lx = levels[s.x * capacity + p]!;
      const ly = levels[s.y * capacity + p]!;
      if (lx === 1 && ly === 1) continue;
      one[s.x] = lx;
      one[s.y] = ly;
      swapLevels(s, left[p]!, right[p]!, one);
      levels[s.x * capacity + p] = one[s.x]!;
      levels[s.y * capacity + p] = one[s.y]!;
    }
  }
}

/**
 * Comparison levels of records i and j into `out` (one byte per comparison). For swappable name fields
 * the arrangement (straight or crossed) with the better levels is used, judged by level rank so that
 * training and scoring make the same choice.
 */
export function pairLevels(batch: PreparedBatch, i: number, j: number, out: Uint8Array): void {
  const comps = batch.comparisons;
  for (let c = 0; c < comps.length; c++) out[c] = comps[c]!.level(i, j);
  for (const s of batch.swaps) swapLevels(s, i, j, out);
}

function swapLevels(s: Swap, i: number, j: number, out: Uint8Array): void {
  const lx = out[s.x]!;
  const ly = out[s.y]!;
  if (lx === 1 && ly === 1) return;
  const ix = s.nameX.entries[i]!;
  const iy = s.nameY.entries[i]!;
  const jx = s.nameX.entries[j]!;
  const jy = s.nameY.entries[j]!;
  // Only try the crossed arrangement when a crossed pair agrees on its skeleton: a swap plus typos in
  // both names is too weak to act on, and this keeps the common case to two integer tests.
  if (!s.nameX.sameSkeleton(ix, jy) && !s.nameX.sameSkeleton(iy, jx)) return;
  const sx = s.nameX.entryLevel(ix, jy);
  const sy = s.nameY.entryLevel(iy, jx);
  const bad = (l: number, nullBad: number) => (l === 0 ? nullBad : l);
  const straight = bad(lx, s.nullBadnessX) + bad(ly, s.nullBadnessY);
  const crossed = bad(sx, s.nullBadnessX) + bad(sy, s.nullBadnessY);
  if (crossed < straight) {
    out[s.x] = sx;
    out[s.y] = sy;
  }
}
