// Seeded randomness for the demo data set. The same seed must give the same dealer group on every
// machine, and adding a field to one generator must not reshuffle every other one, hence named forks.
//
// The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state): it passes
// PractRand, needs only 32-bit integer operations, which V8 runs without allocating, and is a dozen
// lines, so we take no dependency (pure-rand is not in the tree, and its API allocates per draw).

export interface Rng {
  /** The seed path: the root seed followed by fork labels ("42/client:17/cars"). */
  readonly path: string;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  /**
   * One of xs with probability proportional to weights. The alias table is built once per weights array
   * (by identity), so keep weights in a constant; a fresh array literal per call rebuilds it every time.
   */
  weighted<T>(xs: readonly T[], weights: readonly number[]): T;
  chance(p: number): boolean;
  normal(mean: number, sd: number): number;
  /** Uniform instant in [from, to). */
  date(from: Date | string, to: Date | string): Date;
  /** An independent stream that depends only on this stream's path and the label, not on draws so far. */
  fork(label: string): Rng;
}

// cyrb128: a fast 128-bit string hash, used only to spread a seed path over sfc32's four state words.
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Walker's alias method: O(n) to build, two draws and no search to sample. */
export class WeightedTable<T> {
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    const n = items.length;
    if (n === 0 || weights.length !== n)
      throw new Error("weighted: items and weights must be non-empty and equal");
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weighted: bad weight ${w}`);
      total += w;
    }
    if (total <= 0) throw new Error("weighted: weights sum to zero");
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => {
      (p < 1 ? small : large).push(i);
    });
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1; // only rounding leftovers
  }

  sampleIndex(rng: Rng): number {
    const u = rng.next() * this.items.length;
    const i = Math.floor(u);
    return u - i < this.prob[i]! ? i : this.alias[i]!;
  }

  sample(rng: Rng): T {
    return this.items[this.sampleIndex(rng)]!;
  }
}

// Index tables cached per weights array: callers that keep their weights in a constant pay once, and the
// items may differ from call to call (only their count must match).
const tables = new WeakMap<readonly number[], WeightedTable<number>>();

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly path: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(path);
    // Mix the hashed state before the first output, as the sfc32 author recommends.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.uint32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error("pick: empty list");
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    if (xs.length !== weights.length) throw new Error("weighted: items and weights must be equal in length");
    let table = tables.get(weights);
    if (!table) {
      table = new WeightedTable(
        weights.map((_, i) => i),
        weights,
      );
      tables.set(weights, table);
    }
    return xs[table.sampleIndex(this)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(mean: number, sd: number): number {
    // Box-Muller without caching the second value, so every call consumes exactly two draws.
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  date(from: Date | string, to: Date | string): Date {
    const a = new Date(from).getTime();
    const b = new Date(to).getTime();
    return new Date(a + Math.floor(this.next() * (b - a)));
  }

  fork(label: string): Rng {
    return new Sfc32(`${this.path}/${label}`);
  }
}

export function createRng(seed: number | string): Rng {
  return new Sfc32(String(seed));
}

/**
 * Independent named streams for one generated entity. It takes one draw from rng, so the next call on the
 * same rng (the next client) gets new streams; within a call, each label's stream is unaffected by what
 * the others draw, so a field added later under a new label changes nothing already generated.
 */
export function substreams<const K extends string>(rng: Rng, labels: readonly K[]): Record<K, Rng> {
  const salt = rng.uint32().toString(36);
  const out = {} as Record<K, Rng>;
  for (const label of labels) out[label] = rng.fork(`${salt}:${label}`);
  return out;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A bijection on [0, size) that looks random: scatter(0..n-1) are n distinct values without a lookup
 * table, which gives unique phone numbers, VIN serials and plates for a million records in O(1) memory.
 * A four-round Feistel network on the next even power of two, walking the cycle until inside the range.
 */
export function scatter(index: number, size: number, key = 0): number {
  if (!(index >= 0 && index < size && Number.isInteger(index)) || size > 2 ** 30) {
    throw new RangeError(`scatter: index ${index} outside [0, ${size})`);
  }
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  let x = index;
  do {
    let l = x >>> half;
    let r = x & mask;
    for (let round = 1; round <= 4; round++) {
      const f = fmix32(r ^ Math.imul(round, 0x9e3779b9) ^ key) & mask;
      const next = l ^ f;
      l = r;
      r = next;
    }
    x = l * 2 ** half + r;
  } while (x >= size);
  return x;
}
