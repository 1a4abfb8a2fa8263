import type { AnalyticsReport, Experiment, TargetListPreview } from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { assignArms } from "./assignment";
import { refreshProcessFacts } from "./processFacts.service";

let t: TestApp;
let director: SignedIn;
let manager: SignedIn;
let d1: number;
let d2: number;
const q = (sql: string, params: unknown[] = []) => t.database.query<Record<string, number>>(sql, params);
const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0]?.id as number;

/**
 * A small, known world in October 2026: four clients with cars at two dealerships, their visits, points,
 * tasks, deals, calls and the action log of three work orders; every figure below is counted by hand.
 */
async function seed() {
  const sales = await one("SELECT id FROM users WHERE login = 'sales'");
  const salesManager = await one("SELECT id FROM users WHERE login = 'sales.manager'");
  d1 = await one("SELECT dealership_id AS id FROM users WHERE login = 'sales'");
  d2 = await one("SELECT id FROM dealerships WHERE id <> $1 ORDER BY id LIMIT 1", [d1]);
  const party = (name: string, segment: string, home: number, blocked = false) =>
    one(
      `INSERT INTO parties (kind, display_name, segment, home_dealership_id, blocked) VALUES ('person', $1, $2, $3, $4) RETURNING id`,
      [name, segment, home, blocked],
    );
  const p1 = await party("Иванов Иван", "loyal", d1);
  const p2 = await party("Петров Пётр", "active", d1);
  const p3 = await party("Сидоров Олег", "lapsed", d1);
  await party("Смирнова Анна", "lapsed", d1);
  const p5 = await party("Кузнецов Павел", "lapsed", d2);
  await party("Попов Денис", "lapsed", d2, true);
  await q(
    `INSERT INTO contact_points (party_id, kind, value, raw, source_system, is_primary) VALUES ($1, 'phone', '+79990000003', '+7 999 000-00-03', 'test', true)`,
    [p3],
  );
  const car = async (owner: number, from: string) => {
    const v = await one("INSERT INTO vehicles DEFAULT VALUES RETURNING id");
    await q(
      "INSERT INTO vehicle_ownerships (vehicle_id, party_id, valid_from, source_system) VALUES ($1, $2, $3, 'test')",
      [v, owner, from],
    );
    return v;
  };
  const v1 = await car(p1, "2024-11-15"); // year 2 at 2026-10-31
  const v2 = await car(p2, "2026-01-10"); // year 1
  const v3 = await car(p3, "2020-05-01"); // year 7
  const v4 = await car(p5, "2026-03-01"); // year 1
  let number = 0;
  const order = (
    v: number,
    p: number,
    d: number,
    kind: string,
    status: string,
    channel: string,
    at: string,
    rub: number,
  ) =>
    one(
      `INSERT INTO work_orders (number, vehicle_id, party_id, dealership_id, kind, status, booking_channel, opened_at, summary, amount_kopecks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'test', $9) RETURNING id`,
      [`T-${++number}`, v, p, d, kind, status, channel, at, rub * 100],
    );
  const w1 = await order(v1, p1, d1, "maintenance", "delivered", "web", "2026-10-05T09:00:00Z", 12_000);
  const w2 = await order(v2, p2, d1, "repair", "delivered", "call", "2026-10-06T09:00:00Z", 5_000);
  const w3 = await order(v3, p3, d1, "maintenance", "no_show", "call", "2026-10-07T09:00:00Z", 0);
  await order(v4, p5, d2, "maintenance", "delivered", "portal", "2026-10-08T09:00:00Z", 8_000);
  await order(v1, p1, d1, "repair", "cancelled", "web", "2026-10-09T09:00:00Z", 0);
  await order(v2, p2, d1, "maintenance", "booked", "walk_in", "2026-11-02T09:00:00Z", 0);

  const scenario = await one(
    `INSERT INTO scenarios (code, kind, name, params, queue) VALUES ('abandoned', 'abandoned_booking', 'Брошенная запись', '{}', 'service') RETURNING id`,
  );
  let need = 0;
  const task = (
    p: number,
    d: number,
    source: string,
    sourceId: number | null,
    status: string,
    outcome: string | null,
    by: number | null,
    created: string,
  ) =>
    one(
      `INSERT INTO tasks (party_id, dealership_id, reason_code, need_key, source, source_id, queue, status, outcome, completed_by_user_id,
                          due_at, window_end, sla_at, created_at)
       VALUES ($1, $2, 'test', $3, $4, $5, 'service', $6, $7, $8, $9, $9, $9, $9) RETURNING id`,
      [p, d, `need-${++need}`, source, sourceId, status, outcome, by, created],
    );
  const t1 = await task(p1, d1, "standard", null, "done", "booked", sales, "2026-10-01T08:00:00Z");
  const t2 = await task(p2, d1, "standard", null, "done", "no_answer", salesManager, "2026-10-01T08:00:00Z");
  await task(p1, d1, "scenario", scenario, "done", "booked", sales, "2026-10-03T08:00:00Z");
  await task(p2, d1, "scenario", scenario, "done", "reached", sales, "2026-10-03T08:00:00Z");
  await task(p3, d1, "scenario", scenario, "open", null, null, "2026-10-03T08:00:00Z");
  await task(p5, d2, "scenario", scenario, "done", "booked", null, "2026-10-04T08:00:00Z");

  const point = (p: number, d: number, kind: string, start: string, status: string, taskId: number | null) =>
    q(
      `INSERT INTO lifecycle_points (party_id, dealership_id, kind, need_key, window_start, window_end, status, task_id)
       VALUES ($1, $2, $3, $4, $5, $5::date + 30, $6, $7)`,
      [p, d, kind, `point-${++need}`, start, status, taskId],
    );
  await point(p1, d1, "maintenance", "2026-10-02", "converted", t1);
  await point(p2, d1, "maintenance", "2026-10-02", "missed", t2);
  await point(p3, d1, "osago", "2026-10-15", "due", null);
  await point(p5, d2, "osago", "2026-10-20", "converted", null);
  await point(p1, d1, "kasko", "2026-10-25", "converted", t1);
  await point(p2, d1, "kasko", "2026-09-25", "converted", null); // before the period

  const deal = (p: number, d: number, source: string, status: string, rub: number | null) =>
    q(
      `INSERT INTO deals (party_id, dealership_id, kind, source, status, amount_kopecks, opened_at) VALUES ($1, $2, 'new_car', $3, $4, $5, '2026-10-12T10:00:00Z')`,
      [p, d, source, status, rub === null ? null : rub * 100],
    );
  await deal(p1, d1, "web", "won", 3_000_000);
  await deal(p2, d1, "web", "lost", null);
  await deal(p3, d1, "call", "open", null);
  await deal(p5, d2, "walk_in", "won", 2_000_000);

  const pbx = await one(
    `INSERT INTO pbx_connections (code, kind, name, secret) VALUES ('t', 'generic', 'АТС', 's') RETURNING id`,
  );
  const script = await one(
    `INSERT INTO call_scripts (name, target_s, steps) VALUES ('Запись', 120,
       '[{"code":"greet","key":true},{"code":"offer","key":true},{"code":"bye","key":false}]') RETURNING id`,
  );
  let ext = 0;
  const call = (
    dir: string,
    phone: string,
    outcome: string,
    at: string,
    extra: { user?: number; script?: number; ticks?: string; handover?: string } = {},
  ) =>
    q(
      `INSERT INTO calls (pbx_id, external_id, direction, raw_number, phone, dealership_id, user_id, state, outcome, started_at,
                          script_id, script_progress, handover_type)
       VALUES ($1, $2, $3, $4, $4, $5, $6, 'ended', $7, $8, $9, $10::jsonb, $11)`,
      [
        pbx,
        `c${++ext}`,
        dir,
        phone,
        d1,
        extra.user ?? null,
        outcome,
        at,
        extra.script ?? null,
        extra.ticks ?? "{}",
        extra.handover ?? null,
      ],
    );
  await call("in", "+79990000001", "missed", "2026-10-10T10:00:00Z");
  await call("out", "+79990000001", "answered", "2026-10-10T10:30:00Z", { user: sales });
  await call("in", "+79990000002", "answered", "2026-10-10T11:00:00Z", {
    user: sales,
    script,
    ticks: '{"greet":"2026-10-10T11:00:10Z","bye":"2026-10-10T11:03:00Z"}',
    handover: "work_order",
  });
  await call("in", "+79990000003", "answered", "2026-10-11T11:00:00Z", { user: sales });
  await call("in", "+79990000004", "missed", "2026-10-12T11:00:00Z");

  const log = (wo: number, step: string, at: string) =>
    q(
      `INSERT INTO action_log (at, actor_user_id, dealership_id, entity_type, entity_id, action, process_step) VALUES ($1, $2, $3, 'work_order', $4, 'status', $5)`,
      [at, sales, d1, String(wo), step],
    );
  for (const [wo, steps] of [
    [
      w1,
      [
        ["service.booked", "09"],
        ["service.arrived", "10"],
        ["service.in_work", "12"],
        ["service.delivered", "16"],
      ],
    ],
    [
      w2,
      [
        ["service.booked", "09"],
        ["service.arrived", "13"],
        ["service.delivered", "15"],
      ],
    ],
    [
      w3,
      [
        ["service.booked", "09"],
        ["service.no_show", "11"],
      ],
    ],
  ] as [number, [string, string][]][]) {
    const day = wo === w1 ? "05" : wo === w2 ? "06" : "07";
    for (const [step, hour] of steps) await log(wo, step, `2026-10-${day}T${hour}:00:00Z`);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await seed();
  // Process mining reads the facts the background job keeps; here it runs once over the seeded log.
  await refreshProcessFacts(t.database.db);
  director = await t.signIn("director");
  manager = await t.signIn("sales.manager");
});
afterAll(async () => t.close());

