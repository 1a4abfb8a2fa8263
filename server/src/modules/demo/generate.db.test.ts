import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/testDatabase";
import { openDatabase } from "../../platform/db/database";
import { type DemoSummary, generateDemoGroup } from "./generate";

const log = pino({ level: "silent" });
const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function fingerprint(query: (sql: string) => Promise<Record<string, unknown>[]>) {
  const [row] = await query(`SELECT
      (SELECT md5(string_agg(display_name || coalesce(birth_date::text, ''), ',' ORDER BY id)) FROM parties) AS parties,
      (SELECT md5(string_agg(vin, ',' ORDER BY id)) FROM vehicles) AS vins,
      (SELECT count(*)::int FROM interactions) AS interactions,
      (SELECT count(*)::int FROM work_orders) AS work_orders`);
  return row;
}

describe("the demo dealer group", () => {
  let summary: DemoSummary;
  let first: Record<string, unknown> | undefined;

  it("generates five years of history for every client, with the constraints holding", async () => {
    const { database, drop } = await createTestDatabase();
    cleanups.push(drop);
    summary = await generateDemoGroup(database, { clients: 400, seed: 7, log, asOf: "2026-11-26" });
    expect(summary.dealerships).toBe(6);
    for (const [table, rows] of Object.entries(summary.rows)) expect(rows, table).toBeGreaterThan(0);
    expect(summary.rows.parties).toBeGreaterThan(400);
    const [check] = await database.query<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM parties WHERE kind = 'company') AS companies,
        (SELECT count(*)::int FROM contact_points WHERE value NOT LIKE '+7%' AND kind = 'phone') AS foreign_phones,
        (SELECT count(*)::int FROM deals WHERE status = 'won' AND vehicle_id IS NULL) AS won_without_car,
        (SELECT count(*)::int FROM work_orders w WHERE NOT EXISTS (
           SELECT 1 FROM vehicle_ownerships o WHERE o.vehicle_id = w.vehicle_id AND o.party_id = w.party_id)) AS serviced_others_cars,
        (SELECT count(*)::int FROM interactions i LEFT JOIN parties p ON p.id = i.party_id WHERE p.id IS NULL) AS orphan_interactions,
        (SELECT count(DISTINCT segment)::int FROM parties) AS segments`);
    expect(check!.companies).toBeGreaterThan(0);
    expect(check!.foreign_phones).toBe(0);
    expect(check!.won_without_car).toBe(0);
    expect(check!.serviced_others_cars).toBe(0);
    expect(check!.orphan_interactions).toBe(0);
    expect(check!.segments).toBeGreaterThanOrEqual(4);
    // The demo salesperson's deals in progress put work in the appraiser's and F&I's queues.
    expect(summary.deals).toBe(3);
    const handoffs = await database.query<{ kind: string }>(
      "SELECT kind FROM tasks WHERE deal_id IS NOT NULL AND status = 'open' ORDER BY kind",
    );
    expect(handoffs.map((h) => h.kind)).toEqual(["appraisal", "credit_application"]);
    // A few clients use the portal: signed up, with points for their visits.
    const [portal] = await database.query<{ clients: number; earned: number }>(
      `SELECT count(DISTINCT party_id)::int AS clients, count(*) FILTER (WHERE reason = 'cashback')::int AS earned
         FROM loyalty_movements`,
    );
    expect(portal!.clients).toBe(5);
    expect(portal!.earned).toBeGreaterThan(0);
    // Process mining's facts hold every process step logged, the steps of the deals just opened too.
    const [facts] = await database.query<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM action_log WHERE (entity_type = 'work_order' AND process_step LIKE 'service.%')
                                               OR (entity_type = 'deal' AND process_step LIKE 'deal.%')) AS logged,
        (SELECT count(*)::int FROM process_events) AS events,
        (SELECT count(*)::int FROM process_cases WHERE entity_type = 'deal') AS deals`);
    expect(facts!.logged).toBeGreaterThan(0);
    expect(facts!.events).toBe(facts!.logged);
    expect(facts!.deals).toBeGreaterThan(0);
    first = await fingerprint((sql) => database.query(sql));
  });

  it("is the same for the same seed and day, whether generated in a worker thread or not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "orbit-demo-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const root = resolve(__dirname, "../../../..");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ORBIT_DEMO_WORKER: "always",
      ORBIT_DATA_DIR: dir,
      LOG_LEVEL: "silent",
    };
    delete env.VITEST;
    delete env.DATABASE_URL;
    await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/src/cli.ts",
        "demo",
        "--clients",
        "400",
        "--seed",
        "7",
        "--as-of",
        "2026-11-26",
      ],
      {
        cwd: root,
        env,
      },
    );
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect(await fingerprint((sql) => database.query(sql))).toEqual(first);
    } finally {
      await database.close();
    }
  }, 120_000);
});
