import { createMatcher } from "../identity/matcher";
import { shippedModels } from "../identity/shippedModels";
import { isoToDay } from "./dates";
import { createRng, WeightedTable } from "./random";
import { companyStory } from "./story/company";
import { personStory } from "./story/person";
import { type CopyBatch, DemoWorld, type StaffMember, type TableName, type WorldDealership } from "./world";

/** Everything needed to generate the clients: plain data, so it can travel to a worker thread. */
export interface ClientsJob {
  seed: number;
  asOf: string;
  clients: number;
  dealerships: WorldDealership[];
  staff: StaffMember[];
  /** Which of the demo's parts to generate (see DEMO_PARTS). */
  part: number;
}

/**
 * The demo is generated in two parts, every other client, each in a world of its own: on two
 * cores both generate at once while the database takes their rows. The number is fixed, not the
 * machine's core count, so a seed gives the same group everywhere.
 */
export const DEMO_PARTS = 2;

/** Writes one batch; the next batch is generated while it is written. */
export type BatchSink = (batch: CopyBatch) => Promise<void>;

/** Companies among the group's clients: fleets of small firms and sole traders. */
const COMPANY_SHARE = 0.08;
/** Clients per batch handed to the database. */
export const CLIENTS_PER_BATCH = 2000;

/**
 * Generates the five years of history of the job's part of the clients (every DEMO_PARTS-th client)
 * and hands them to the sink in batches, at most one batch in flight, so batches arrive in order and
 * parents always precede children. Deterministic for the job's seed and as-of day, wherever it runs.
 */
export async function generateClients(
  job: ClientsJob,
  sink: BatchSink,
  onProgress?: (done: number) => void,
): Promise<Record<TableName, number>> {
  const root = createRng(`orbit-demo/${job.seed}`);
  const world = new DemoWorld(isoToDay(job.asOf), job.dealerships, job.staff, job.part, DEMO_PARTS);
  const matcher = createMatcher(shippedModels());
  const selling = job.dealerships.filter((d) => d.sells);
  const homes = new WeightedTable(
    selling,
    selling.map((d) => d.clientShare),
  );
  let writing: Promise<void> = Promise.resolve();
  let done = 0;
  for (let i = job.part; i < job.clients; i += DEMO_PARTS) {
    const rng = root.fork(`client/${i}`);
    const home = homes.sample(rng);
    if (rng.chance(COMPANY_SHARE)) companyStory(world, matcher, rng, i, home);
    else personStory(world, matcher, rng, i, home);
    done++;
    if (done % CLIENTS_PER_BATCH === 0 || i + DEMO_PARTS >= job.clients) {
      await writing;
      writing = sink(world.take());
      onProgress?.(done);
    }
  }
  await writing;
  return world.counts();
}
