// Work lists at a million clients: `npm run bench -- worklists [--seconds 20] [--small]`.
//
// Runs on the PostgreSQL database the demo generator filled with a million clients:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench npm run demo -- --clients 1000000
// (BENCH_WORKLISTS_DATABASE_URL overrides the database). Nothing it writes is kept: every evaluation
// runs in a transaction that is rolled back, and the ingested events are deleted at the end.
//
// 1. The daily evaluation of every active contact standard and scenario, twice: as the first run ever
//    (no tasks yet, so every need becomes a call) and as a day's run on top of today's tasks. Reference:
//    the standards' and scenarios' need queries alone, counted over pg (the part no orchestration adds).
// 2. Event intake through POST /api/events in batches of 1,000 from several senders at once. Reference:
//    the same batches inserted by the same statement straight over pg.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { DEMO_SITE_KEY } from "../server/src/modules/demo/orgStructure";
import { MatcherProvider } from "../server/src/modules/identity/matcher";
import { shippedModels } from "../server/src/modules/identity/shippedModels";
import { scenarioNeedsQuery } from "../server/src/modules/scenarios/needs";
import { evaluateWorklists } from "../server/src/modules/tasks/evaluate.service";
import { needsQuery } from "../server/src/modules/tasks/standards";
import { type Database, type Db, openDatabase } from "../server/src/platform/db/database";
import { migrate } from "../server/src/platform/db/migrate";
import { dealerDay, dealerMoment } from "../server/src/platform/time/dealerCalendar";
import { closedLoop, line } from "./lib/load";
import { databaseUrl, machine } from "./lib/pgDatabase";

