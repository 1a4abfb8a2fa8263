// The main API paths under 200 concurrent clients:
// `npm run bench -- load [--seconds 60] [--clients 200] [--think MS] [--servers N | --url URL[,URL...]]`.
//
// Runs against a running Orbit on PostgreSQL: --url names its API processes (on the same DATABASE_URL),
// else --servers N (default 1) `orbit serve` processes are started on DATABASE_URL (default: the
// orbit_bench database, which `npm run demo -- --clients 1000000` fills); with several, client i talks
// to process i mod N, as a balancer would spread them. Each virtual client is a browser of its own: it signs in
// as a call-centre operator (a session and a CSRF token of its own, sent with every write, as the web
// client does) and works in a closed loop: search, open a client's card, record a call's outcome, book
// a service visit. One client in five is instead the dealer's web site posting visitors' events with
// its key. HTTP goes through undici (one keep-alive connection per virtual client); latencies go into
// HdrHistograms per path. The reference, in the same run at the same concurrency: GET /api/health
// (the HTTP stack and one `SELECT 1`), and `SELECT 1` straight over pg.
import { randomUUID } from "node:crypto";
import * as hdr from "hdr-histogram-js";
import pg from "pg";
import { Pool } from "undici";
import { DEMO_PASSWORD, DEMO_SITE_KEY } from "../server/src/modules/demo/orgStructure";
import { type OrbitProcess, startOrbit } from "../server/test/orbitProcess";
import { databaseUrl, machine } from "./lib/pgDatabase";

type Path = "search" | "card" | "task outcome" | "event intake" | "service booking";
const PATHS: Path[] = ["search", "card", "task outcome", "event intake", "service booking"];

/** What an operator does in a loop, by share of requests (the site's events are separate clients). */
const OPERATOR_MIX: [Path, number][] = [
  ["search", 0.45],
  ["card", 0.4],
  ["task outcome", 0.1],
  ["service booking", 0.05],
];

interface Stats {
  histogram: hdr.Histogram;
  errors: number;
  codes: Map<string, number>;
}

const newStats = (): Stats => ({
  histogram: hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  }),
  errors: 0,
  codes: new Map(),
});

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

interface Workload {
  queries: string[];
  cards: number[];
  tasks: number[];
  bookings: { dealershipId: number; clientId: number; vehicleId: number }[];
}

