// The client portal's most frequent read: `npm run bench -- portal [--clients 2000] [--seconds 15]`.
//
// A fresh PostgreSQL database (orbit_bench_portal) gets a demo group of --clients clients; each sampled
// client gets a portal session. 20 workers call GET /api/portal/home (cars, work orders with their lines,
// points and movements) in a closed loop against an Orbit API in this process. The reference is the
// same SQL statements the API ran for the same requests, replayed straight over pg at the same concurrency.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { generateDemoGroup } from "../server/src/modules/demo/generate";
import { MatcherProvider } from "../server/src/modules/identity/matcher";
import { shippedModels } from "../server/src/modules/identity/shippedModels";
import { resolvePortalSession } from "../server/src/modules/portal/auth.service";
import { portalHome } from "../server/src/modules/portal/portal.service";
import { type Database, openDatabase } from "../server/src/platform/db/database";
import { dealerDay } from "../server/src/platform/time/dealerCalendar";
import { closedLoop, type LoadResult, line } from "./lib/load";
import { databaseUrl, freshDatabase, machine } from "./lib/pgDatabase";

const CONCURRENCY = 20;
type Script = { text: string; params: unknown[] }[];

export default async function portalBench(args: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
  };
  const clients = arg("--clients", 2000);
  const seconds = arg("--seconds", 15);
  const name = "orbit_bench_portal";
  const database = await freshDatabase(name);
  await generateDemoGroup(database, { clients, seed: 1, asOf: dealerDay(), log: pino({ level: "silent" }) });
  const url = databaseUrl(name);
  console.log(
    `portal benchmark: ${clients.toLocaleString("en")} demo clients on ${url.replace(/\/\/[^@]*@/, "//")}`,
  );
  console.log(`machine: ${await machine()}; ${CONCURRENCY} concurrent workers, ${seconds} s per run`);

  // Sessions for clients with service history, as if each had signed in.
  const sampled = await database.query<{ id: number }>(
    `SELECT DISTINCT party_id AS id FROM work_orders ORDER BY party_id LIMIT 500`,
  );
  const tokens = sampled.map(() => randomBytes(32).toString("base64url"));
  await database.query(
    `INSERT INTO portal_sessions (id, party_id, csrf_token, expires_at)
     SELECT unnest($1::text[]), unnest($2::int[]), 'x', now() + interval '1 day'`,
    [tokens.map((t) => createHash("sha256").update(t).digest("hex")), sampled.map((s) => s.id)],
  );
  const [size] = await database.query<{ orders: number; lines: number }>(
    `SELECT (SELECT count(*)::int FROM work_orders) AS orders, (SELECT count(*)::int FROM work_order_lines) AS lines`,
  );
  console.log(
    `workload: ${sampled.length} clients' home screens; ${size!.orders} work orders, ${size!.lines} lines in all`,
  );

  const app = await buildApp(
    {
      db: database.db,
      database,
      config: loadConfig({ LOG_LEVEL: "silent" }),
      matchers: new MatcherProvider(shippedModels),
    },
    { webDist: null, logger: false },
  );
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const home = async (i: number) => {
    const res = await fetch(`${base}/api/portal/home`, {
      headers: { cookie: `orbit_portal=${tokens[i % tokens.length]}` },
    });
    if (!res.ok) throw new Error(`home: ${res.status}`);
    await res.arrayBuffer();
  };
  await closedLoop(CONCURRENCY, 3, home);
  const api = await closedLoop(CONCURRENCY, seconds, home);
  await app.close();

  // The reference: the statements a request runs (the session check and the home screen), over pg.
  let current: Script = [];
  const recorder = await openDatabase({
    kind: "postgres",
    url,
    poolSize: 4,
    onQuery: (text, params) => current.push({ text, params }),
  });
  const scripts: Script[] = [];
  for (let i = 0; i < 200; i++) {
    current = [];
    const client = await resolvePortalSession(recorder.db, tokens[i % tokens.length]!);
    await portalHome(recorder.db, client!);
    scripts.push(current);
  }
  await recorder.close();
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const raw = await closedLoop(CONCURRENCY, Math.max(10, seconds / 2), async (i) => {
    for (const s of scripts[i % scripts.length]!) await pool.query(s.text, s.params as unknown[]);
  });
  await pool.end();
  await (database as Database).close();

  const ratio = (a: LoadResult, b: LoadResult) => (a.p95 / b.p95).toFixed(2);
  console.log("");
  console.log(line("portal home API", api));
  console.log(line("portal home, its SQL replayed over pg", raw));
  console.log("");
  console.log(`portal home p95 ${api.p95.toFixed(1)} ms (target < 100 ms), ${ratio(api, raw)}x its SQL`);
  console.log(
    `statements per request: ${(scripts.reduce((n, s) => n + s.length, 0) / scripts.length).toFixed(1)}`,
  );
}
