import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OrbitProcess, startOrbit } from "../../test/orbitProcess";
import { call, clientExport, demoDatabase, signIn, until, writeExport } from "../../test/processFixture";
import { SCORE_QUEUE } from "../modules/scoring/propensity.service";
import { trainPropensityModels } from "../modules/scoring/training.service";
import { dealerDay } from "./time/dealerCalendar";

// Killing and restarting processes on one database needs a real server; PGlite lives in one process.
const onPostgres = process.env.ORBIT_TEST_DB === "postgres";

let t: Awaited<ReturnType<typeof demoDatabase>>;
const running: OrbitProcess[] = [];
const start = async (role: "serve" | "worker") => {
  const p = await startOrbit(role, t.url);
  running.push(p);
  return p;
};

beforeAll(async () => {
  if (!onPostgres) return;
  t = await demoDatabase();
}, 120_000);
afterAll(async () => {
  if (!onPostgres) return;
  await Promise.all(running.map((p) => p.stop()));
  await t?.drop();
});

const one = async <T>(text: string, params: unknown[] = []) => (await t.database.query<T>(text, params))[0]!;

describe.skipIf(!onPostgres)("kill -9 in the middle of work, then restart", () => {
  it("an import resumes where its last committed batch ended: no row lost, none imported twice", async () => {
    const rows = 6000;
    const path = writeExport(clientExport("K", rows, 200_000_000));
    const [batch] = await t.database.query<{ id: number }>(
      `INSERT INTO import_batches (source_system, file_name, file_path, delimiter, mapping, status)
       VALUES ('dms:CRASH', 'crash.csv', $1, ';', '{"Код":"sourceKey","Фамилия":"lastName","Имя":"firstName","Телефон":"phones"}', 'uploaded')
       RETURNING id`,
      [path],
    );
    const worker = await start("worker");
    const progress = () =>
      one<{ rows_done: number; status: string }>(
        "SELECT rows_done, status FROM import_batches WHERE id = $1",
        [batch!.id],
      );
    await until(async () => (await progress()).rows_done > 0, 60_000, "first batch committed");
    await worker.kill();
    const killedAt = await progress();
    expect(killedAt.status).toBe("running");
    expect(killedAt.rows_done).toBeLessThan(rows);
    // The dead runner's heartbeat goes stale after a while (STALE_IMPORT_MS); let that while pass.
    await t.database.query(
      "UPDATE import_batches SET heartbeat_at = now() - interval '1 hour' WHERE id = $1",
      [batch!.id],
    );
    await worker.restart();
    await until(async () => (await progress()).status === "done", 60_000, "import done");
    const done = await one<{ rows_done: number; rejected: number }>(
      "SELECT rows_done, rejected FROM import_batches WHERE id = $1",
      [batch!.id],
    );
    expect(done).toEqual({ rows_done: rows, rejected: 0 });
    const records = await one<{ n: number; keys: number; parties: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT source_key)::int AS keys, count(DISTINCT party_id)::int AS parties
         FROM source_records WHERE source_system = 'dms:CRASH'`,
    );
    expect(records.n).toBe(rows);
    expect(records.keys).toBe(rows);
    // Each phone of the export is on one client: a row written twice would show as a second one.
    const phones = await one<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT value)::int AS distinct FROM contact_points
        WHERE kind = 'phone' AND value BETWEEN '+79200000000' AND '+79200005999' AND valid_to IS NULL`,
    );
    expect(phones).toEqual({ n: rows, distinct: rows });
    await worker.stop();
  }, 120_000);

  it("a scoring run killed mid-way is run again by the restarted worker and published once", async () => {
    const today = dealerDay();
    await t.database.db.transaction((tx) =>
      trainPropensityModels(t.database, tx, { today, params: { trees: 20 }, maxRows: 20_000 }),
    );
    const before = await one<{ id: number | null }>(
      "SELECT max(id) AS id FROM scoring_runs WHERE finished_at IS NOT NULL",
    );
    const [job] = await t.database.query<{ id: number }>(
      // Due long ago: the worker takes it before the jobs its own schedule queues on start.
      "INSERT INTO jobs (queue, payload, run_at) VALUES ($1, '{}', now() - interval '1 year') RETURNING id",
      [SCORE_QUEUE],
    );
    // The run is held mid-way, writing its offers behind a lock, so the kill always lands inside it
    // (a small group is scored faster than the test could look).
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE offer_scores IN ACCESS EXCLUSIVE MODE");
    const worker = await start("worker");
    const state = () =>
      one<{ status: string; attempts: number }>("SELECT status, attempts FROM jobs WHERE id = $1", [job!.id]);
    try {
      await until(async () => (await state()).status === "running", 60_000, "scoring started");
      await until(
        async () =>
          (
            await one<{ n: number }>(
              "SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'offer_scores'::regclass AND NOT granted",
            )
          ).n > 0,
        60_000,
        "scoring waiting to write its offers",
      );
      await worker.kill();
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await state()).status).toBe("running");
    // The lease of the dead worker runs out (five minutes); let that time pass.
    await t.database.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [
      job!.id,
    ]);
    await worker.restart();
    await until(async () => (await state()).status === "done", 90_000, "scoring done");
    // Claimed by the killed worker, then once more by the restarted one.
    expect((await state()).attempts).toBe(2);
    const published = await t.database.query<{ id: number }>(
      "SELECT id FROM scoring_runs WHERE finished_at IS NOT NULL AND id > $1",
      [before.id ?? 0],
    );
    expect(published).toHaveLength(1);
    // The card reads one run's offers, none twice.
    const offers = await one<{ runs: number; run: number; n: number; distinct: number }>(
      `SELECT count(DISTINCT run_id)::int AS runs, max(run_id) AS run, count(*)::int AS n,
              count(DISTINCT (run_id, party_id, family, vehicle_id))::int AS distinct FROM offer_scores`,
    );
    expect(offers.runs).toBe(1);
    expect(offers.run).toBe(published[0]!.id);
    expect(offers.n).toBeGreaterThan(0);
    expect(offers.n).toBe(offers.distinct);
    await worker.stop();
  }, 180_000);

  it("a booking burst cut by kill -9 of the API: every answered booking is kept, none doubled, the rest book after restart", async () => {
    const api = await start("serve");
    const operator = await signIn(api.url, "operator");
    const cars = await t.database.query<{ dealership_id: number; party_id: number; vehicle_id: number }>(
      `SELECT DISTINCT ON (o.vehicle_id) d.id AS dealership_id, o.party_id, o.vehicle_id
         FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
         JOIN dealerships d ON d.code = 'SPB-SERVICE'
        WHERE o.valid_to IS NULL
          AND EXISTS (SELECT 1 FROM maintenance_schedules s WHERE s.make = v.make AND s.model = v.model)
          AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.vehicle_id = o.vehicle_id AND w.status = 'booked')
        ORDER BY o.vehicle_id LIMIT 40`,
    );
    expect(cars.length).toBe(40);
    const vehicleIds = cars.map((c) => c.vehicle_id);
    const book = (c: (typeof cars)[number]) =>
      call(api.url, operator, "POST", "/api/service/bookings", {
        dealershipId: c.dealership_id,
        clientId: c.party_id,
        vehicleId: c.vehicle_id,
        channel: "call",
      }).catch(() => ({ status: 0, json: null }));
    const burst = Promise.all(cars.map(book));
    // Kill the API once some bookings have committed and others are still under way.
    await until(
      async () =>
        (
          await one<{ n: number }>(
            "SELECT count(*)::int AS n FROM work_orders WHERE vehicle_id = ANY($1::int[]) AND status = 'booked'",
            [vehicleIds],
          )
        ).n >= 3,
      60_000,
      "first bookings",
    );
    await api.kill();
    const answers = await burst;
    const answered = answers
      .map((a, i) => ({ ...a, vehicleId: cars[i]!.vehicle_id }))
      .filter((a) => a.status === 200);
    expect(answered.length).toBeLessThan(cars.length);
    const booked = () =>
      t.database.query<{ vehicle_id: number; n: number; lines: number }>(
        `SELECT w.vehicle_id, count(*)::int AS n, min((SELECT count(*) FROM work_order_lines l WHERE l.work_order_id = w.id))::int AS lines
           FROM work_orders w WHERE w.vehicle_id = ANY($1::int[]) AND w.status = 'booked' GROUP BY w.vehicle_id`,
        [vehicleIds],
      );
    const afterKill = await booked();
    // Every booking the operator was told about is there; nothing is booked twice or half-written.
    for (const a of answered) expect(afterKill.map((b) => b.vehicle_id)).toContain(a.vehicleId);
    for (const b of afterKill) {
      expect(b.n).toBe(1);
      expect(b.lines).toBeGreaterThan(0);
    }

    await api.restart();
    const again = await signIn(api.url, "operator");
    const have = new Set(afterKill.map((b) => b.vehicle_id));
    // The operator books the cars the cut-off left without a visit (the screen showed no booking).
    const retried = await Promise.all(
      cars
        .filter((c) => !have.has(c.vehicle_id))
        .map((c) =>
          call(api.url, again, "POST", "/api/service/bookings", {
            dealershipId: c.dealership_id,
            clientId: c.party_id,
            vehicleId: c.vehicle_id,
            channel: "call",
          }),
        ),
    );
    expect(retried.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const final = await booked();
    expect(final).toHaveLength(cars.length);
    for (const b of final) expect(b.n).toBe(1);
    // No two visits overlap on a post (the constraint holds after the crash too).
    const overlaps = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_orders a JOIN work_orders b
          ON a.id < b.id AND a.post_id = b.post_id AND a.status = 'booked' AND b.status = 'booked'
         AND tstzrange(a.planned_start, a.planned_end) && tstzrange(b.planned_start, b.planned_end)`,
    );
    expect(overlaps.n).toBe(0);
    await api.stop();
  }, 120_000);
});