async function loadWorkload(url: string): Promise<Workload> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const people = await c.query<{ id: number; last: string; phone: string | null }>(
      `SELECT p.id, p.last_name AS last,
              (SELECT value FROM contact_points cp WHERE cp.party_id = p.id AND cp.kind = 'phone' AND cp.valid_to IS NULL LIMIT 1) AS phone
         FROM parties p TABLESAMPLE SYSTEM (5) REPEATABLE (7)
        WHERE p.status = 'active' AND p.kind = 'person' AND p.last_name IS NOT NULL
        LIMIT 2000`,
    );
    const queries: string[] = [];
    people.rows.forEach((p, k) => {
      queries.push(k % 2 ? p.last : p.last.slice(0, 5));
      if (p.phone) queries.push(`8 ${p.phone.slice(2, 5)} ${p.phone.slice(5)}`);
    });
    // Open call-centre tasks in the operators' queue, or already theirs (a recorded call takes the task).
    const tasks = await c.query<{ id: number }>(
      `SELECT t.id FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id
        WHERE t.status = 'open' AND t.queue = 'call_center' AND (t.assignee_user_id IS NULL OR u.login = 'operator')
        ORDER BY t.due_at LIMIT 20000`,
    );
    const cars = await c.query<{ dealership_id: number; party_id: number; vehicle_id: number }>(
      `SELECT d.id AS dealership_id, o.party_id, o.vehicle_id
         FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
         JOIN LATERAL (SELECT DISTINCT dealership_id AS id FROM service_posts) d ON true
        WHERE o.valid_to IS NULL
          AND EXISTS (SELECT 1 FROM maintenance_schedules s WHERE s.make = v.make AND s.model = v.model)
        ORDER BY o.vehicle_id, d.id LIMIT 5000`,
    );
    return {
      queries,
      cards: people.rows.map((p) => p.id),
      tasks: tasks.rows.map((t) => t.id),
      bookings: cars.rows.map((r) => ({
        dealershipId: r.dealership_id,
        clientId: r.party_id,
        vehicleId: r.vehicle_id,
      })),
    };
  } finally {
    await c.end();
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(http: Pool, login: string): Promise<Session> {
  const res = await http.request({
    method: "POST",
    path: "/api/auth/login",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const body = (await res.body.json()) as { csrfToken?: string };
  if (res.statusCode !== 200 || !body.csrfToken) throw new Error(`sign-in as ${login}: ${res.statusCode}`);
  const setCookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const cookie = setCookie.map((c) => c.split(";")[0]).find((c) => c?.startsWith("orbit_session="));
  if (!cookie) throw new Error("no session cookie");
  return { cookie, csrf: body.csrfToken };
}

export default async function loadBench(args: string[]): Promise<void> {
  const seconds = Number(arg(args, "--seconds", "60"));
  const concurrency = Number(arg(args, "--clients", "200"));
  // 0: each client sends its next request as soon as the answer comes (the server's saturation);
  // an employee's pace is a click every second or two.
  const think = Number(arg(args, "--think", "0"));
  const dbUrl = process.env.DATABASE_URL ?? databaseUrl("orbit_bench");
  const workload = await loadWorkload(dbUrl);
  // Several API processes stand for several behind a balancer: client i talks to process i mod N.
  const servers: OrbitProcess[] = [];
  const bases = arg(args, "--url", "").split(",").filter(Boolean);
  if (bases.length === 0) {
    const n = Number(arg(args, "--servers", "1"));
    servers.push(
      ...(await Promise.all(
        Array.from({ length: n }, () => startOrbit("serve", dbUrl, { LOG_LEVEL: "warn" })),
      )),
    );
    bases.push(...servers.map((s) => s.url));
  }
  const pools = bases.map(
    (base) =>
      new Pool(base, {
        connections: Math.ceil(concurrency / bases.length),
        pipelining: 1,
        keepAliveTimeout: 60_000,
      }),
  );
  const httpOf = (client: number) => pools[client % pools.length]!;
  const counter = new pg.Client({ connectionString: dbUrl });
  await counter.connect();
  const clients = (
    await counter.query<{ n: number }>("SELECT count(*)::int AS n FROM parties WHERE status = 'active'")
  ).rows[0]!.n;
  await counter.end();
  console.log(
    `load benchmark on ${dbUrl.replace(/\/\/[^@]*@/, "//")}: ${clients.toLocaleString("en")} clients`,
  );
  console.log(`machine: ${await machine()}; API processes: ${bases.length}`);
  console.log(
    `${concurrency} concurrent clients (one in five the web site posting events), ${think ? `${think} ms` : "no"} pause between a client's requests, ${seconds} s; workload: ${workload.queries.length} searches, ${workload.cards.length} cards, ${workload.tasks.length} open tasks, ${workload.bookings.length} cars to book`,
  );

  const sitesEvery = 5;
  const operators = concurrency - Math.floor(concurrency / sitesEvery);
  const sessions: (Session | null)[] = [];
  // Sign-ins hash a password each (memory-hard on purpose): a few at a time, before the clock starts.
  for (let i = 0; i < concurrency; i += 8) {
    const batch = Array.from({ length: Math.min(8, concurrency - i) }, (_, k) =>
      (i + k) % sitesEvery === sitesEvery - 1 ? Promise.resolve(null) : signIn(httpOf(i + k), "operator"),
    );
    sessions.push(...(await Promise.all(batch)));
  }

  const stats = new Map<Path, Stats>(PATHS.map((p) => [p, newStats()]));
  const overall = newStats();
  // When the requests over a second started (seconds into the measured run): a burst or a steady trickle.
  const slowBySecond = new Map<number, number>();
  const over200BySecond = new Map<number, number>();
  let nextTask = 0;
  let booked = 0;
  let k = 0;
  const pick = <T>(xs: T[]) => xs[k++ % xs.length]!;

  const send = async (
    path: Path,
    session: Session | null,
    http: Pool,
  ): Promise<{ status: number; code: string }> => {
    const auth = session ? { cookie: session.cookie } : {};
    const write = session
      ? { ...auth, "x-csrf-token": session.csrf, "content-type": "application/json" }
      : {};
    let res: Awaited<ReturnType<Pool["request"]>>;
    if (path === "search") {
      res = await http.request({
        method: "GET",
        path: `/api/search?q=${encodeURIComponent(pick(workload.queries))}`,
        headers: auth,
      });
    } else if (path === "card") {
      res = await http.request({
        method: "GET",
        path: `/api/clients/${pick(workload.cards)}/card`,
        headers: auth,
      });
    } else if (path === "task outcome") {
      // "Call me back tomorrow": the task stays open, so every run finds the same tasks to work.
      const id = workload.tasks[nextTask++ % workload.tasks.length];
      res = await http.request({
        method: "POST",
        path: `/api/tasks/${id}/outcome`,
        headers: write,
        body: JSON.stringify({
          outcome: "call_later",
          callBackAt: new Date(Date.now() + 86_400_000).toISOString(),
          note: "просил перезвонить завтра",
        }),
      });
    } else if (path === "service booking") {
      const b = workload.bookings[booked++ % workload.bookings.length]!;
      res = await http.request({
        method: "POST",
        path: "/api/service/bookings",
        headers: write,
        body: JSON.stringify({ ...b, channel: "call" }),
      });
    } else {
      const visitor = randomUUID();
      res = await http.request({
        method: "POST",
        path: "/api/events",
        headers: { "content-type": "application/json", "x-orbit-key": DEMO_SITE_KEY },
        body: JSON.stringify({
          events: [
            {
              id: `load-${visitor}`,
              type: "page_view",
              occurredAt: new Date().toISOString(),
              visitorId: visitor,
              payload: { page: "/service/maintenance" },
            },
          ],
        }),
      });
    }
    const text = await res.body.text();
    if (res.statusCode < 400) return { status: res.statusCode, code: "" };
    let code = `http_${res.statusCode}`;
    try {
      code = `${res.statusCode} ${(JSON.parse(text) as { error: { code: string } }).error.code}`;
    } catch {}
    return { status: res.statusCode, code };
  };

  const choose = (): Path => {
    const r = Math.random();
    let acc = 0;
    for (const [path, share] of OPERATOR_MIX) {
      acc += share;
      if (r < acc) return path === "task outcome" && workload.tasks.length === 0 ? "card" : path;
    }
    return "search";
  };

  /**
   * Every client works for `warm + secs` seconds without stopping in between, so the measured part
   * starts in the steady state rather than with every client firing at once; only requests started
   * after the warm-up are recorded. With a pause, each client also starts at a random moment of one.
   */
  const run = async (
    warm: number,
    secs: number,
    step: (client: number) => Promise<{ path: Path; status: number; code: string } | null>,
  ) => {
    const begun = performance.now() + warm * 1000;
    const end = begun + secs * 1000;
    const pause = (share: number) => new Promise((r) => setTimeout(r, think * share));
    await Promise.all(
      Array.from({ length: concurrency }, async (_, client) => {
        if (think > 0) await pause(Math.random());
        while (performance.now() < end) {
          const t = performance.now();
          let outcome: { path: Path; status: number; code: string } | null;
          try {
            outcome = await step(client);
          } catch (err) {
            outcome = { path: "search", status: 0, code: (err as Error).message.slice(0, 60) };
          }
          const micros = Math.round((performance.now() - t) * 1000);
          if (think > 0) await pause(0.5 + Math.random());
          if (!outcome || t < begun) continue;
          const second = Math.floor((t - begun) / 1000);
          if (micros > 1_000_000) slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
          if (micros > 200_000) over200BySecond.set(second, (over200BySecond.get(second) ?? 0) + 1);
          for (const s of [stats.get(outcome.path)!, overall]) {
            s.histogram.recordValue(micros);
            if (outcome.status === 0 || outcome.status >= 400) {
              s.errors++;
              s.codes.set(outcome.code, (s.codes.get(outcome.code) ?? 0) + 1);
            }
          }
        }
      }),
    );
  };

  const mixed = async (client: number) => {
    const session = sessions[client] ?? null;
    const path = session ? choose() : "event intake";
    return { path, ...(await send(path, session, httpOf(client))) };
  };
  // Warm the caches, connections and every path as a working morning does, then measure.
  const warm = 10;
  const started = performance.now() + warm * 1000;
  await run(warm, seconds, mixed);
  const elapsed = (performance.now() - started) / 1000;

  // The reference: the HTTP stack alone, then the database alone, at the same concurrency.
  const healthStats = newStats();
  const refSeconds = Math.max(10, Math.round(seconds / 3));
  let end = performance.now() + refSeconds * 1000;
  const healthStarted = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await httpOf(client).request({ method: "GET", path: "/api/health" });
        await res.body.dump();
        healthStats.histogram.recordValue(Math.round((performance.now() - t) * 1000));
        if (res.statusCode !== 200) healthStats.errors++;
      }
    }),
  );
  const healthElapsed = (performance.now() - healthStarted) / 1000;
  const sqlStats = newStats();
  const pool = new pg.Pool({ connectionString: dbUrl, max: 20 });
  end = performance.now() + refSeconds * 1000;
  const sqlStarted = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await pool.query("SELECT 1");
        sqlStats.histogram.recordValue(Math.round((performance.now() - t) * 1000));
      }
    }),
  );
  const sqlElapsed = (performance.now() - sqlStarted) / 1000;
  await pool.end();
  await Promise.all(pools.map((p) => p.close()));
  await Promise.all(servers.map((s) => s.stop()));

  const ms = (micros: number) => `${(micros / 1000).toFixed(1)} ms`.padStart(9);
  const row = (label: string, s: Stats, secs: number) => {
    const h = s.histogram;
    return `${label.padEnd(28)} ${String(h.totalCount).padStart(7)} req ${(h.totalCount / secs).toFixed(0).padStart(6)}/s  p50 ${ms(h.getValueAtPercentile(50))}  p95 ${ms(h.getValueAtPercentile(95))}  p99 ${ms(h.getValueAtPercentile(99))}  max ${ms(h.maxValue)}  errors ${s.errors}`;
  };
  console.log("");
  for (const p of PATHS) console.log(row(p, stats.get(p)!, elapsed));
  console.log(row("overall", overall, elapsed));
  console.log(row("reference: GET /api/health", healthStats, healthElapsed));
  console.log(row("reference: SELECT 1 over pg", sqlStats, sqlElapsed));
  if (slowBySecond.size > 0) {
    const seconds = [...slowBySecond].sort((a, b) => a[0] - b[0]);
    console.log(
      `requests over 1 s, by the second of the run they started in: ${seconds.map(([t, n]) => `${t}s x${n}`).join(", ")}`,
    );
  }
  if (over200BySecond.size > 0) {
    const worst = [...over200BySecond].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `requests over 200 ms: ${[...over200BySecond.values()].reduce((a, b) => a + b, 0)} in ${over200BySecond.size} of ${seconds} s; the busiest seconds: ${worst.map(([t, n]) => `${t}s x${n}`).join(", ")}`,
    );
  }
  for (const [p, s] of [...stats, ["overall", overall] as const]) {
    if (s.codes.size && p !== "overall")
      console.log(`errors of ${p}: ${[...s.codes].map(([c, n]) => `${c} x${n}`).join(", ")}`);
  }
  const p99 = overall.histogram.getValueAtPercentile(99) / 1000;
  const h99 = healthStats.histogram.getValueAtPercentile(99) / 1000;
  console.log("");
  console.log(
    `overall p99 ${p99.toFixed(1)} ms (target < 200 ms), errors ${overall.errors} (target 0); ${(p99 / h99).toFixed(1)}x the p99 of /api/health, ${(overall.histogram.totalCount / elapsed / (healthStats.histogram.totalCount / healthElapsed)).toFixed(2)}x its throughput`,
  );
  console.log(
    `operators signed in: ${operators}; call outcomes recorded: ${nextTask}; bookings tried: ${booked}`,
  );
}
