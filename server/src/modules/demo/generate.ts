import type { Logger } from "pino";
import { withIndexesDeferred } from "../../platform/db/bulkLoad";
import type { Database } from "../../platform/db/database";
import { startWorker } from "../../platform/threads/startWorker";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { refreshProcessFacts } from "../analytics/processFacts.service";
import { refreshSegments } from "../engagement/segments.service";
import { deduplicateAll, loadAllMatchRecords } from "../identity/dedup.service";
import { MatcherProvider, trainAndActivate } from "../identity/matcher";
import { shippedModels } from "../identity/shippedModels";
import { createEventSource } from "../scenarios/eventSources.service";
import { systemProcess } from "../staff/actor";
import { evaluateWorklists, rebuildLifecycleHistory } from "../tasks/evaluate.service";
import { type ClientsJob, DEMO_PARTS, generateClients } from "./clients";
import type { FromWorker, ToWorker } from "./clientsWorker";
import { isoToDay } from "./dates";
import { openDemoDeals } from "./deals";
import { DEMO_DEALERSHIPS, DEMO_SITE_KEY } from "./orgStructure";
import { seedDemoPortalClients } from "./portalClients";
import { createRng } from "./random";
import { seedStaff } from "./seedStaff";
import { logDemoServiceSteps } from "./serviceSteps";
import { demoStaffRoster } from "./staffRoster";
import { seedStock } from "./stock";
import { planDemoWorkshops, seedDemoWorkshops } from "./workshop";
import { type CopyBatch, type TableName, WORLD_TABLES } from "./world";

export interface DemoOptions {
  clients: number;
  seed: number;
  log: Logger;
  /** "Today" of the generated history, YYYY-MM-DD; default the real today. Same seed and day, same data. */
  asOf?: string;
  /** Run matching over the generated clients (merge and queue duplicates). Default: up to 200,000 clients. */
  match?: boolean;
}

export interface DemoSummary {
  asOf: string;
  clients: number;
  dealerships: number;
  staff: number;
  stock: number;
  workshop: { planned: number; unplanned: number; lines: number; seconds: number };
  /** Deals in progress made for the demo logins (waiting for the appraiser, for F&I, for the buyer's data). */
  deals: number;
  rows: Partial<Record<TableName, number>>;
  matching: { merged: number; queued: number; seconds: number } | "skipped";
  worklists: {
    lifecycleHistory: { points: number; converted: number; taken: number; missed: number };
    segmentsChanged: number;
    needs: number;
    held: Record<string, number>;
    tasks: number;
    lifecyclePoints: number;
    seconds: number;
  };
}

/** True once anything has been written: the demo is only generated into an empty database. */
export async function hasAnyData(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM dealerships");
  return (row?.n ?? 0) > 0;
}

/**
 * Generates the demo dealer group: dealerships, staff, stock, and `clients` clients with five years
 * of purchases, service visits, insurance, credits and contacts, some typed twice by different
 * dealerships. Deterministic for a seed and an as-of day.
 */