const OCT = "from=2026-10-01&to=2026-10-31";
async function report(name: string, query: string, who = () => director): Promise<AnalyticsReport> {
  const res = await t.as(who(), "GET", `/api/analytics/reports/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const byKey = (r: AnalyticsReport) => Object.fromEntries(r.rows.map((row) => [String(row.key), row]));

describe("the analytics reports", () => {
  it("count lifecycle utilisation by kind, dealership, employee and month", async () => {
    expect(byKey(await report("utilisation", `${OCT}&by=kind`))).toEqual({
      kasko: { key: "kasko", label: "kasko", due: 1, converted: 1, utilisation: 1 },
      maintenance: { key: "maintenance", label: "maintenance", due: 2, converted: 1, utilisation: 0.5 },
      osago: { key: "osago", label: "osago", due: 2, converted: 1, utilisation: 0.5 },
    });
    const dealers = byKey(await report("utilisation", `${OCT}&by=dealership`));
    expect(dealers[String(d1)]).toMatchObject({ due: 4, converted: 2, utilisation: 0.5 });
    expect(dealers[String(d2)]).toMatchObject({ due: 1, converted: 1, utilisation: 1 });
    const people = (await report("utilisation", `${OCT}&by=employee`)).rows;
    expect(people.map((r) => [r.label, r.due, r.converted])).toEqual(
      expect.arrayContaining([
        [expect.any(String), 2, 2],
        [expect.any(String), 1, 0],
        [null, 2, 1],
      ]),
    );
    expect((await report("utilisation", "from=2026-09-01&to=2026-10-31&by=month")).rows).toEqual([
      { key: "2026-09", label: "2026-09", due: 1, converted: 1, utilisation: 1 },
      { key: "2026-10", label: "2026-10", due: 5, converted: 3, utilisation: 0.6 },
    ]);
  });

  it("show wallet share and revenue per client by year of ownership", async () => {
    const rows = byKey(await report("wallet", OCT));
    expect(rows["1"]).toMatchObject({
      cars: 2,
      clients: 2,
      served: 2,
      maintained: 1,
      walletShare: 0.5,
      revenue: 13_000,
      revenuePerClient: 6_500,
    });
    expect(rows["2"]).toMatchObject({ cars: 1, served: 1, maintained: 1, walletShare: 1, revenue: 12_000 });
    expect(rows["7"]).toMatchObject({ cars: 1, served: 0, maintained: 0, walletShare: 0, revenue: 0 });
    // One dealership: its clients' cars and what it earned on them.
    expect(byKey(await report("wallet", `${OCT}&dealershipId=${d2}`))).toEqual({
      "1": {
        key: "1",
        label: "1",
        cars: 1,
        clients: 1,
        served: 1,
        maintained: 1,
        walletShare: 1,
        revenue: 8_000,
        revenuePerClient: 8_000,
      },
    });
  });

  it("count the funnel by source and show-up by booking channel", async () => {
    expect(byKey(await report("funnel", OCT))).toMatchObject({
      web: { leads: 2, open: 0, won: 1, lost: 1, conversion: 0.5, revenue: 3_000_000 },
      call: { leads: 1, open: 1, won: 0, conversion: 0 },
      walk_in: { leads: 1, won: 1, conversion: 1, revenue: 2_000_000 },
    });
    expect(byKey(await report("showUp", OCT))).toEqual({
      web: { key: "web", label: "web", booked: 2, came: 1, noShow: 0, cancelled: 1, showUpRate: 1 },
      call: { key: "call", label: "call", booked: 2, came: 1, noShow: 1, cancelled: 0, showUpRate: 0.5 },
      portal: { key: "portal", label: "portal", booked: 1, came: 1, noShow: 0, cancelled: 0, showUpRate: 1 },
    });
    expect(byKey(await report("showUp", `${OCT}&dealershipId=${d2}`))).toEqual({
      portal: expect.objectContaining({ booked: 1 }),
    });
  });

  it("count each scenario's strike rate", async () => {
    expect((await report("strikeRate", OCT)).rows).toEqual([
      {
        key: expect.any(String),
        label: "Брошенная запись",
        tasks: 4,
        closed: 3,
        reached: 3,
        booked: 2,
        strikeRate: 0.5,
      },
    ]);
  });

  it("count the contact centre's calls, callbacks, bookings and script adherence", async () => {
    expect(byKey(await report("calls", OCT))[String(d1)]).toMatchObject({
      incoming: 4,
      answered: 2,
      missed: 2,
      answerRate: 0.5,
      calledBack: 1,
      callbackMinutes: 30,
      booked: 1,
      bookingRate: 0.5,
      adherence: 0.5,
    });
  });

  it("mine the work orders' process: step times, cycle time and variants", async () => {
    const r = await report("process", `${OCT}&process=work_order`);
    const steps = byKey(r);
    expect(steps["service.booked"]).toMatchObject({ events: 3, handedOn: 3, medianHours: 2 });
    expect(steps["service.booked"]?.p90Hours).toBeCloseTo(3.6, 10);
    expect(steps["service.arrived"]).toMatchObject({ events: 2, medianHours: 2, p90Hours: 2 });
    expect(steps["service.in_work"]).toMatchObject({ events: 1, medianHours: 4 });
    expect(steps["service.delivered"]).toMatchObject({ events: 2, handedOn: 0, medianHours: null });
    expect(steps.cycle).toMatchObject({ events: 3, medianHours: 6 });
    expect(steps.cycle?.p90Hours).toBeCloseTo(6.8, 10);
    expect(r.variants.map((v) => [v.steps.length, v.cases, v.meanHours])).toEqual(
      expect.arrayContaining([
        [4, 1, 7],
        [3, 1, 6],
        [2, 1, 2],
      ]),
    );
    // By who logged the steps: one advisor logged all nine, six of them handed on.
    const people = (await report("process", `${OCT}&process=work_order&by=employee`)).rows;
    const [advisor] = await q("SELECT full_name FROM users WHERE login = 'sales'");
    expect(people.map((row) => [row.label, row.events, row.handedOn])).toEqual([
      [advisor?.full_name, 9, 6],
      [null, 3, null],
    ]);
  });

  it("say how fresh the process facts are", async () => {
    const r = await report("process", `${OCT}&process=work_order`);
    expect(Date.parse(r.factsAsOf as string)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect((await report("funnel", OCT)).factsAsOf).toBeUndefined();
  });

  it("keep a dealership's manager to their dealership and refuse bad periods", async () => {
    const mine = byKey(await report("showUp", `${OCT}&dealershipId=${d2}`, () => manager));
    expect(Object.keys(mine).sort()).toEqual(["call", "web"]);
    const bad = await t.as(director, "GET", "/api/analytics/reports/funnel?from=2026-10-31&to=2026-10-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("to");
    const salesperson = await t.signIn("sales");
    expect((await t.as(salesperson, "GET", `/api/analytics/reports/funnel?${OCT}`)).statusCode).toBe(403);
  });

  it("export a report as CSV", async () => {
    const res = await t.as(director, "GET", `/api/analytics/reports/strikeRate/csv?${OCT}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.split("\n")[0]).toBe("\uFEFFkey,label,tasks,closed,reached,booked,strikeRate");
    expect(res.body).toContain("Брошенная запись,4,3,3,2,0.5");
  });
});

