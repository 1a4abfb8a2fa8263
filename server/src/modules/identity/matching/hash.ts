// Two independent 32-bit string hashes (64 bits together): blocking keys are grouped by hash instead of
// by string so that a million records' keys never have to live in memory as strings at once.

/** FNV-1a style 32-bit hash of the UTF-16 code units with a seed. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so similar keys spread over the table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Open-addressing map from a 64-bit string hash to a dense id (0, 1, 2, ... in first-seen order). */
export class HashIds {
  private capacity: number;
  private hi: Int32Array;
  private lo: Int32Array;
  private ids: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    this.capacity = 1 << Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.hi = new Int32Array(this.capacity);
    this.lo = new Int32Array(this.capacity);
    this.ids = new Int32Array(this.capacity).fill(-1);
  }

  /** Id of the key, and whether it was just added. */
  id(key: string): number {
    const h1 = hash32(key, 0x9e3779b9);
    const h2 = hash32(key, 0x7f4a7c15);
    const found = this.find(h1, h2);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    this.insert(h1, h2, this.size);
    return this.size++;
  }

  private find(h1: number, h2: number): number {
    const mask = this.capacity - 1;
    let slot = h1 & mask;
    for (;;) {
      const id = this.ids[slot]!;
      if (id < 0) return -1;
      if (this.hi[slot] === h1 && this.lo[slot] === h2) return id;
      slot = (slot + 1) & mask;
    }
  }

  private insert(h1: number, h2: number, id: number): void {
    const mask = this.capacity - 1;
    let slot = h1 & mask;
    while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
    this.hi[slot] = h1;
    this.lo[slot] = h2;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { hi, lo, ids } = this;
    this.capacity *= 2;
    this.hi = new Int32Array(this.capacity);
    this.lo = new Int32Array(this.capacity);
    this.ids = new Int32Array(this.capacity).fill(-1);
    for (let s = 0; s < ids.length; s++) if (ids[s]! >= 0) this.insert(hi[s]!, lo[s]!, ids[s]!);
  }
}
