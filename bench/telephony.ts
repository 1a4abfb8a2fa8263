// Pop-up latency: from a signed webhook arriving at Orbit to the event reaching the ringing employee's
// browser stream (SSE), through the database (the call, its events, the action log) and PostgreSQL
// NOTIFY. Reference in the same run: a bare HTTP round trip to the same server (GET /api/health).
import { buildApp } from "../server/src/app";
import { seedStaff } from "../server/src/modules/demo/seedStaff";
import { genericSignature } from "../server/src/modules/telephony/signature";
import { testAppContext } from "../server/test/testContext";
import { databaseUrl, freshDatabase, machine } from "./lib/pgDatabase";

const NAME = "orbit_bench_telephony";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;

export default async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 200);
  const database = await freshDatabase(NAME);
  await seedStaff(database.db, []);
  await database.query(
    "INSERT INTO pbx_connections (code, kind, name, secret) VALUES ('bench', 'generic', 'bench', 'bench-secret-123')",
  );
  const app = await buildApp(testAppContext(database), { webDist: null, logger: false });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "operator", password: "orbit-demo" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const stream = await fetch(`${url}/api/push/stream`, { headers: { cookie } });
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const arrived = new Map<string, number>();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value);
      let i = buffer.indexOf("\n\n");
      while (i >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = /data: (.*)/.exec(block)?.[1];
        if (data) arrived.set(String(JSON.parse(data).callId), performance.now());
        i = buffer.indexOf("\n\n");
      }
    }
  })();

  const webhook = async (k: number) => {
    const body = JSON.stringify({
      id: `ring-${k}`,
      callId: `bench-${k}`,
      type: "call.ringing",
      at: new Date().toISOString(),
      direction: "in",
      from: `+7916${String(1_000_000 + k).slice(-7)}`,
      extension: "130",
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const sent = performance.now();
    const res = await fetch(`${url}/api/telephony/webhooks/bench`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-orbit-timestamp": ts,
        "x-orbit-signature": genericSignature("bench-secret-123", ts, body),
      },
      body,
    });
    const { callId } = (await res.json()) as { callId: number };
    for (let w = 0; w < 2000 && !arrived.has(String(callId)); w++) await new Promise((r) => setTimeout(r, 1));
    const at = arrived.get(String(callId));
    if (at === undefined) throw new Error(`no push for call ${callId}`);
    return at - sent;
  };
  for (let k = 0; k < 20; k++) await webhook(-1 - k); // warm-up
  const pop: number[] = [];
  for (let k = 0; k < n; k++) pop.push(await webhook(k));
  const bare: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    await (await fetch(`${url}/api/health`)).text();
    bare.push(performance.now() - t0);
  }
  console.log(
    `Telephony pop-up latency, ${n} incoming calls, ${await machine()}, PostgreSQL ${databaseUrl(NAME)}`,
  );
  console.log(
    `  webhook -> SSE event: p50 ${pct(pop, 0.5).toFixed(1)} ms, p95 ${pct(pop, 0.95).toFixed(1)} ms, max ${Math.max(...pop).toFixed(1)} ms (target < 100 ms)`,
  );
  console.log(
    `  reference, bare HTTP round trip (GET /api/health): p50 ${pct(bare, 0.5).toFixed(1)} ms, p95 ${pct(bare, 0.95).toFixed(1)} ms`,
  );
  console.log(`  ratio p50: ${(pct(pop, 0.5) / pct(bare, 0.5)).toFixed(1)}`);
  await reader.cancel().catch(() => {});
  await app.close();
  await database.close();
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
}
