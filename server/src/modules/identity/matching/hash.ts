// Two independent 32-bit string hashes (64 bits together): blocking keys are grouped by hash instead of
// by string so that a million records' keys never have to live in memory as strings at once.

let hashHi = 0;
let hashLo = 0;

/** Both seeds' hashes in one pass over the string, left in hashHi / hashLo. */
function hash64(s: string): void {
  let h1 = (0x811c9dc5 ^ 0x9e3779b9) >>> 0;
  let h2 = (0x811c9dc5 ^ 0x7f4a7c15) >>> 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  hashHi = fmix(h1);
  hashLo = fmix(h2 ^ 0x5bd1e995);
}

function fmix(h: number): number {
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
    hash64(key);
    const h1 = hashHi;
    const h2 = hashLo;
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