export async function generateDemoGroup(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const asOf = options.asOf ?? dealerDay();
  const today = isoToDay(asOf);
  const root = createRng(`orbit-demo/${options.seed}`);
  const org = await seedStaff(database.db, demoStaffRoster(root.fork("staff")));
  const dealerships = DEMO_DEALERSHIPS.map((d) => ({ ...d, id: org.dealershipIds.get(d.code)! }));
  const stock = await seedStock(database, dealerships, root.fork("stock"), today);
  await seedDemoWorkshops(database.db, dealerships, root.fork("workshop"));
  const jobs: ClientsJob[] = Array.from({ length: DEMO_PARTS }, (_, part) => ({
    seed: options.seed,
    asOf,
    clients: options.clients,
    dealerships,
    staff: org.staff,
    part,
  }));
  const started = Date.now();
  const doneByPart = jobs.map(() => 0);
  let reported = 0;
  const progress = (part: number) => (done: number) => {
    doneByPart[part] = done;
    const total = doneByPart.reduce((a, b) => a + b, 0);
    if (Math.floor(total / 50_000) > Math.floor(reported / 50_000)) {
      options.log.info(
        { clients: total, perSecond: Math.round(total / ((Date.now() - started) / 1000)) },
        "demo clients written",
      );
    }
    reported = total;
  };
  const write = (batch: CopyBatch | WorkerBatch) => writeBatch(database, batch);
  const generateParts = async () => {
    // In worker threads the parts are generated at once, each streamed on its own connection.
    const parts = useWorker(options)
      ? await Promise.all(jobs.map((job) => generateInWorker(job, write, progress(job.part))))
      : await inTurn(jobs, (job) => generateClients(job, write, progress(job.part)));
    return sumCounts(parts);
  };
  const counts = await withIndexesDeferred(database, WORLD_TABLES, generateParts);
  await resetSequences(database);
  // The workshop's midday: yesterday's and today's jobs and the coming weeks' bookings on the boards.
  const workshop = await planDemoWorkshops(
    database,
    asOf,
    new Date(`${asOf}T09:00:00Z`),
    root.fork("workshop-plan"),
    options.log,
  );
  options.log.info(
    { clients: options.clients, seconds: (Date.now() - started) / 1000 },
    "demo history written",
  );
  // The workshop's logged steps and the process facts touch nothing the matching or the day's run
  // reads: on PostgreSQL they are written on a connection of their own meanwhile, so both cores work.
  const serviceLog = database.kind === "postgres" ? logServiceSteps(database, asOf, options.log) : null;
  serviceLog?.catch(() => {}); // awaited below; until then a failure must not end the process unhandled
  const serviceStepsDone = serviceLog ?? (await logServiceSteps(database, asOf, options.log));

  const match = options.match ?? options.clients <= 200_000;
  let matching: DemoSummary["matching"] = "skipped";
  if (match && options.clients > 0) matching = await matchDemoClients(database, options.log);
  await database.query("ANALYZE");
  const worklists = await openTheDay(database, asOf, options);
  await serviceStepsDone;
  // The day's run wrote millions of points and tasks, and the workshop's steps were logged, after the
  // statistics above were taken.
  await database.query("ANALYZE lifecycle_points, tasks, parties, action_log, process_events, process_cases");
  options.log.info(worklists, "demo work lists made");
  const deals = options.clients > 0 ? await database.db.transaction((tx) => openDemoDeals(tx)) : 0;
  const portalPhones = options.clients > 0 ? await seedDemoPortalClients(database.db, asOf) : [];
  // The deals just opened logged their first steps.
  await refreshProcessFacts(database.db);
  options.log.info({ phones: portalPhones }, "demo portal clients signed up");
  return {
    asOf,
    clients: options.clients,
    dealerships: dealerships.length,
    staff: org.staff.length,
    stock,
    workshop,
    deals,
    rows: counts,
    matching,
    worklists,
  };
}

/**
 * The morning of the as-of day, as the daily run would make it: the demo web site connected with its
 * known key, segments brought up to date, and the day's tasks from every standard and scenario.
 */
async function openTheDay(database: Database, asOf: string, options: DemoOptions) {
  const by = systemProcess("demo");
  // Scenarios look at the last hours of events: the demo's "now" is the as-of day at 09:00 Moscow time.
  const now = new Date(`${asOf}T06:00:00Z`);
  // A year of the spiral, a day a week. The largest demos (benchmarks) take the last two months, a day
  // in four weeks: each day evaluates every standard over every car, the slowest part of the demo.
  const large = options.clients > 200_000;
  const history = await rebuildLifecycleHistory(database.db, asOf, {
    days: large ? 56 : 365,
    stepDays: large ? 28 : 7,
    onDay: (day, ms) => options.log.debug({ day, ms }, "demo lifecycle history"),
  });
  options.log.info(history, "demo lifecycle history rebuilt");
  return database.db.transaction(async (tx) => {
    await createEventSource(tx, by, { name: "Demo dealer group web site", source: "site" }, DEMO_SITE_KEY);
    const segments = await refreshSegments(tx, asOf);
    const result = await evaluateWorklists(tx, { today: asOf, now });
    return {
      lifecycleHistory: history,
      segmentsChanged: segments.changed,
      needs: result.needs,
      held: result.held,
      tasks: result.created,
      lifecyclePoints: result.lifecycle.points,
      seconds: result.ms / 1000,
    };
  });
}

