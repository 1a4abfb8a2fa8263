import type { Task } from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { evaluateWorklists } from "./evaluate.service";

let t: TestApp;
let sales: SignedIn;
let manager: SignedIn;
let director: SignedIn;
let service: SignedIn;
let operator: SignedIn;
const today = dealerDay();

beforeAll(async () => {
  t = await createTestApp({ clients: 500, seed: 11, asOf: today });
  sales = await t.signIn("sales");
  manager = await t.signIn("sales.manager");
  director = await t.signIn("director");
  service = await t.signIn("service");
  operator = await t.signIn("operator");
});
afterAll(async () => t.close());

const count = async (query: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(query, params))[0]!.n;

/** An open task of the salesperson's dealership's sales queue, taken by the salesperson. */
async function takeSalesTask(): Promise<Task> {
  const queue = await t.as(sales, "GET", "/api/tasks?scope=queue&limit=200");
  expect(queue.statusCode, queue.body).toBe(200);
  let task = (queue.json() as { tasks: Task[] }).tasks.find((x) => x.queue === "sales");
  if (!task) {
    // Nothing unassigned today: a manager hands the salesperson a new one.
    const [row] = await t.database.query<{ id: number }>(
      `UPDATE tasks SET assignee_user_id = NULL WHERE id = (
         SELECT id FROM tasks WHERE status = 'open' AND queue = 'sales' AND dealership_id = (SELECT dealership_id FROM users WHERE login = 'sales')
          ORDER BY id LIMIT 1) RETURNING id`,
    );
    task = { id: row!.id } as Task;
  }
  const taken = await t.as(sales, "POST", `/api/tasks/${task.id}/take`);
  expect(taken.statusCode, taken.body).toBe(200);
  return taken.json() as Task;
}

