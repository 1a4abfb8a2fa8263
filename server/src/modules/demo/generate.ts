import type { Logger } from "pino";
import type { Database } from "../../platform/db/database";
import { deduplicateAll, loadAllMatchRecords } from "../identity/dedup.service";
import { createMatcher, MatcherProvider, trainAndActivate } from "../identity/matcher";
import { shippedModels } from "../identity/shippedModels";
import { systemProcess } from "../staff/actor";
import { isoToDay } from "./dates";
import { DEMO_DEALERSHIPS } from "./orgStructure";
import { createRng, WeightedTable } from "./random";
import { seedStaff } from "./seedStaff";
import { demoStaffRoster } from "./staffRoster";
import { seedStock } from "./stock";
import { companyStory } from "./story/company";
import { personStory } from "./story/person";
import { DemoWorld, type TableName } from "./world";

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
  rows: Partial<Record<TableName, number>>;
  matching: { merged: number; queued: number; seconds: number } | "skipped";
}

/** Companies among the group's clients: fleets of small firms and sole traders. */
const COMPANY_SHARE = 0.08;
const FLUSH_EVERY = 2000;

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
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const today = isoToDay(asOf);
  const root = createRng(`orbit-demo/${options.seed}`);
  const org = await seedStaff(database.db, demoStaffRoster(root.fork("staff")));
  const dealerships = DEMO_DEALERSHIPS.map((d) => ({ ...d, id: org.dealershipIds.get(d.code)! }));
  const stock = await seedStock(database, dealerships, root.fork("stock"), today);
  const world = new DemoWorld(today, dealerships, org.staff);
  const matcher = createMatcher(shippedModels());
  const selling = dealerships.filter((d) => d.sells);
  const homes = new WeightedTable(
    selling,
    selling.map((d) => d.clientShare),
  );

  const started = Date.now();
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < options.clients; i++) {
    const rng = root.fork(`client/${i}`);
    const home = homes.sample(rng);
    if (rng.chance(COMPANY_SHARE)) companyStory(world, matcher, rng, i, home);
    else personStory(world, matcher, rng, i, home);
    if ((i + 1) % FLUSH_EVERY === 0) {
      // At most one batch in flight: batches reach the database in order, so parents precede children.
      await writing;
      writing = world.flush(database);
      if ((i + 1) % (FLUSH_EVERY * 25) === 0) {
        const rate = Math.round((i + 1) / ((Date.now() - started) / 1000));
        options.log.info({ clients: i + 1, perSecond: rate }, "demo clients written");
      }
    }
  }
  await writing;
  await world.flush(database);
  await resetSequences(database);
  options.log.info(
    { clients: options.clients, seconds: (Date.now() - started) / 1000 },
    "demo history written",
  );

  const match = options.match ?? options.clients <= 200_000;
  let matching: DemoSummary["matching"] = "skipped";
  if (match && options.clients > 0) matching = await matchDemoClients(database, options.log);
  await database.query("ANALYZE");
  return {
    asOf,
    clients: options.clients,
    dealerships: dealerships.length,
    staff: org.staff.length,
    stock,
    rows: world.counts(),
    matching,
  };
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

/** Rows were written with explicit ids; the identity sequences continue after the largest. */
async function resetSequences(database: Database): Promise<void> {
  for (const table of ["parties", "source_records", "vehicles", "deals", "work_orders"]) {
    await database.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
    );
  }
}
