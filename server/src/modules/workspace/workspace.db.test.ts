import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAppContext } from "../../../test/testContext";
import { createTestDatabase } from "../../../test/testDatabase";
import { buildApp } from "../../app";
import type { Database } from "../../platform/db/database";
import { generateDemoGroup } from "../demo/generate";

let app: FastifyInstance;
let database: Database;
let drop: () => Promise<void>;
let cookie: Record<string, string>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await generateDemoGroup(database, {
    clients: 300,
    seed: 3,
    asOf: "2026-11-26",
    log: pino({ level: "silent" }),
  });
  app = await buildApp(testAppContext(database), { webDist: null, logger: false });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { login: "sales", password: "orbit-demo" },
  });
  const session = login.cookies.find((c) => c.name === "orbit_session")!;
  cookie = { cookie: `orbit_session=${session.value}` };
});
afterAll(async () => {
  await app.close();
  await drop();
});

const search = async (q: string) => {
  const res = await app.inject({
    method: "GET",
    url: `/api/search?q=${encodeURIComponent(q)}`,
    headers: cookie,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    results: { clientId: number; matchedOn: string; displayName: string }[];
    readAs: string[];
  };
};

/** A client of the demo with a phone, a current car with a plate, and a surname. */
async function someClient() {
  const [row] = await database.query<{
    id: number;
    phone: string;
    vin: string;
    plate: string;
    last_name: string;
    first_name: string;
  }>(
    `SELECT p.id, c.value AS phone, v.vin, v.plate, p.last_name, p.first_name
       FROM parties p
       JOIN contact_points c ON c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL
       JOIN vehicle_ownerships o ON o.party_id = p.id AND o.valid_to IS NULL
       JOIN vehicles v ON v.id = o.vehicle_id AND v.plate IS NOT NULL
      WHERE p.status = 'active' AND p.kind = 'person' AND p.last_name IS NOT NULL AND p.first_name IS NOT NULL
      ORDER BY p.id LIMIT 1`,
  );
  return row!;
}

describe("global search", () => {
  it("finds a client by the phone typed in any Russian form", async () => {
    const c = await someClient();
    const d = c.phone.slice(2);
    for (const typed of [
      `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
      `+7${d}`,
      d.slice(-7),
    ]) {
      const { results } = await search(typed);
      expect(
        results.map((r) => r.clientId),
        typed,
      ).toContain(c.id);
    }
  });

  it("finds a client by surname in Cyrillic and in Latin, by VIN end and by plate", async () => {
    const c = await someClient();
    const latin = (await import("../demo/latin")).toLatin(c.last_name, "icao");
    for (const typed of [c.last_name, `${c.last_name} ${c.first_name}`, latin, c.vin.slice(-6), c.plate]) {
      const { results } = await search(typed);
      expect(
        results.map((r) => r.clientId),
        typed,
      ).toContain(c.id);
    }
    expect((await search(c.vin)).results[0]?.clientId).toBe(c.id);
  });

  it("answers 400 for a query too short to mean anything, and nothing for a stranger", async () => {
    const res = await app.inject({ method: "GET", url: "/api/search?q=a", headers: cookie });
    expect(res.statusCode).toBe(400);
    expect((await search("Щукинсонбергер")).results).toEqual([]);
  });
});

describe("the client card", () => {
  it("shows everything about the client on one screen", async () => {
    const c = await someClient();
    const res = await app.inject({ method: "GET", url: `/api/clients/${c.id}/card`, headers: cookie });
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    expect(card.identity.id).toBe(c.id);
    expect(card.vehicles.length).toBeGreaterThan(0);
    expect(card.vehicles[0].mileage.km).toBeGreaterThan(0);
    expect(card.timeline.entries.length).toBeGreaterThan(0);
    expect(card.workOrders.length + card.deals.length).toBeGreaterThan(0);
    expect(card.timeline.more).toBe(card.timeline.next !== null);
  });

  it("pages the timeline to the end without losing or repeating entries that share a moment", async () => {
    const c = await someClient();
    const moment = "2026-11-20T10:00:00.123456+00:00";
    await database.query(
      `INSERT INTO interactions (party_id, occurred_at, channel, subject)
       SELECT $1, $2::timestamptz, 'call', 'tie ' || g FROM generate_series(1, 7) g`,
      [c.id, moment],
    );
    await database.query(
      `INSERT INTO web_events (id, source, type, occurred_at, visitor_id, party_id)
       SELECT 'tie~' || g, 'site', 'page_view', $2::timestamptz, 'v-tie', $1 FROM generate_series(1, 4) g`,
      [c.id, moment],
    );
    const [count] = await database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM interactions WHERE party_id = $1)::int
            + (SELECT count(*) FROM web_events WHERE party_id = $1)::int AS n`,
      [c.id],
    );
    const seen: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const query: string = before ? `&before=${encodeURIComponent(before)}` : "";
      const res = await app.inject({
        method: "GET",
        url: `/api/clients/${c.id}/timeline?limit=3${query}`,
        headers: cookie,
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { entries: { id: string; at: string }[]; next: string | null };
      seen.push(...page.entries.map((e) => e.id));
      before = page.next;
      if (!before) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(count!.n);
  });

  it("answers 400 for a timeline cursor it did not write", async () => {
    const c = await someClient();
    const res = await app.inject({
      method: "GET",
      url: `/api/clients/${c.id}/timeline?before=yesterday`,
      headers: cookie,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("before");
  });

  it("answers 404 for a client that does not exist", async () => {
    const res = await app.inject({ method: "GET", url: "/api/clients/999999/card", headers: cookie });
    expect(res.statusCode).toBe(404);
  });
});

describe("the home page", () => {
  it("gives a salesperson their own clients and month", async () => {
    const res = await app.inject({ method: "GET", url: "/api/home", headers: cookie });
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json();
    expect(home.myClients.total).toBeGreaterThan(0);
    expect(home.month).toHaveProperty("dealsWon");
  });
});
