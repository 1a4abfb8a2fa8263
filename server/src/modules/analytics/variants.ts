/** A case's path through the process as the action log recorded it, with how often it was seen. */
export interface PathCount {
  steps: readonly string[];
  cases: number;
  /** Mean hours from the first step to the last. */
  meanHours: number;
}

export interface Variant {
  steps: string[];
  cases: number;
  share: number;
  meanHours: number;
}

/** A step repeated in a row (a work order's lines saved three times) is one step of the path. */
export function collapseRepeats(steps: readonly string[]): string[] {
  return steps.filter((s, i) => i === 0 || steps[i - 1] !== s);
}

/**
 * The common variants of a process: paths that differ only by repeated steps are one variant, ordered
 * by how many cases took them; the rest beyond `top` are summed into one "other" row (steps empty).
 */
export function discoverVariants(paths: readonly PathCount[], top = 10): Variant[] {
  const merged = new Map<string, { steps: string[]; cases: number; hours: number }>();
  for (const p of paths) {
    const steps = collapseRepeats(p.steps);
    const key = steps.join("\u0001");
    const m = merged.get(key) ?? { steps, cases: 0, hours: 0 };
    m.cases += p.cases;
    m.hours += p.meanHours * p.cases;
    merged.set(key, m);
  }
  const total = paths.reduce((s, p) => s + p.cases, 0);
  const all = [...merged.values()]
    .map((m) => ({
      steps: m.steps,
      cases: m.cases,
      share: m.cases / total,
      meanHours: m.cases ? m.hours / m.cases : 0,
    }))
    .sort((a, b) => b.cases - a.cases || a.steps.join().localeCompare(b.steps.join()));
  if (all.length <= top) return all;
  const rest = all.slice(top);
  const cases = rest.reduce((s, v) => s + v.cases, 0);
  const hours = rest.reduce((s, v) => s + v.meanHours * v.cases, 0);
  return [...all.slice(0, top), { steps: [], cases, share: cases / total, meanHours: hours / cases }];
}
