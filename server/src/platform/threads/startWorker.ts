import { type ResourceLimits, Worker } from "node:worker_threads";

/**
 * Starts a worker thread on one of Orbit's worker modules: from the sources (run by tsx) the module's
 * .ts file, in the bundle the file build.mjs emits beside orbit.mjs under `bundled`.
 */
export function startWorker(
  source: URL,
  bundled: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL(`./${bundled}`, import.meta.url), { workerData, resourceLimits });
  // A worker does not inherit tsx's loader in Node 20, so from the sources it registers it first.
  return new Worker(
    `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`,
    { eval: true, workerData, resourceLimits },
  );
}