const SENDERS = 4;
const BATCH = 1000;

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back; returns what it returned. */
async function rolledBack<T>(database: Database, fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await database.db
    .transaction(async (tx) => {
      out = await fn(tx);
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return out as T;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function evaluationBench(database: Database, url: string, today: string) {
  const now = dealerMoment(today, 9);
  const first = await rolledBack(database, async (tx) => {
    // The first run ever: no calls made yet, no points recorded.
    await tx.execute(sql`DELETE FROM lifecycle_points`);
    await tx.execute(sql`DELETE FROM tasks`);
    const started = performance.now();
    const r = await evaluateWorklists(tx, { today, now });
    return { ...r, ms: performance.now() - started };
  });
  const daily = await rolledBack(database, async (tx) => {
    const started = performance.now();
    const r = await evaluateWorklists(tx, { today, now });
    return { ...r, ms: performance.now() - started };
  });

  // Reference: each active standard's and scenario's need query alone, counted straight over pg.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const standards = await client.query<{ id: number; code: string; kind: string; params: unknown }>(
    "SELECT id, code, kind, params FROM contact_standards WHERE active ORDER BY id",
  );
  const scenarios = await client.query<{ id: number; code: string; kind: string; params: unknown }>(
    "SELECT id, code, kind, params FROM scenarios WHERE active ORDER BY id",
  );
  const dialect = new PgDialect();
  const perQuery: { code: string; needs: number; ms: number }[] = [];
  const queries = [
    ...standards.rows.map((s) => ({ code: s.code, sql: needsQuery(s as never, today) })),
    ...scenarios.rows.map((s) => ({ code: s.code, sql: scenarioNeedsQuery(s as never, now) })),
  ];
  for (const q of queries) {
    if (!q.sql) continue;
    const { sql: text, params } = dialect.sqlToQuery(q.sql);
    const started = performance.now();
    const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${text}) x`, params);
    perQuery.push({ code: q.code, needs: r.rows[0]!.n, ms: performance.now() - started });
  }
  await client.end();
  const rawMs = perQuery.reduce((s, q) => s + q.ms, 0);

  console.log("");
  console.log("evaluation of every active standard and scenario");
  for (const q of perQuery) {
    console.log(
      `  ${q.code.padEnd(26)} ${String(q.needs).padStart(8)} needs  ${seconds(q.ms).padStart(7)}  (need query alone)`,
    );
  }
  console.log(
    `  ${"need queries alone (raw SQL)".padEnd(26)} ${" ".repeat(14)} ${seconds(rawMs).padStart(7)}`,
  );
  for (const [label, r] of [
    ["first run (no tasks yet)", first],
    ["a day's run on today's tasks", daily],
  ] as const) {
    console.log(
      `  ${label.padEnd(30)} ${seconds(r.ms).padStart(7)}  needs ${r.needs}, tasks made ${r.created}, held ${JSON.stringify(r.held)}, points ${r.lifecycle.points}; ${(r.ms / rawMs).toFixed(2)}x the need queries (target < 60 s)`,
    );
  }
  return { first, daily, rawMs };
}

/** Batches of site events as a tracker sends them: browsing, car views, now and then a visitor who signs in. */
function eventBatches(count: number, phones: string[]): string[] {
  const run = randomUUID().slice(0, 8);
  const models = ["Haval Jolion", "Chery Tiggo 7 Pro", "Geely Coolray", "Lada Vesta", "Tank 300", "Kia K5"];
  const segments = ["crossover", "suv", "sedan", "crossover", "suv", "sedan"];
  const batches: string[] = [];
  let n = 0;
  for (let b = 0; b < count; b++) {
    const events = [];
    for (let i = 0; i < BATCH; i++, n++) {
      const visitor = `bench-${run}-${n % 50_000}`;
      const k = n % models.length;
      const event: Record<string, unknown> = {
        id: `bench-${run}-${n}`,
        type: n % 3 ? "car_view" : "page_view",
        occurredAt: new Date(Date.now() - (n % 3600) * 1000).toISOString(),
        visitorId: visitor,
        payload: { model: models[k], segment: segments[k], page: `/cars/${k}` },
      };
      // One visitor in two hundred tells who they are: a phone the group knows.
      if (n % 200 === 0) event.client = { phone: phones[n % phones.length] };
      events.push(event);
    }
    batches.push(JSON.stringify({ events }));
  }
  return batches;
}

async function ingestBench(database: Database, url: string, duration: number) {
  const phones = (
    await database.query<{ value: string }>(
      "SELECT value FROM contact_points TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE kind = 'phone' AND valid_to IS NULL LIMIT 5000",
    )
  ).map((r) => r.value);
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
  // Enough distinct batches that none is sent twice (a repeat would be skipped, and flatter the figure).
  const batches = eventBatches(Math.ceil((duration * 40_000) / BATCH), phones);
  const post = async (i: number) => {
    const body = batches[i % batches.length]!;
    const res = await fetch(`${base}/api/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-orbit-key": DEMO_SITE_KEY },
      body,
    });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  await closedLoop(SENDERS, 2, post); // warm-up
  const api = await closedLoop(SENDERS, duration, post);
  await app.close();

  // Reference: the same events inserted by the same kind of statement straight over pg.
  const pool = new pg.Pool({ connectionString: url, max: SENDERS });
  const raw = eventBatches(Math.ceil((duration * 80_000) / BATCH), phones).map(
    (b) =>
      (
        JSON.parse(b) as {
          events: { id: string; type: string; occurredAt: string; visitorId: string; payload: unknown }[];
        }
      ).events,
  );
  const insert = async (i: number) => {
    const events = raw[i % raw.length]!;
    await pool.query(
      `INSERT INTO web_events (id, source, type, occurred_at, visitor_id, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])
       ON CONFLICT (id) DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map(() => "site"),
        events.map((e) => e.type),
        events.map((e) => e.occurredAt),
        events.map((e) => e.visitorId),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
  };
  const rawSql = await closedLoop(SENDERS, Math.max(5, duration / 2), insert);
  await pool.query("DELETE FROM web_events WHERE id LIKE 'bench-%'");
  await pool.query("DELETE FROM visitors WHERE visitor_id LIKE 'bench-%'");
  await pool.end();

  const perSecond = (r: typeof api) => r.perSecond * BATCH;
  console.log("");
  console.log(`event intake, batches of ${BATCH}, ${SENDERS} senders at once`);
  console.log(line("POST /api/events", api));
  console.log(line("same inserts straight over pg", rawSql));
  console.log(
    `  ${Math.round(perSecond(api)).toLocaleString("en")} events/s through the API (target >= 10,000), ${Math.round(perSecond(rawSql)).toLocaleString("en")} events/s raw: ${(perSecond(api) / perSecond(rawSql)).toFixed(2)}x`,
  );
}

export default async function worklistsBench(args: string[]): Promise<void> {
  const at = args.indexOf("--seconds");
  const duration = (at >= 0 ? Number(args[at + 1]) : 20) || 20;
  const url = process.env.BENCH_WORKLISTS_DATABASE_URL ?? databaseUrl("orbit_bench");
  const database = await openDatabase({ kind: "postgres", url, poolSize: 10 });
  await migrate(database);
  const [size] = await database.query<{ clients: number }>(
    "SELECT count(*)::int AS clients FROM parties WHERE status = 'active'",
  );
  // The day the benchmark runs: on a database generated days before, "today's tasks" are the demo's.
  const today = dealerDay();
  console.log(
    `work lists benchmark on ${url.replace(/\/\/[^@]*@/, "//")}: ${size?.clients.toLocaleString("en")} clients, day ${today}`,
  );
  console.log(`machine: ${await machine()}`);
  if ((size?.clients ?? 0) < 900_000 && !args.includes("--small")) {
    console.log(
      "This benchmark wants a million clients. Generate them first:\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench npm run demo -- --clients 1000000\n" +
        "or pass --small to run on what is there.",
    );
    await database.close();
    return;
  }
  await evaluationBench(database, url, today);
  await ingestBench(database, url, duration);
  await database.close();
}
