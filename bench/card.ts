// Search and the client card at a million clients: `npm run bench -- card [--seconds 30] [--think 1000]
// [--small]`.
//
// Runs on the PostgreSQL database the demo generator filled with a million clients:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench npm run demo -- --clients 1000000
// (BENCH_CARD_DATABASE_URL overrides the database). An Orbit API server starts in this process and
// is measured twice: 20 employees at work, each pausing about a second (--think) to read an answer
// before the next search or card, which is what the targets are about; then a stress test, the same
// 20 calling without any pause (hundreds of requests a second, far more than 20 people make), whose
// latency is the machine's queue at saturation. The reference is the same SQL statements the API ran
// for the same requests (recorded from the services, replayed straight over pg the same way).
import pg from "pg";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { toLatin } from "../server/src/modules/demo/latin";
import { MatcherProvider } from "../server/src/modules/identity/matcher";
import { shippedModels } from "../server/src/modules/identity/shippedModels";
import { clientCard } from "../server/src/modules/workspace/card.service";
import { searchClients } from "../server/src/modules/workspace/search.service";
import { type Database, openDatabase } from "../server/src/platform/db/database";
import { migrate } from "../server/src/platform/db/migrate";
import { closedLoop, type LoadResult, line } from "./lib/load";
import { databaseUrl, machine } from "./lib/pgDatabase";

const CONCURRENCY = 20;

interface Sample {
  id: number;
  phone: string | null;
  email: string | null;
  last: string;
  first: string;
  vin: string | null;
  plate: string | null;
}

