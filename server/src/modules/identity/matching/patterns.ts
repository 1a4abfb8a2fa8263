// Comparison vectors counted by distinct pattern: a million candidate pairs usually show only a few
// thousand distinct level combinations, so EM iterates over those instead of over pairs.

export interface Patterns {
  readonly comparisons: number;
  /** Pattern p's levels are levels[p * comparisons .. (p + 1) * comparisons). */
  readonly levels: Uint8Array;
  readonly counts: Float64Array;
  readonly total: number;
}

export class PatternCounter {
  private readonly counts = new Map<number, number>();
  private readonly radix: number;

  constructor(
    readonly comparisons: number,
    maxLevel: number,
  ) {
    this.radix = maxLevel + 1;
    if (this.radix ** comparisons > Number.MAX_SAFE_INTEGER)
      throw new Error("too many comparisons to encode");
  }

  add(levels: Uint8Array, count = 1): void {
    let key = 0;
    for (let c = this.comparisons - 1; c >= 0; c--) key = key * this.radix + levels[c]!;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  patterns(): Patterns {
    const k = this.comparisons;
    const levels = new Uint8Array(this.counts.size * k);
    const counts = new Float64Array(this.counts.size);
    let p = 0;
    let total = 0;
    for (const [key, count] of this.counts) {
      let rest = key;
      for (let c = 0; c < k; c++) {
        levels[p * k + c] = rest % this.radix;
        rest = Math.floor(rest / this.radix);
      }
      counts[p++] = count;
      total += count;
    }
    return { comparisons: k, levels, counts, total };
  }
}
