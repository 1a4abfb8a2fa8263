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
}

/** Writes one batch; the next batch is generated while it is written. */
export type BatchSink = (batch: CopyBatch) => Promise<void>;

/** Companies among the group's clients: fleets of small firms and sole traders. */
const COMPANY_SHARE = 0.08;
/** Clients per batch handed to the database. */
export const CLIENTS_PER_BATCH = 2000;

/**
 * Generates the clients' five years of history and hands them to the sink in batches, at most one
 * batch in flight, so batches arrive in order and parents always precede children. Deterministic for
 * the job's seed and as-of day, wherever it runs.
 */
export async function generateClients(
  job: ClientsJob,
  sink: BatchSink,
  onProgress?: (done: number) => void,
): Promise<Record<TableName, number>> {
  const root = createRng(`orbit-demo/${job.seed}`);
  const world = new DemoWorld(isoToDay(job.asOf), job.dealerships, job.staff);
  const matcher = createMatcher(shippedModels());
  const selling = job.dealerships.filter((d) => d.sells);
  const homes = new WeightedTable(
    selling,
    selling.map((d) => d.clientShare),
  );
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < job.clients; i++) {
    const rng = root.fork(`client/${i}`);
    const home = homes.sample(rng);
    if (rng.chance(COMPANY_SHARE)) companyStory(world, matcher, rng, i, home);
    else personStory(world, matcher, rng, i, home);
    if ((i + 1) % CLIENTS_PER_BATCH === 0) {
      await writing;
      writing = sink(world.take());
      onProgress?.(i + 1);
    }
  }
  await writing;
  await sink(world.take());
  return world.counts();
}
