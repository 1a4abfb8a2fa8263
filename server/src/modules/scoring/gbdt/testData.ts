// Synthetic rows with a known answer, for the learner's and the scorer's tests.
import { sigmoid } from "./model";
import type { Dataset } from "./train";

// A deterministic stream for test data (mulberry32).
export function stream(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Outcome driven by an interaction (x0 high and x1 low), a step in x2, and noise; x3 is irrelevant. */
export function synthetic(rows: number, seed: number): Dataset {
  const r = stream(seed);
  const features = 4;
  const x = new Float32Array(rows * features);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = [r(), r(), r() * 100, r()];
    if (r() < 0.1) v[2] = Number.NaN;
    x.set(v, i * features);
    const z =
      -2 + (v[0]! > 0.6 && v[1]! < 0.4 ? 3 : 0) + (v[2]! > 70 ? 1.5 : 0) + (Number.isNaN(v[2]) ? 1 : 0);
    y[i] = r() < sigmoid(z) ? 1 : 0;
  }
  return { rows, features, x, y };
}
export const NAMES = ["a", "b", "c", "noise"];
