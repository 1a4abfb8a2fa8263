import type { Logger } from "pino";
import type { Database } from "../../platform/db/database";
import { seedStaff } from "./seedStaff";

export interface DemoOptions {
  clients: number;
  seed: number;
  log: Logger;
}

export interface DemoSummary {
  dealerships: number;
  staff: number;
}

/** True once anything has been written: the demo is only generated into an empty database. */
export async function hasAnyData(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM dealerships");
  return (row?.n ?? 0) > 0;
}

/** Generates the demo dealer group, deterministic for a seed. */
export async function generateDemoGroup(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const org = await seedStaff(database.db, []);
  options.log.info({ dealerships: org.dealershipIds.size, staff: org.staff.length }, "demo staff created");
  return { dealerships: org.dealershipIds.size, staff: org.staff.length };
}