describe("the morning's run", () => {
  it("makes calls from every kind of standard and the scenarios", async () => {
    const bySource = await t.database.query<{ source: string; code: string; n: number }>(
      `SELECT t.source, coalesce(s.code, sc.code) AS code, count(*)::int AS n FROM tasks t
         LEFT JOIN contact_standards s ON t.source = 'standard' AND s.id = t.source_id
         LEFT JOIN scenarios sc ON t.source = 'scenario' AND sc.id = t.source_id
        GROUP BY 1, 2`,
    );
    const codes = new Set(bySource.map((r) => r.code));
    for (const code of [
      "after_delivery_calls",
      "maintenance_invitation",
      "insurance_renewal",
      "trade_in_4th_year",
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(codes).toContain("web_request");
  });

  it("routes each call to the personal manager, else the owner, else the dealership's queue", async () => {
    // A client with a personal manager is called by them and no one else.
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks t JOIN parties p ON p.id = t.party_id
                    JOIN users pm ON pm.id = p.personal_manager_id AND pm.active
                   WHERE t.assignee_user_id IS DISTINCT FROM pm.id`),
    ).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM tasks WHERE dealership_id IS NULL OR queue IS NULL"),
    ).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM tasks WHERE assignee_user_id IS NULL"),
    ).toBeGreaterThan(0);
  });

  it("keeps to the contact policy: no blocked clients, offers only with consent, the weekly cap", async () => {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tasks t JOIN parties p ON p.id = t.party_id WHERE p.blocked`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks t
                    WHERE t.reason_code IN ('trade_in_year', 'credit_ends', 'osago_ends', 'kasko_ends', 'viewed_segment')
                      AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.party_id = t.party_id AND c.channel = 'call'
                                       AND c.purpose = 'marketing' AND c.granted AND c.valid_to IS NULL)`),
    ).toBe(0);
    const [policy] = await t.database.query<{ cap: number }>(
      "SELECT max_contacts_per_week AS cap FROM contact_policy",
    );
    expect(
      await count(
        "SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM tasks GROUP BY party_id) x",
      ),
    ).toBeLessThanOrEqual(policy!.cap);
  });

  it("attaches the full web request to its task", async () => {
    const [task] = await t.database.query<{ payload: { topic: string; comment: string } }>(
      "SELECT payload FROM tasks WHERE reason_code = 'web_request' LIMIT 1",
    );
    expect(task!.payload.topic).toBeTruthy();
    expect(task!.payload.comment).toBeTruthy();
  });

  it("makes no second call for the same need when run again", async () => {
    const before = await count("SELECT count(*)::int AS n FROM tasks");
    const again = await t.database.db.transaction((tx) =>
      evaluateWorklists(tx, { today, now: new Date(), scenariosOnly: false }),
    );
    expect(again.created).toBe(0);
    expect(again.held.alreadyContacted).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::int AS n FROM tasks")).toBe(before);
  });

  it("knows each client's lifecycle points, taken, missed and converted, and reports utilisation", async () => {
    const statuses = await t.database.query<{ status: string }>(
      "SELECT DISTINCT status FROM lifecycle_points",
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(["converted", "due", "missed"]);
    // Each call made for a lifecycle point is the point's task: that is how a reached call takes it.
    expect(
      await count(
        "SELECT count(*)::int AS n FROM tasks t JOIN lifecycle_points lp ON lp.need_key = t.need_key WHERE lp.task_id IS DISTINCT FROM t.id",
      ),
    ).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM lifecycle_points WHERE task_id IS NOT NULL"),
    ).toBeGreaterThan(0);
    const from = new Date(Date.parse(today) - 365 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.as(director, "GET", `/api/lifecycle/utilisation?from=${from}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as {
      total: { due: number; converted: number; missed: number; utilisation: number };
      byKind: { kind: string; due: number; converted: number }[];
    };
    expect(report.total.due).toBeGreaterThan(0);
    expect(report.total.utilisation).toBeCloseTo(report.total.converted / report.total.due, 6);
    expect(report.byKind.map((k) => k.kind)).toContain("maintenance");
    expect(report.byKind.reduce((s, k) => s + k.due, 0)).toBe(report.total.due);
    expect((await t.as(sales, "GET", `/api/lifecycle/utilisation?from=${from}&to=${today}`)).statusCode).toBe(
      403,
    );
    expect(
      (await t.as(director, "GET", `/api/lifecycle/utilisation?from=${today}&to=${from}`)).statusCode,
    ).toBe(400);
  });
});

describe("a salesperson's work list", () => {
  it("lists the salesperson's own calls, most urgent first", async () => {
    await takeSalesTask();
    const res = await t.as(sales, "GET", `/api/tasks?scope=mine&dueBy=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { total: number; tasks: Task[] };
    expect(list.total).toBeGreaterThan(0);
    expect(list.tasks.every((x) => x.assigneeUserId === sales.userId)).toBe(true);
    expect(list.tasks[0]!.reason.code).toBeTruthy();
  });

  it("takes a call from the queue once: a second taker is told someone else has it", async () => {
    const task = await takeSalesTask();
    expect(task.assigneeUserId).toBe(sales.userId);
    const again = await t.as(manager, "POST", `/api/tasks/${task.id}/take`);
    expect(again.statusCode).toBe(409);
  });

  it("tries a no-answer again later, and closes it after the third", async () => {
    const task = await takeSalesTask();
    const first = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "no_answer" });
    expect(first.statusCode, first.body).toBe(200);
    const retried = first.json() as Task;
    expect(retried.status).toBe("open");
    expect(retried.attempts).toBe(1);
    expect(Date.parse(retried.dueAt)).toBeGreaterThan(Date.now());
    await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "no_answer" });
    const third = (
      await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "no_answer" })
    ).json() as Task;
    expect(third.status).toBe("done");
    expect(third.outcome).toBe("no_answer");
    const late = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "reached" });
    expect(late.statusCode).toBe(409);
    // Every attempt is on the client's timeline.
    const card = (await t.as(sales, "GET", `/api/clients/${task.clientId}/card`)).json() as {
      timeline: { entries: { refType: string | null; refId: number | null; outcome: string | null }[] };
    };
    expect(card.timeline.entries.filter((e) => e.refType === "task" && e.refId === task.id)).toHaveLength(3);
  });

  it("calls back when the client asked, and says what is wrong when the time is missing", async () => {
    const task = await takeSalesTask();
    const missing = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "call_later" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("callBackAt");
    const past = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, {
      outcome: "call_later",
      callBackAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    const at = new Date(Date.now() + 26 * 3600_000);
    at.setUTCSeconds(0, 0);
    const later = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, {
      outcome: "call_later",
      callBackAt: at.toISOString(),
      note: "Перезвонить после работы",
    });
    expect(later.statusCode, later.body).toBe(200);
    expect((later.json() as Task).dueAt).toBe(at.toISOString());
    expect((later.json() as Task).status).toBe("open");
  });

  it("moves a call within its window, not past it", async () => {
    const task = await takeSalesTask();
    const past = await t.as(sales, "PATCH", `/api/tasks/${task.id}`, {
      dueAt: new Date(Date.parse(task.windowEnd) + 86_400_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("dueAt");
    const inside = new Date(Math.min(Date.parse(task.windowEnd) - 3600_000, Date.now() + 3 * 3600_000));
    const moved = await t.as(sales, "PATCH", `/api/tasks/${task.id}`, { dueAt: inside.toISOString() });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as Task).dueAt).toBe(inside.toISOString());
  });

  it("opens a deal when the client books a showroom visit, linked from the task", async () => {
    const task = await takeSalesTask();
    const noBooking = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, { outcome: "booked" });
    expect(noBooking.statusCode).toBe(400);
    const res = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, {
      outcome: "booked",
      booking: { at: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json() as Task;
    expect(done.status).toBe("done");
    expect(done.result?.type).toBe("deal");
    const [deal] = await t.database.query<{ party_id: number; status: string; salesperson_id: number }>(
      "SELECT party_id, status, salesperson_id FROM deals WHERE id = $1",
      [done.result!.id],
    );
    expect(deal).toEqual({ party_id: task.clientId, status: "open", salesperson_id: sales.userId });
    // The salesperson continues it in the guided deal screen, from its first step.
    const view = await t.as(sales, "GET", `/api/deals/${done.result!.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().currentStep).toBe("needs");
  });

  it("refuses to link a booking of another client", async () => {
    const task = await takeSalesTask();
    const [other] = await t.database.query<{ id: number }>(
      "SELECT id FROM work_orders WHERE party_id <> $1 LIMIT 1",
      [task.clientId],
    );
    const res = await t.as(sales, "POST", `/api/tasks/${task.id}/outcome`, {
      outcome: "booked",
      result: { type: "work_order", id: other!.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("result.id");
  });

  it("does not let an employee work another dealership's or department's calls", async () => {
    const [foreign] = await t.database.query<{ id: number }>(
      `SELECT id FROM tasks WHERE status = 'open' AND queue = 'sales' AND assignee_user_id IS NOT NULL
          AND assignee_user_id <> (SELECT id FROM users WHERE login = 'sales') LIMIT 1`,
    );
    expect(
      (await t.as(sales, "POST", `/api/tasks/${foreign!.id}/outcome`, { outcome: "reached" })).statusCode,
    ).toBe(403);
    expect((await t.as(service, "POST", `/api/tasks/${foreign!.id}/take`)).statusCode).toBe(403);
  });
});

describe("a service invitation", () => {
  it("books the visit: a work order for the car, in the dealership, linked from the task", async () => {
    const list = (await t.as(operator, "GET", "/api/tasks?scope=queue&limit=200")).json() as {
      tasks: Task[];
    };
    const task = list.tasks.find(
      (x) => x.queue === "service" && x.vehicleId !== null && x.reason.code.startsWith("maintenance_due"),
    );
    expect(task, "an unassigned maintenance invitation").toBeDefined();
    // The client is told a time the workshop has free for the car's maintenance.
    const slots = await t.as(
      operator,
      "GET",
      `/api/service/slots?dealershipId=${task!.dealershipId}&vehicleId=${task!.vehicleId}&from=${new Date(Date.now() + 3 * 86_400_000).toISOString()}`,
    );
    expect(slots.statusCode, slots.body).toBe(200);
    const at = new Date((slots.json() as { slots: { start: string }[] }).slots[0]!.start);
    const taken = await t.as(operator, "POST", `/api/tasks/${task!.id}/outcome`, {
      outcome: "booked",
      booking: { at: new Date(Date.parse(at.toISOString().slice(0, 10)) + 1 * 3_600_000).toISOString() },
    });
    // 04:00 in Moscow: the workshop is closed, and the operator is told so at the field.
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain("booking.at");
    const res = await t.as(operator, "POST", `/api/tasks/${task!.id}/outcome`, {
      outcome: "booked",
      booking: { at: at.toISOString() },
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json() as Task;
    expect(done.result?.type).toBe("work_order");
    const [order] = await t.database.query<{
      party_id: number;
      vehicle_id: number;
      dealership_id: number;
      status: string;
      kind: string;
      number: string;
    }>("SELECT party_id, vehicle_id, dealership_id, status, kind, number FROM work_orders WHERE id = $1", [
      done.result!.id,
    ]);
    expect(order).toMatchObject({
      party_id: task!.clientId,
      vehicle_id: task!.vehicleId,
      dealership_id: task!.dealershipId,
      status: "booked",
    });
    expect(order!.number).toMatch(/-B\d+$/);
    // The lifecycle point the call answered is taken.
    const [point] = await t.database.query<{ status: string }>(
      "SELECT status FROM lifecycle_points WHERE task_id = $1",
      [task!.id],
    );
    if (point) expect(point.status).toBe("taken");
  });
});

describe("contact standards and the policy", () => {
  it("lets a manager preview a change without writing anything, then make it", async () => {
    const standards = (await t.as(manager, "GET", "/api/standards")).json() as {
      id: number;
      code: string;
      params: Record<string, unknown>;
    }[];
    const maintenance = standards.find((s) => s.code === "maintenance_invitation")!;
    const tasksBefore = await count("SELECT count(*)::int AS n FROM tasks");
    const pointsBefore = await count("SELECT count(*)::int AS n FROM lifecycle_points");
    const preview = await t.as(manager, "POST", `/api/standards/${maintenance.id}/preview`, {
      params: { ...maintenance.params, intervalKm: 10_000 },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toHaveProperty("tasks");
    expect(await count("SELECT count(*)::int AS n FROM tasks")).toBe(tasksBefore);
    expect(await count("SELECT count(*)::int AS n FROM lifecycle_points")).toBe(pointsBefore);

    const bad = await t.as(manager, "PATCH", `/api/standards/${maintenance.id}`, {
      params: { ...maintenance.params, intervalKm: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("intervalKm");
    expect(
      (await t.as(sales, "PATCH", `/api/standards/${maintenance.id}`, { params: maintenance.params }))
        .statusCode,
    ).toBe(403);
    const ok = await t.as(manager, "PATCH", `/api/standards/${maintenance.id}`, {
      params: { ...maintenance.params, intervalKm: 10_000 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as { params: { intervalKm: number } }).params.intervalKm).toBe(10_000);
  });

  it("refuses calling hours that end before they start", async () => {
    const res = await t.as(manager, "PUT", "/api/contact-policy", {
      maxContactsPerWeek: 2,
      callFromHour: 20,
      callToHour: 9,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("callToHour");
  });
});
