// String similarity for the comparison levels. Hand-written over charCodeAt with reused typed-array
// buffers because this runs on every candidate pair (tens of millions in a batch run); see
// docs/matching.md for the measurement against npm packages.

// Matched-character marks, reused across calls. Instead of clearing them, each call uses a fresh stamp
// value: a position counts as matched when it holds the current stamp.
let marksA = new Int32Array(64);
let marksB = new Int32Array(64);
let stamp = 0;

function freshMarks(size: number): number {
  if (marksA.length < size) {
    marksA = new Int32Array(size * 2);
    marksB = new Int32Array(size * 2);
    stamp = 0;
  }
  if (++stamp === 0x7fffffff) {
    marksA.fill(0);
    marksB.fill(0);
    stamp = 1;
  }
  return stamp;
}

/**
 * Jaro similarity in [0, 1]. With `atLeast`, the scan stops as soon as the result can no longer reach
 * that value and returns 0 instead: most candidate pairs compare clearly different strings, and only
 * the band a value falls in matters to the comparison levels.
 */
export function jaro(a: string, b: string, atLeast = 0): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Best case for m matches: no transpositions, so (m/la + m/lb + 1) / 3.
  const shorter = Math.min(la, lb);
  if ((shorter / la + shorter / lb + 1) / 3 < atLeast) return 0;
  const longer = Math.max(la, lb);
  const s = freshMarks(longer);
  const ma = marksA;
  const mb = marksB;
  const range = Math.max(0, (longer >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    let found = false;
    for (let j = lo; j <= hi; j++) {
      if (mb[j] !== s && b.charCodeAt(j) === c) {
        ma[i] = s;
        mb[j] = s;
        matches++;
        found = true;
        break;
      }
    }
    if (!found && atLeast > 0) {
      const best = Math.min(lb, matches + la - i - 1);
      if ((best / la + best / lb + 1) / 3 < atLeast) return 0;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] !== s) continue;
    while (mb[k] !== s) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
}

/**
 * Jaro-Winkler similarity: Jaro plus a bonus for a common prefix of up to four characters, applied only
 * above Jaro 0.7 as in Winkler's original (a shared first letter says little about unrelated strings).
 * With `atLeast`, any result below it may be returned as 0 (see jaro).
 */
export function jaroWinkler(a: string, b: string, atLeast = 0): number {
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const boost = prefix * 0.1;
  // The Jaro value needed for the boosted result to reach atLeast (a lower bound, so never too strict).
  const needed = atLeast > 0 ? Math.min(atLeast, (atLeast - boost) / (1 - boost)) : 0;
  const j = jaro(a, b, needed);
  if (j <= 0.7) return j;
  return j + boost * (1 - j);
}

let rows = new Int32Array(3 * 64);

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
 * substitutions and adjacent transpositions), capped: returns max + 1 as soon as the distance must
 * exceed `max`, which keeps the hot loop short for clearly different strings.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  // A common prefix and suffix cost nothing; identifiers that differ in one place shrink to a few cells.
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const la = endA - start;
  const lb = endB - start;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb > max ? max + 1 : lb;
  if (lb === 0) return la > max ? max + 1 : la;
  const width = lb + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  const r = rows;
  // Three rows in one array: the row before last, the last, the current; rotated by offset.
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j <= lb; j++) r[prev + j] = j;
  for (let i = 1; i <= la; i++) {
    r[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(start + i - 1);
    const caPrev = i > 1 ? a.charCodeAt(start + i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(start + j - 1);
      let d = r[prev + j - 1]! + (ca === cb ? 0 : 1);
      const del = r[prev + j]! + 1;
      if (del < d) d = del;
      const ins = r[cur + j - 1]! + 1;
      if (ins < d) d = ins;
      if (j > 1 && ca === b.charCodeAt(start + j - 2) && caPrev === cb) {
        const tr = r[prev2 + j - 2]! + 1;
        if (tr < d) d = tr;
      }
      r[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const result = r[prev + lb]!;
  return result > max ? max + 1 : result;
}

/**
 * True when the optimal-string-alignment distance is at most 1 (equal, or one substitution, insertion,
 * deletion or adjacent transposition). Linear and allocation-free: the phone, document and VIN checks
 * run it on every value pair of every candidate pair.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    // First difference at i: either a substitution (rest equal) or a transposition of i and i + 1.
    let rest = i + 1;
    while (rest < la && a.charCodeAt(rest) === b.charCodeAt(rest)) rest++;
    if (rest === la) return true;
    if (i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i)) {
      for (let k = i + 2; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
      return true;
    }
    return false;
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  for (let k = i; k < short.length; k++) if (long.charCodeAt(k + 1) !== short.charCodeAt(k)) return false;
  return true;
}