describe("pilot and control", () => {
  it("draws dealerships as the pure rule does and reports the uplift with its interval", async () => {
    const res = await t.as(director, "POST", "/api/experiments", {
      name: "Новый скрипт записи",
      change: "Скрипт с предложением ближайшего окна",
      unit: "dealership",
      metric: "task_booked",
      seed: "s1",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
    expect(res.statusCode, res.body).toBe(201);
    const e: Experiment = res.json();
    const dealerships = (await q("SELECT id FROM dealerships")).map((r) => r.id as number);
    const arms = assignArms(dealerships, "s1", 0.5);
    const stored = await q(
      "SELECT unit_id, arm FROM experiment_units WHERE experiment_id = $1 ORDER BY unit_id",
      [e.id],
    );
    expect(stored.map((r) => [r.unit_id, r.arm])).toEqual(
      [...arms].sort((a, b) => a.unitId - b.unitId).map((a) => [a.unitId, a.arm]),
    );
    // d1 made five tasks in October, two booked; d2 one, booked.
    const armOf = (d: number) => arms.find((a) => a.unitId === d)?.arm;
    const expected = { pilot: { n: 0, successes: 0 }, control: { n: 0, successes: 0 } };
    expected[armOf(d1) as "pilot"].n += 5;
    expected[armOf(d1) as "pilot"].successes += 2;
    expected[armOf(d2) as "pilot"].n += 1;
    expected[armOf(d2) as "pilot"].successes += 1;
    expect(e.pilot).toMatchObject(expected.pilot);
    expect(e.control).toMatchObject(expected.control);
    expect(e.pilot.units + e.control.units).toBe(dealerships.length);
    const list = await t.as(director, "GET", "/api/experiments");
    expect((list.json() as Experiment[])[0]?.id).toBe(e.id);
    const logged = await q(
      "SELECT count(*)::int AS n FROM action_log WHERE entity_type = 'experiment' AND entity_id = $1",
      [String(e.id)],
    );
    expect(logged[0]?.n).toBe(1);
  });

  it("draws clients in SQL by the same rule", async () => {
    const res = await t.as(director, "POST", "/api/experiments", {
      name: "Клиенты",
      change: "Напоминание в мессенджер",
      unit: "client",
      metric: "point_converted",
      pilotShare: 0.4,
      seed: "clients",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
    expect(res.statusCode, res.body).toBe(201);
    const e: Experiment = res.json();
    const ids = (await q("SELECT id FROM parties WHERE merged_into_id IS NULL AND status = 'active'")).map(
      (r) => r.id as number,
    );
    const stored = await q(
      "SELECT unit_id, arm FROM experiment_units WHERE experiment_id = $1 ORDER BY unit_id",
      [e.id],
    );
    expect(stored.map((r) => [r.unit_id, r.arm])).toEqual(
      assignArms(ids, "clients", 0.4)
        .sort((a, b) => a.unitId - b.unitId)
        .map((a) => [a.unitId, a.arm]),
    );
    expect(e.pilot.n + e.control.n).toBe(5);
    expect(e.pilot.successes + e.control.successes).toBe(3);
  });

  it("refuses a bad experiment with the field and a salesperson", async () => {
    const bad = await t.as(director, "POST", "/api/experiments", {
      name: "x",
      change: "y",
      unit: "dealership",
      metric: "task_booked",
      startsOn: "2026-10-31",
      endsOn: "2026-10-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("endsOn");
    const unknown = await t.as(director, "POST", "/api/experiments", {
      name: "x",
      change: "y",
      unit: "dealership",
      metric: "task_booked",
      scenarioId: 999_999,
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("scenarioId");
    const sales = await t.signIn("sales");
    expect((await t.as(sales, "GET", "/api/experiments")).statusCode).toBe(403);
  });
});

describe("campaign target lists", () => {
  it("select clients by segment, dealership and inactivity, export them and turn them into tasks", async () => {
    const preview = async (query: string): Promise<TargetListPreview> =>
      (await t.as(director, "GET", `/api/target-lists/preview?${query}`)).json();
    expect((await preview("segments=lapsed")).total).toBe(3);
    const d1List = await preview(`segments=lapsed&dealershipId=${d1}`);
    expect(d1List.sample.map((c) => c.name)).toEqual(["Сидоров Олег", "Смирнова Анна"]);
    expect(d1List.sample[0]?.phone).toBe("+79990000003");
    expect((await preview("segments=lapsed&inactiveDays=3650")).total).toBe(2);
    expect((await preview("segments=lapsed&segments=loyal")).total).toBe(4);

    const csv = await t.as(director, "GET", `/api/target-lists/csv?segments=lapsed&dealershipId=${d1}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split("\n")).toHaveLength(3);
    expect(csv.body).toContain("Сидоров Олег,+79990000003,lapsed");

    const body = {
      filter: { segments: ["lapsed"], dealershipId: d1 },
      campaign: "Осенний сервис",
      dueOn: "2026-11-10",
      queue: "service",
    };
    const made = await t.as(director, "POST", "/api/target-lists/tasks", body);
    expect(made.json()).toEqual({ created: 2 });
    expect((await t.as(director, "POST", "/api/target-lists/tasks", body)).json()).toEqual({ created: 0 });
    const tasks = await q(
      "SELECT count(*)::int AS n FROM tasks WHERE reason_code = 'campaign' AND dealership_id = $1",
      [d1],
    );
    expect(tasks[0]?.n).toBe(2);
  });
});

describe("process mining's facts", () => {
  const facts = async () => ({
    events: await q(
      "SELECT id, entity_type, case_id, step, at, next_at, actor_user_id, dealership_id FROM process_events ORDER BY id",
    ),
    cases: await q(
      "SELECT entity_type, case_id, first_at, last_at, events, path, dealership_id FROM process_cases ORDER BY entity_type, case_id",
    ),
  });
  const rebuilt = async () => {
    // The same facts read from scratch: the first run's set-based build over the whole log.
    const kept = await facts();
    await q("UPDATE analytics_watermarks SET log_id = 0 WHERE name = 'process_facts'");
    await refreshProcessFacts(t.database.db);
    return kept;
  };

  it("take in new steps incrementally: the previous step ends, the path grows, other logs stay out", async () => {
    const [wo] = await q(
      "SELECT case_id AS id FROM process_cases WHERE entity_type = 'work_order' AND events = 2 ORDER BY case_id LIMIT 1",
    );
    const id = String(wo?.id);
    const log = (type: string, entity: string, step: string | null, at: string) =>
      q(
        `INSERT INTO action_log (at, dealership_id, entity_type, entity_id, action, process_step) VALUES ($1, $2, $3, $4, 'status', $5)`,
        [at, d1, type, entity, step],
      );
    await log("work_order", id, "service.rebooked", "2026-10-07T15:30:00Z");
    await log("work_order", id, null, "2026-10-07T16:00:00Z");
    await log("work_order", "W-1", "service.booked", "2026-10-07T16:00:00Z");
    await log("deal", "77", "deal.open", "2026-10-20T10:00:00Z");
    await log("deal", "77", "deal.won", "2026-10-21T10:00:00Z");
    await log("deal", "78", "service.booked", "2026-10-20T10:00:00Z");
    const run = await refreshProcessFacts(t.database.db);
    expect(run).toMatchObject({ full: false, cases: 2 });

    const [c] = await q(
      "SELECT events, path, extract(epoch FROM last_at - first_at)::int / 60 AS minutes FROM process_cases WHERE entity_type = 'work_order' AND case_id = $1",
      [id],
    );
    expect(c).toEqual({
      events: 3,
      path: ["service.booked", "service.no_show", "service.rebooked"],
      minutes: 390,
    });
    const steps = byKey(await report("process", `${OCT}&process=work_order`));
    expect(steps["service.no_show"]).toMatchObject({ events: 1, handedOn: 1, medianHours: 4.5 });
    expect(steps["service.rebooked"]).toMatchObject({ events: 1, handedOn: 0, medianHours: null });
    const deals = await report("process", `${OCT}&process=deal`);
    expect(byKey(deals)["deal.open"]).toMatchObject({ events: 1, handedOn: 1, medianHours: 24 });
    expect(deals.variants).toEqual([{ steps: ["deal.open", "deal.won"], cases: 1, share: 1, meanHours: 24 }]);

    // Nothing new: nothing rewritten, and the incremental facts are what a build from scratch gives.
    expect(await refreshProcessFacts(t.database.db)).toMatchObject({ full: false, cases: 0 });
    const incremental = await rebuilt();
    expect(await facts()).toEqual(incremental);
  });

  it("take a step whose transaction committed after a run had passed its id", async () => {
    // PGlite has one connection: a transaction left open would hold it, and no run could start meanwhile.
    if (t.database.kind !== "postgres") return;
    const late = await t.database.withConnection(async (query) => {
      await query("BEGIN");
      const [row] = await query<{ id: number }>(
        `INSERT INTO action_log (at, dealership_id, entity_type, entity_id, action, process_step)
         VALUES ('2026-10-22T10:00:00Z', $1, 'deal', '79', 'status', 'deal.open') RETURNING id`,
        [d1],
      );
      // A later id commits first, and a run takes the watermark past the open transaction's id.
      await q(
        "INSERT INTO action_log (dealership_id, entity_type, entity_id, action, process_step) VALUES ($1, 'deal', '80', 'status', 'deal.open')",
        [d1],
      );
      await refreshProcessFacts(t.database.db);
      await query("COMMIT");
      return Number(row?.id);
    });
    expect(await q("SELECT id FROM process_events WHERE id = $1", [late])).toHaveLength(0);
    await refreshProcessFacts(t.database.db);
    expect(await q("SELECT id FROM process_events WHERE id = $1", [late])).toHaveLength(1);
  });

  it("give the same facts when two workers run at once", async () => {
    await q(
      "INSERT INTO action_log (at, dealership_id, entity_type, entity_id, action, process_step) VALUES ('2026-10-23T10:00:00Z', $1, 'deal', '81', 'status', 'deal.open')",
      [d1],
    );
    const runs = await Promise.all([refreshProcessFacts(t.database.db), refreshProcessFacts(t.database.db)]);
    expect(runs.map((r) => r.cases).sort()).toEqual([0, 1]);
    expect(await facts()).toEqual(await rebuilt());
  });
});
