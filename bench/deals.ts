// Needs-based stock matching: `npm run bench -- deals [--rounds 200]`.
//
// A fresh PostgreSQL database (orbit_bench_deals, dropped at the end) with the demo group's dealerships and
// stock; the stock is then multiplied (every car copied with new VINs) to see how matching scales. Each size
// runs a set of needs through the service the API calls (stock.service matchStock: one query for every car
// not sold nor held, scored and ranked in TypeScript). The reference, measured in the same run, is the same
// SQL statements, recorded from the service and sent straight over pg: what the database alone costs.

import { Needs } from "@orbit/contracts";
import pg from "pg";
import pino from "pino";
import { generateDemoGroup } from "../server/src/modules/demo/generate";
import { matchStock } from "../server/src/modules/stock/stock.service";
import { openDatabase } from "../server/src/platform/db/database";
import { BENCH_ADMIN_URL, databaseUrl, freshDatabase, machine } from "./lib/pgDatabase";

const NAME = "orbit_bench_deals";

const NEEDS = [
  {
    bodyTypes: ["crossover", "suv"],
    minSeats: 5,
    awd: true,
    minClearanceMm: 200,
    comfort: "business",
    monthlyRub: 90_000,
    tradeInRub: 1_200_000,
    downPaymentRub: 500_000,
    city: "Москва",
  },
  { bodyTypes: ["sedan", "liftback"], budgetRub: 2_500_000, condition: "new" },
  { bodyTypes: ["minivan"], minSeats: 7, monthlyRub: 70_000 },
  { condition: "used", maxMileageKm: 80_000, budgetRub: 1_500_000, city: "Санкт-Петербург" },
  { bodyTypes: ["suv"], awd: true, comfort: "premium", budgetRub: 12_000_000 },
  { bodyTypes: ["hatchback", "crossover"], monthlyRub: 35_000, tradeInRub: 400_000, dealershipId: 2 },
  {},
  { bodyTypes: ["pickup"], awd: true, minClearanceMm: 210 },
].map((n) => Needs.parse(n));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (x: number) => x.toFixed(2);

export default async function dealsBench(args: string[]): Promise<void> {
  const rounds = Number(args[args.indexOf("--rounds") + 1] ?? 200) || 200;
  console.log(`machine: ${await machine()}; ${new Date().toISOString().slice(0, 10)}`);
  const database = await freshDatabase(NAME);
  const raw = new pg.Client({ connectionString: databaseUrl(NAME) });
  try {
    await generateDemoGroup(database, { clients: 0, seed: 1, log: pino({ level: "silent" }) });
    await raw.connect();
    console.log(
      "\n| stock | candidates scored (mean) | match p50 ms | match p95 ms | raw SQL p50 ms | ratio p50 | top match (first needs) |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---|");
    for (const factor of [1, 10, 50]) {
      if (factor > 1) {
        // Copies of the demo's cars with fresh VINs (a serial in the last six characters), as a larger group's stock.
        await raw.query("DELETE FROM stock_vehicles WHERE id >= 1000000");
        await raw.query(
          `INSERT INTO stock_vehicles (id, dealership_id, vin, make, model, trim, year, condition, status, body_type, seats, drive,
             fuel, ground_clearance_mm, comfort_class, color, mileage_km, price_kopecks, arrived_on, sold_on)
           SELECT 1000000 + k * 100000 + s.id, s.dealership_id, left(s.vin, 10) || lpad((k * 1000 + s.id)::text, 7, '0'),
                  s.make, s.model, s.trim, s.year, s.condition, s.status, s.body_type, s.seats, s.drive, s.fuel,
                  s.ground_clearance_mm, s.comfort_class, s.color, s.mileage_km, s.price_kopecks + k * 1000, s.arrived_on, s.sold_on
             FROM stock_vehicles s CROSS JOIN generate_series(1, $1::int - 1) k
            WHERE s.id < 1000000
           ON CONFLICT (vin) DO NOTHING`,
          [factor],
        );
        await raw.query("ANALYZE stock_vehicles");
      }
      const [{ n }] = (await raw.query("SELECT count(*)::int AS n FROM stock_vehicles")).rows as [
        { n: number },
      ];
      // Warm both paths (plans, caches, JIT) before timing.
      for (const needs of NEEDS) await matchStock(database.db, needs, 10);
      const timed: number[] = [];
      let considered = 0;
      let top = "";
      for (let r = 0; r < rounds; r++) {
        const needs = NEEDS[r % NEEDS.length]!;
        const t0 = performance.now();
        const res = await matchStock(database.db, needs, 10);
        timed.push(performance.now() - t0);
        considered += res.considered / rounds;
        if (r === 0)
          top = res.matches[0]
            ? `${res.matches[0].vehicle.make} ${res.matches[0].vehicle.model} (${res.matches[0].score})`
            : "—";
      }
      // The reference: the statements the service sent for each needs, recorded and replayed over pg.
      const statements: { text: string; params: unknown[] }[] = [];
      const recorder = await openDatabase({
        kind: "postgres",
        url: databaseUrl(NAME),
        poolSize: 1,
        onQuery: (text, params) => statements.push({ text, params }),
      });
      for (const needs of NEEDS) await matchStock(recorder.db, needs, 10);
      await recorder.close();
      const reference: number[] = [];
      for (const q of statements) await raw.query(q.text, q.params);
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        const q = statements[r % statements.length]!;
        await raw.query(q.text, q.params);
        reference.push(performance.now() - t0);
      }
      timed.sort((a, b) => a - b);
      reference.sort((a, b) => a - b);
      const p50 = percentile(timed, 0.5);
      const ref = percentile(reference, 0.5);
      console.log(
        `| ${n.toLocaleString("en")} | ${Math.round(considered).toLocaleString("en")} | ${ms(p50)} | ${ms(percentile(timed, 0.95))} | ${ms(ref)} | ${(p50 / ref).toFixed(2)} | ${top} |`,
      );
    }
  } finally {
    await raw.end().catch(() => {});
    await database.close();
    if (!args.includes("--keep")) {
      const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
      await admin.end();
    }
  }
}
