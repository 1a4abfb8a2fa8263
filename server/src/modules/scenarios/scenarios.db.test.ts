import type { Scenario } from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { DEMO_SITE_KEY } from "../demo/orgStructure";
import { evaluateWorklists } from "../tasks/evaluate.service";

let t: TestApp;
let marketer: SignedIn;
let sales: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ clients: 300, seed: 12, asOf: dealerDay() });
  marketer = await t.signIn("marketer");
  sales = await t.signIn("sales");
});
afterAll(async () => t.close());

const post = (events: unknown[], key: string | null = DEMO_SITE_KEY) =>
  t.app.inject({
    method: "POST",
    url: "/api/events",
    headers: key === null ? {} : { "x-orbit-key": key },
    payload: { events },
  });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const runScenarios = () =>
  t.database.db.transaction((tx) =>
    evaluateWorklists(tx, { today: dealerDay(), now: new Date(), scenariosOnly: true }),
  );

describe("the marketer's scenarios", () => {
  it("creates a scenario switched off, previews what it would do, and switches it on", async () => {
    const shipped = (await t.as(marketer, "GET", "/api/scenarios")).json() as Scenario[];
    const viewed = shipped.find((s) => s.code === "viewed_segment")!;
    const created = await t.as(marketer, "POST", "/api/scenarios", {
      kind: "viewed_segment",
      name: "Три просмотра одного класса за неделю",
      params: { views: 3, withinDays: 7, quietHours: 24 },
      queue: "sales",
    });
    expect(created.statusCode, created.body).toBe(201);
    const mine = created.json() as Scenario;
    expect(mine.active).toBe(false);

    const tasksBefore = (await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks"))[0]!.n;
    const preview = (await t.as(marketer, "POST", `/api/scenarios/${mine.id}/preview`, {})).json() as {
      needs: number;
      tasks: number;
    };
    const shippedPreview = (
      await t.as(marketer, "POST", `/api/scenarios/${viewed.id}/preview`, {})
    ).json() as {
      needs: number;
    };
    // Three views find everyone five views find, and more.
    expect(preview.needs).toBeGreaterThanOrEqual(shippedPreview.needs);
    expect(preview.needs).toBeGreaterThan(0);
    expect((await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks"))[0]!.n).toBe(
      tasksBefore,
    );

    // Unsaved parameters are previewed as given: stricter ones find fewer.
    const strict = (
      await t.as(marketer, "POST", `/api/scenarios/${mine.id}/preview`, {
        params: { views: 8, withinDays: 2, quietHours: 24 },
      })
    ).json() as { needs: number };
    expect(strict.needs).toBeLessThanOrEqual(preview.needs);

    const on = await t.as(marketer, "PATCH", `/api/scenarios/${mine.id}`, { active: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((on.json() as Scenario).active).toBe(true);
    const run = await runScenarios();
    expect(run.bySource.find((s) => s.source === "scenario" && s.sourceId === mine.id)?.needs).toBe(
      preview.needs,
    );
  });

  it("says which parameter is wrong, and keeps scenarios to those allowed to edit them", async () => {
    const bad = await t.as(marketer, "POST", "/api/scenarios", {
      kind: "abandoned_booking",
      name: "Брошенная запись",
      params: { afterMinutes: 1, withinHours: 24 },
      queue: "service",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("afterMinutes");
    const forbidden = await t.as(sales, "POST", "/api/scenarios", {
      kind: "web_request",
      name: "x",
      params: { withinHours: 24 },
      queue: "sales",
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe("events from the site, the portal and the app", () => {
  it("takes only batches signed with a known key", async () => {
    const event = { id: "evt-nokey-0001", type: "page_view", occurredAt: minutesAgo(1), visitorId: "v-x" };
    expect((await post([event], null)).statusCode).toBe(401);
    expect((await post([event], "not-a-key")).statusCode).toBe(401);
  });

  it("stores a batch once however often it is sent", async () => {
    const events = [1, 2, 3].map((i) => ({
      id: `evt-idem-000${i}`,
      type: "car_view",
      occurredAt: minutesAgo(10 - i),
      visitorId: "v-idem",
      payload: { model: "Haval Jolion", segment: "crossover" },
    }));
    const first = await post(events);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 3, duplicates: 0 });
    expect((await post(events)).json()).toMatchObject({ accepted: 0, duplicates: 3 });
    const [row] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM web_events WHERE visitor_id = 'v-idem'",
    );
    expect(row!.n).toBe(3);
  });

  it("ties an anonymous visitor's past events to the client once they give their phone", async () => {
    const [client] = await t.database.query<{ id: number; phone: string }>(
      `SELECT c.party_id AS id, c.value AS phone FROM contact_points c JOIN parties p ON p.id = c.party_id
        WHERE c.kind = 'phone' AND c.valid_to IS NULL AND p.status = 'active' ORDER BY c.party_id LIMIT 1`,
    );
    // +79161234567 typed as 8 (916) 123-45-67
    const typed = `8 (${client!.phone.slice(2, 5)}) ${client!.phone.slice(5, 8)}-${client!.phone.slice(8, 10)}-${client!.phone.slice(10)}`;
    await post([
      {
        id: "evt-anon-0001",
        type: "page_view",
        occurredAt: minutesAgo(30),
        visitorId: "v-anon",
        payload: { page: "/credit" },
      },
    ]);
    const told = await post([
      {
        id: "evt-anon-0002",
        type: "form_submitted",
        occurredAt: minutesAgo(20),
        visitorId: "v-anon",
        client: { phone: typed },
      },
    ]);
    expect(told.json()).toMatchObject({ accepted: 1, linked: 1 });
    const rows = await t.database.query<{ party_id: number | null }>(
      "SELECT party_id FROM web_events WHERE visitor_id = 'v-anon'",
    );
    expect(rows.map((r) => r.party_id)).toEqual([client!.id, client!.id]);
    // Later events of the visitor arrive already tied.
    await post([{ id: "evt-anon-0003", type: "page_view", occurredAt: minutesAgo(5), visitorId: "v-anon" }]);
    const [later] = await t.database.query<{ party_id: number }>(
      "SELECT party_id FROM web_events WHERE id = 'evt-anon-0003'",
    );
    expect(later!.party_id).toBe(client!.id);
  });

  it("turns a request from someone new into a client and a call with the whole request", async () => {
    const res = await post([
      {
        id: "evt-request-0001",
        type: "request_submitted",
        occurredAt: minutesAgo(3),
        visitorId: "v-new-buyer",
        client: { phone: "+7 (921) 555-01-02", name: "Гусейнова Лейла Рашидовна" },
        payload: {
          topic: "test_drive",
          comment: "Тест-драйв Tank 300 в субботу",
          dealershipId: "not-a-number",
        },
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [client] = await t.database.query<{ id: number; display_name: string }>(
      `SELECT p.id, p.display_name FROM parties p JOIN contact_points c ON c.party_id = p.id
        WHERE c.value = '+79215550102'`,
    );
    expect(client!.display_name).toContain("Гусейнова");
    const run = await runScenarios();
    expect(run.created).toBeGreaterThan(0);
    const [task] = await t.database.query<{
      queue: string;
      payload: { comment: string };
      dealership_id: number;
    }>(
      "SELECT queue, payload, dealership_id FROM tasks WHERE party_id = $1 AND reason_code = 'web_request'",
      [client!.id],
    );
    expect(task!.queue).toBe("call_center");
    expect(task!.payload.comment).toBe("Тест-драйв Tank 300 в субботу");
    expect(task!.dealership_id).toBeGreaterThan(0);
  });

  it("answers 400 with the field for a malformed event", async () => {
    const res = await post([
      { id: "evt-bad-0001", type: "Page View", occurredAt: "yesterday", visitorId: "v" },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("type");
    expect(res.body).toContain("occurredAt");
  });

  it("connects a new sender with its own key, and stops taking it once switched off", async () => {
    const created = await t.as(marketer, "POST", "/api/event-sources", {
      name: "Мобильное приложение",
      source: "app",
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json() as { id: number; key: string };
    const list = (await t.as(marketer, "GET", "/api/event-sources")).json() as { id: number }[];
    expect(JSON.stringify(list)).not.toContain(key);
    const event = { id: "evt-app-00001", type: "app_open", occurredAt: minutesAgo(1), visitorId: "device-1" };
    expect((await post([event], key)).statusCode).toBe(200);
    const off = await t.as(marketer, "PATCH", `/api/event-sources/${id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await post([{ ...event, id: "evt-app-00002" }], key)).statusCode).toBe(401);
    expect((await t.as(sales, "GET", "/api/event-sources")).statusCode).toBe(403);
  });
});