async function logServiceSteps(database: Database, asOf: string, log: Logger): Promise<number> {
  const started = Date.now();
  const serviceSteps = await logDemoServiceSteps(database, asOf);
  // Process mining reads facts a background job keeps; a fresh demo has them from the start.
  const processFacts = await refreshProcessFacts(database.db);
  log.info(
    { serviceSteps, processCases: processFacts.cases, seconds: (Date.now() - started) / 1000 },
    "demo workshop steps logged",
  );
  return serviceSteps;
}

/**
 * Trains the matching models on the generated clients (as a dealer's own data would be used),
 * then merges the duplicates the dealerships typed and queues the uncertain ones for review.
 */
async function matchDemoClients(database: Database, log: Logger) {
  const started = Date.now();
  const by = systemProcess("demo");
  let merged = 0;
  let queued = 0;
  for (const kind of ["person", "company"] as const) {
    const records = await loadAllMatchRecords(database, kind);
    if (records.length < 1000) continue;
    await trainAndActivate(
      database.db,
      kind,
      records.map((r) => r.record),
    );
  }
  const matcher = await new MatcherProvider(shippedModels).get(database.db);
  for (const kind of ["person", "company"] as const) {
    const summary = await deduplicateAll(database, by, matcher, kind);
    log.info({ kind, ...summary }, "demo clients matched");
    merged += summary.merged;
    queued += summary.queued;
  }
  return { merged, queued, seconds: (Date.now() - started) / 1000 };
}

async function writeBatch(database: Database, batch: CopyBatch | WorkerBatch): Promise<void> {
  for (const part of batch) {
    await database.copyCsv(part.table, part.columns, ["csv" in part ? part.csv : part.bytes]);
  }
}

type WorkerBatch = Extract<FromWorker, { kind: "batch" }>["parts"];

/**
 * Large demos are generated in a worker thread: the main thread streams each batch to the database
 * while the worker builds the next. Tests and small demos run in the same thread (same output).
 */
function useWorker(options: DemoOptions): boolean {
  const setting = process.env.ORBIT_DEMO_WORKER;
  if (setting === "never" || process.env.VITEST) return false;
  return setting === "always" || options.clients >= 5_000;
}

function generateInWorker(
  job: ClientsJob,
  write: (batch: WorkerBatch) => Promise<void>,
  progress: (done: number) => void,
): Promise<Record<TableName, number>> {
  const worker = startWorker(new URL("./clientsWorker.ts", import.meta.url), "demo-clients-worker.mjs", job);
  return new Promise((resolve, reject) => {
    let queue = Promise.resolve();
    worker.on("message", (m: FromWorker) => {
      if (m.kind === "batch") {
        queue = queue
          .then(() => write(m.parts))
          .then(() => worker.postMessage({ kind: "ack", seq: m.seq } satisfies ToWorker))
          .catch((err: unknown) => {
            void worker.terminate();
            reject(err);
          });
      } else if (m.kind === "progress") progress(m.done);
      else if (m.kind === "done")
        queue.then(() => worker.terminate()).then(() => resolve(m.counts as Record<TableName, number>));
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.on("error", reject);
  });
}

async function inTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}

function sumCounts(parts: Record<TableName, number>[]): Record<TableName, number> {
  const total = {} as Record<TableName, number>;
  for (const counts of parts) {
    for (const [table, n] of Object.entries(counts) as [TableName, number][])
      total[table] = (total[table] ?? 0) + n;
  }
  return total;
}

/** Rows were written with explicit ids; the identity sequences continue after the largest. */
async function resetSequences(database: Database): Promise<void> {
  for (const table of ["parties", "source_records", "vehicles", "deals", "work_orders"]) {
    await database.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
    );
  }
}
