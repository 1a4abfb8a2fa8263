/** How many durations took each whole number of minutes: `minutes[i]` was seen `counts[i]` times. */
export interface MinuteCounts {
  minutes: readonly number[];
  counts: readonly number[];
}

/**
 * The p-th percentile (0..1) of durations counted by the minute, interpolated between the two nearest
 * ranks exactly as PostgreSQL's percentile_cont does over the durations themselves; null when none
 * were counted. The database counts the durations per minute and this reads the ranks off the counts,
 * so no report sorts millions of rows.
 */
export function percentileOfCounts(h: MinuteCounts, p: number): number | null {
  const order = h.minutes
    .map((_, i) => i)
    .sort((a, b) => (h.minutes[a] as number) - (h.minutes[b] as number));
  const n = order.reduce((s, i) => s + (h.counts[i] as number), 0);
  if (n === 0) return null;
  const position = p * (n - 1);
  const below = Math.floor(position);
  // The value at a 0-based rank among the sorted durations.
  const at = (rank: number) => {
    let seen = 0;
    for (const i of order) {
      seen += h.counts[i] as number;
      if (rank < seen) return h.minutes[i] as number;
    }
    return h.minutes[order[order.length - 1] as number] as number;
  };
  const low = at(below);
  if (position === below) return low;
  return low + (position - below) * (at(below + 1) - low);
}

/** A percentile of durations counted by the minute, in hours. */
export function hoursPercentile(h: MinuteCounts, p: number): number | null {
  const minutes = percentileOfCounts(h, p);
  return minutes === null ? null : minutes / 60;
}