function phoneForms(e164: string, k: number): string {
  const d = e164.slice(2);
  const forms = [
    `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
    `+7 ${d.slice(0, 3)} ${d.slice(3)}`,
    `8${d}`,
    d.slice(-7),
  ];
  return forms[k % forms.length]!;
}

/** What staff type, spread over every kind of search. */
function queriesOf(samples: Sample[]): string[] {
  const out: string[] = [];
  samples.forEach((s, k) => {
    if (s.phone) out.push(phoneForms(s.phone, k));
    out.push(k % 2 ? s.last : `${s.last} ${s.first}`);
    out.push(toLatin(s.last, k % 3 ? "icao" : "informal"));
    if (s.vin) out.push(k % 2 ? s.vin.slice(-6) : s.vin);
    if (s.plate) out.push(s.plate);
    if (s.email) out.push(s.email);
  });
  return out;
}

type Script = { text: string; params: unknown[] }[];

async function recordScripts(url: string, run: (database: Database) => Promise<unknown>, n: number) {
  let current: Script = [];
  const recorder = await openDatabase({
    kind: "postgres",
    url,
    poolSize: 4,
    onQuery: (text, params) => current.push({ text, params }),
  });
  const scripts: Script[] = [];
  for (let i = 0; i < n; i++) {
    current = [];
    await run(recorder);
    scripts.push(current);
  }
  await recorder.close();
  return scripts;
}

export default async function cardBench(args: string[]): Promise<void> {
  const seconds = Number(args[args.indexOf("--seconds") + 1] ?? 30) || 30;
  const think = args.includes("--think") ? Number(args[args.indexOf("--think") + 1]) : 1000;
  const url = process.env.BENCH_CARD_DATABASE_URL ?? databaseUrl("orbit_bench");
  const database = await openDatabase({ kind: "postgres", url, poolSize: CONCURRENCY });
  await migrate(database);
  const [size] = await database.query<{ clients: number; interactions: number }>(
    `SELECT (SELECT count(*)::int FROM parties WHERE status = 'active') AS clients,
            (SELECT reltuples::bigint FROM pg_class WHERE relname = 'interactions') AS interactions`,
  );
  console.log(
    `card benchmark on ${url.replace(/\/\/[^@]*@/, "//")}: ${size?.clients.toLocaleString("en")} clients, ~${Number(size?.interactions).toLocaleString("en")} interactions`,
  );
  console.log(
    `machine: ${await machine()}; ${CONCURRENCY} concurrent users, ${think} ms pause (0.5-1.5×) after each answer, then none; ${seconds} s per run`,
  );
  if ((size?.clients ?? 0) < 900_000 && !args.includes("--small")) {
    console.log(
      "This benchmark wants a million clients. Generate them first:\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench npm run demo -- --clients 1000000\n" +
        "or pass --small to run on what is there.",
    );
    await database.close();
    return;
  }

  const samples = await database.query<Sample>(
    `SELECT p.id, p.last_name AS last, p.first_name AS first,
            (SELECT value FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL LIMIT 1) AS phone,
            (SELECT value FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'email' AND c.valid_to IS NULL LIMIT 1) AS email,
            (SELECT v.vin FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id WHERE o.party_id = p.id AND o.valid_to IS NULL LIMIT 1) AS vin,
            (SELECT v.plate FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id WHERE o.party_id = p.id AND o.valid_to IS NULL LIMIT 1) AS plate
       FROM parties p TABLESAMPLE SYSTEM (1) REPEATABLE (42)
      WHERE p.status = 'active' AND p.kind = 'person' AND p.last_name IS NOT NULL AND p.first_name IS NOT NULL
      LIMIT 2000`,
  );
  const queries = queriesOf(samples);
  const ids = samples.map((s) => s.id);
  console.log(
    `workload: ${queries.length} search queries (phones in four forms, surnames in Cyrillic and Latin, VINs and their ends, plates, e-mails), ${ids.length} cards`,
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
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "sales", password: "orbit-demo" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  const searchPath = (i: number) => `/api/search?q=${encodeURIComponent(queries[i % queries.length]!)}`;
  const cardPath = (i: number) => `/api/clients/${ids[i % ids.length]}/card`;

  // Warm the caches the way a working day does, then measure: users who read, then the stress test.
  await closedLoop(CONCURRENCY, 5, (i) => get(i % 2 ? searchPath(i) : cardPath(i)));
  const search = await closedLoop(CONCURRENCY, seconds, (i) => get(searchPath(i)), think);
  const card = await closedLoop(CONCURRENCY, seconds, (i) => get(cardPath(i)), think);
  const searchStress = await closedLoop(CONCURRENCY, seconds, (i) => get(searchPath(i)));
  const cardStress = await closedLoop(CONCURRENCY, seconds, (i) => get(cardPath(i)));
  await app.close();

  // The reference: the statements those requests ran, straight over pg.
  const searchScripts = await recordScripts(
    url,
    (d) => searchClients(d.db, queries[Math.floor(Math.random() * queries.length)]!, 10),
    400,
  );
  const cardScripts = await recordScripts(
    url,
    (d) => clientCard(d, ids[Math.floor(Math.random() * ids.length)]!),
    400,
  );
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  // Named like the API's own prepared statements, so both sides plan once per connection.
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    if (!names.has(text)) names.set(text, `replay_${names.size}`);
    return names.get(text)!;
  };
  const replay = (scripts: Script[]) => (i: number) =>
    Promise.all(
      scripts[i % scripts.length]!.map((s) =>
        pool.query({ name: nameOf(s.text), text: s.text, values: s.params as unknown[] }),
      ),
    ).then(() => {});
  const rawSeconds = Math.max(10, seconds / 2);
  // Warmed as the API was: every connection open and every statement prepared before the clock runs.
  await closedLoop(CONCURRENCY, 3, (i) => replay(i % 2 ? searchScripts : cardScripts)(i));
  const rawSearch = await closedLoop(CONCURRENCY, rawSeconds, replay(searchScripts), think);
  const rawCard = await closedLoop(CONCURRENCY, rawSeconds, replay(cardScripts), think);
  const rawSearchStress = await closedLoop(CONCURRENCY, rawSeconds, replay(searchScripts));
  const rawCardStress = await closedLoop(CONCURRENCY, rawSeconds, replay(cardScripts));
  await pool.end();
  await database.close();

  const ratio = (api: LoadResult, raw: LoadResult) => (api.p95 / raw.p95).toFixed(2);
  console.log("");
  console.log(`${CONCURRENCY} users, each pausing ~${think} ms after an answer:`);
  console.log(line("search API", search));
  console.log(line("search, its SQL replayed over pg", rawSearch));
  console.log(line("card API", card));
  console.log(line("card, its SQL replayed over pg", rawCard));
  console.log(`stress: the same ${CONCURRENCY} without a pause:`);
  console.log(line("search API", searchStress));
  console.log(line("search, its SQL replayed over pg", rawSearchStress));
  console.log(line("card API", cardStress));
  console.log(line("card, its SQL replayed over pg", rawCardStress));
  console.log("");
  console.log(
    `search p95 ${search.p95.toFixed(1)} ms (target < 50 ms), ${ratio(search, rawSearch)}x its SQL; without pauses ${searchStress.p95.toFixed(1)} ms`,
  );
  console.log(
    `card   p95 ${card.p95.toFixed(1)} ms (target < 30 ms), ${ratio(card, rawCard)}x its SQL; without pauses ${cardStress.p95.toFixed(1)} ms`,
  );
  const statements = (s: Script[]) => (s.reduce((n, x) => n + x.length, 0) / s.length).toFixed(1);
  console.log(
    `statements per request: search ${statements(searchScripts)}, card ${statements(cardScripts)} (replayed all at once: a lower bound)`,
  );
}
