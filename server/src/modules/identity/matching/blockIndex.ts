// Blocks as compressed arrays: which records share each key, and each record's keys. Candidate pairs are
// generated record by record with a stamp array instead of a set of seen pairs, so memory stays linear
// in the number of records and pairs can be scored as they are produced.
import { HashIds } from "./hash";
import type { SkippedBlock } from "./types";

export interface BlockIndex {
  readonly records: number;
  readonly maxBlockSize: number;
  /** Per block: members (record indices, ascending) between blockOffsets[b] and blockOffsets[b + 1]. */
  readonly blockOffsets: Int32Array;
  readonly blockMembers: Int32Array;
  /** Per record: its blocks and its position in each, between recordOffsets[i] and recordOffsets[i + 1]. */
  readonly recordOffsets: Int32Array;
  readonly recordBlocks: Int32Array;
  readonly recordPositions: Int32Array;
  /** Blocks larger than maxBlockSize, which produce no pairs. */
  readonly skipped: readonly SkippedBlock[];
}

export function buildBlockIndex(
  records: number,
  keysOf: (i: number) => readonly string[],
  maxBlockSize: number,
): BlockIndex {
  const ids = new HashIds(records * 4);
  const recordOffsets = new Int32Array(records + 1);
  let recordBlocks = new Int32Array(records * 4 + 16);
  let sizes = new Int32Array(1024);
  const bigKeys = new Map<number, string>();
  let n = 0;
  for (let i = 0; i < records; i++) {
    const start = n;
    for (const key of keysOf(i)) {
      const b = ids.id(key);
      if (b >= sizes.length) sizes = grow(sizes, b + 1);
      // A record listing the same key twice (two equal phones) joins the block once.
      let dup = false;
      for (let k = start; k < n; k++) if (recordBlocks[k] === b) dup = true;
      if (dup) continue;
      if (n >= recordBlocks.length) recordBlocks = grow(recordBlocks, n + 1);
      recordBlocks[n++] = b;
      const size = ++sizes[b]!;
      if (size === maxBlockSize + 1) bigKeys.set(b, key);
    }
    recordOffsets[i + 1] = n;
  }
  const blocks = ids.size;
  const blockOffsets = new Int32Array(blocks + 1);
  for (let b = 0; b < blocks; b++) blockOffsets[b + 1] = blockOffsets[b]! + sizes[b]!;
  const fill = blockOffsets.slice(0, blocks);
  const blockMembers = new Int32Array(n);
  const recordPositions = new Int32Array(n);
  for (let i = 0; i < records; i++) {
    for (let k = recordOffsets[i]!; k < recordOffsets[i + 1]!; k++) {
      const b = recordBlocks[k]!;
      const at = fill[b]!++;
      blockMembers[at] = i;
      recordPositions[k] = at;
    }
  }
  const skipped = [...bigKeys].map(([b, key]) => ({ key, size: sizes[b]! })).sort((a, b) => b.size - a.size);
  return {
    records,
    maxBlockSize,
    blockOffsets,
    blockMembers,
    recordOffsets,
    recordBlocks: recordBlocks.slice(0, n),
    recordPositions,
    skipped,
  };
}

function grow(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Calls visit(i, j) once for every candidate pair with i in [from, to) and j > i. `stamp` is scratch
 * space of length `records` (pass the same one between calls to avoid reallocating; its content is
 * overwritten). Returns the number of pairs visited.
 */
export function forEachCandidate(
  index: BlockIndex,
  from: number,
  to: number,
  visit: (i: number, j: number) => void,
  stamp: Int32Array = new Int32Array(index.records),
): number {
  stamp.fill(-1);
  const { blockOffsets, blockMembers, recordOffsets, recordBlocks, recordPositions, maxBlockSize } = index;
  let pairs = 0;
  for (let i = from; i < to; i++) {
    for (let k = recordOffsets[i]!; k < recordOffsets[i + 1]!; k++) {
      const b = recordBlocks[k]!;
      const end = blockOffsets[b + 1]!;
      if (end - blockOffsets[b]! > maxBlockSize) continue;
      for (let p = recordPositions[k]! + 1; p < end; p++) {
        const j = blockMembers[p]!;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        pairs++;
        visit(i, j);
      }
    }
  }
  return pairs;
}
