// A closed-loop load generator: N workers each send a request, wait for the answer (and, as a person
// would, a pause to read it), send the next, for a fixed time. Latencies are recorded per request.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Runs `task(i)` from `concurrency` workers for `seconds`; a task that throws counts as an error. With
 * `thinkMs`, each worker pauses between 0.5 and 1.5 times that long after each answer.
 */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  task: (i: number) => Promise<void>,
  thinkMs = 0,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = next++;
        const t = performance.now();
        try {
          await task(i);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function line(label: string, r: LoadResult): string {
  return `${label.padEnd(34)} ${String(r.requests).padStart(7)} req  ${r.perSecond.toFixed(0).padStart(5)}/s  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  errors ${r.errors}`;
}
