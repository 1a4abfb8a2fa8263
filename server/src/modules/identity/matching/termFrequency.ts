// Value-frequency tables for term-frequency adjustment, built from the training records.
import type { PreparedComparison } from "./comparisons";
import type { TermFrequencyTable } from "./types";

export function termFrequencyTable(prepared: PreparedComparison, records: number): TermFrequencyTable {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < records; i++) {
    const key = prepared.tfKey(i);
    if (key === null) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  let sumSquares = 0;
  const kept: Record<string, number> = {};
  for (const [key, count] of counts) {
    sumSquares += (count / total) ** 2;
    // Values seen once are the long tail; leaving them out keeps the stored model small and they are
    // treated as seen once anyway.
    if (count >= 2) kept[key] = count;
  }
  return { total: Math.max(total, 1), sumSquares: sumSquares || 1, counts: kept };
}
