// Growable typed-array list of scored pairs: millions of pairs as objects would dominate memory and GC.
import type { Links } from "./cluster";

export class LinkBuffer implements Links {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  weight = new Float64Array(1024);
  probability = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, weight: number, probability: number): void {
    if (this.length === this.a.length) {
      const size = this.length * 2;
      const grow = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
        fresh.set(old);
        return fresh;
      };
      this.a = grow(this.a, new Int32Array(size));
      this.b = grow(this.b, new Int32Array(size));
      this.weight = grow(this.weight, new Float64Array(size));
      this.probability = grow(this.probability, new Float64Array(size));
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.weight[this.length] = weight;
    this.probability[this.length++] = probability;
  }

  /** Copies of the filled part, e.g. to post from a worker. */
  trimmed(): Links {
    return {
      a: this.a.slice(0, this.length),
      b: this.b.slice(0, this.length),
      weight: this.weight.slice(0, this.length),
      probability: this.probability.slice(0, this.length),
      length: this.length,
    };
  }

  append(other: Links): void {
    for (let e = 0; e < other.length; e++)
      this.push(other.a[e]!, other.b[e]!, other.weight[e]!, other.probability[e]!);
  }
}
