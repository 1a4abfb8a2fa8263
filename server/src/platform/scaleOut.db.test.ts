import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OrbitProcess, startOrbit } from "../../test/orbitProcess";
import { call, clientExport, demoDatabase, signIn, until } from "../../test/processFixture";
import { DEMO_SITE_KEY } from "../modules/demo/orgStructure";

// Several processes on one database need a real server; PGlite lives in one process.
const onPostgres = process.env.ORBIT_TEST_DB === "postgres";

let t: Awaited<ReturnType<typeof demoDatabase>>;
let processes: OrbitProcess[] = [];
let apis: OrbitProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  t = await demoDatabase();
  processes = await Promise.all([
    startOrbit("serve", t.url),
    startOrbit("serve", t.url),
    startOrbit("worker", t.url),
    startOrbit("worker", t.url),
  ]);
  apis = processes.filter((p) => p.role === "serve");
}, 180_000);
afterAll(async () => {
  if (!onPostgres) return;
  await Promise.all(processes.map((p) => p.stop()));
  await t?.drop();
});

describe.skipIf(!onPostgres)("two API processes and two workers on one PostgreSQL", () => {
  it("a session signed in on one API works on the other: no sticky sessions needed", async () => {
    const session = await signIn(apis[0]!.url, "director");
    const me = await call(apis[1]!.url, session, "GET", "/api/auth/me");
    expect(me.status).toBe(200);
    const write = await call(apis[1]!.url, session, "POST", "/api/worklists/evaluate");
    expect(write.status).toBe(202);
  });

  it("stores every event once, whichever API it reaches and however often it is sent", async () => {
    const batches = Array.from({ length: 15 }, (_, b) => ({
      events: Array.from({ length: 20 }, (_, i) => ({
        id: `scale-out-${b}-${i}`,
        type: "page_view",
        occurredAt: new Date().toISOString(),
        visitorId: `visitor-${b}-${i % 5}`,
        payload: { page: `/cars/${i}` },
      })),
    }));
    // Each batch goes to both APIs at once, as a site retrying through the balancer would send it.
    const answers = await Promise.all(
      batches.flatMap((batch) =>
        apis.map((api) =>
          fetch(`${api.url}/api/events`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-orbit-key": DEMO_SITE_KEY },
            body: JSON.stringify(batch),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { accepted: number } })),
        ),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(300);
    const [stored] = await t.database.query<{ n: number; ids: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM web_events WHERE id LIKE 'scale-out-%'",
    );
    expect(stored).toEqual({ n: 300, ids: 300 });
  });

  it("runs every job exactly once and every import once, uploaded through either API", async () => {
    const sessions = await Promise.all(apis.map((api) => signIn(api.url, "director")));
    // Client imports: uploaded through one API, started through the other, run by whichever worker.
    const imports = await Promise.all(
      apis.map(async (api, k) => {
        const other = apis[1 - k]!;
        const upload = await call(
          api.url,
          sessions[k]!,
          "POST",
          `/api/imports?fileName=export-${k}.csv&sourceSystem=dms:SCALE-${k}`,
          clientExport(`S${k}`, 1500, 100_000_000 + k * 10_000),
          "text/csv",
        );
        expect(upload.status, JSON.stringify(upload.json)).toBe(201);
        const preview = upload.json as { batch: { id: number }; suggestedMapping: unknown };
        const started = await call(
          other.url,
          sessions[1 - k]!,
          "POST",
          `/api/imports/${preview.batch.id}/start`,
          {
            mapping: preview.suggestedMapping,
          },
        );
        expect(started.status, JSON.stringify(started.json)).toBe(200);
        return preview.batch.id;
      }),
    );
    // Durable jobs queued through both APIs.
    const queued = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(apis[i % 2]!.url, sessions[i % 2]!, "POST", "/api/worklists/evaluate"),
      ),
    );
    const jobIds = queued.map((q) => (q.json as { jobId: number }).jobId);
    expect(new Set(jobIds).size).toBe(16);

    await until(
      async () => {
        const [left] = await t.database.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM jobs WHERE id = ANY($1::bigint[]) AND status <> 'done')
                + (SELECT count(*) FROM import_batches WHERE id = ANY($2::int[]) AND status <> 'done') AS n`,
          [jobIds, imports],
        );
        return left?.n === 0;
      },
      90_000,
      "jobs and imports done",
    );
    const jobs = await t.database.query<{ attempts: number; status: string }>(
      "SELECT attempts, status FROM jobs WHERE id = ANY($1::bigint[])",
      [jobIds],
    );
    // One attempt each: no job was taken by two workers, none failed and ran again.
    expect(jobs.map((j) => `${j.status}/${j.attempts}`)).toEqual(jobIds.map(() => "done/1"));
    for (const [k, id] of imports.entries()) {
      const [batch] = await t.database.query<{ rows_done: number; rejected: number }>(
        "SELECT rows_done, rejected FROM import_batches WHERE id = $1",
        [id],
      );
      expect(batch).toEqual({ rows_done: 1500, rejected: 0 });
      // Every row of the export is recorded once: none lost, none imported twice.
      const [rows] = await t.database.query<{ n: number; keys: number }>(
        "SELECT count(*)::int AS n, count(DISTINCT source_key)::int AS keys FROM source_records WHERE source_system = $1",
        [`dms:SCALE-${k}`],
      );
      expect(rows).toEqual({ n: 1500, keys: 1500 });
    }
  }, 150_000);
});
