import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genericSignature } from "../../src/modules/telephony/signature";
import { dealerDay } from "../../src/platform/time/dealerCalendar";
import { createTestApp, type SignedIn, type TestApp } from "../testApp";

let t: TestApp;
let admin: SignedIn;
let sales: SignedIn;
let service: SignedIn;
/** The dealership of the demo's dealership-bound logins (sales, service, ...). */
let home: number;

const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  t.database.query<T>(text, params);

beforeAll(async () => {
  t = await createTestApp({ clients: 60, seed: 9, asOf: dealerDay() });
  [admin, sales, service] = await Promise.all([t.signIn("admin"), t.signIn("sales"), t.signIn("service")]);
  const [row] = await q<{ d: number }>(`SELECT dealership_id AS d FROM users WHERE login = 'sales'`);
  home = row?.d as number;
});
afterAll(() => t.close());

const SQL_INJECTIONS = [
  "'; DROP TABLE parties; --",
  "Robert'); DELETE FROM contact_points WHERE ('1'='1",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)--",
  "$$; TRUNCATE action_log; $$",
  "\\'; --",
];
const XSS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
];

describe("hostile text in every text field of a client", () => {
  it("stores and returns SQL and markup exactly as typed, and breaks nothing", async () => {
    const [{ n: before } = { n: 0 }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM parties`);
    for (const payload of [...SQL_INJECTIONS, ...XSS]) {
      const res = await t.as(admin, "POST", "/api/clients", {
        lastName: `Иванов${payload}`,
        firstName: payload,
        patronymic: payload,
        phones: ["+7 901 000-00-01"],
        emails: [`${payload.replace(/\s/g, "")}@example.ru`],
      });
      // Either taken as typed or refused field by field (an e-mail can be malformed), never a crash.
      expect([201, 400], payload).toContain(res.statusCode);
      if (res.statusCode !== 201) {
        expect(res.json().error.fields.length, payload).toBeGreaterThan(0);
        continue;
      }
      const id = res.json().clientId;
      // The source record keeps the text exactly as typed.
      const history = (await t.as(admin, "GET", `/api/clients/${id}/history`)).json();
      const typed = JSON.stringify(history.sourceRecords.map((r: { data: unknown }) => r.data));
      expect(typed, payload).toContain(JSON.stringify(payload.trim()));
      // The golden record normalises letter case and spacing of names, and nothing else: no escaping, no stripping.
      const client = (await t.as(admin, "GET", `/api/clients/${id}`)).json();
      const bare = (s: string) => s.toLowerCase().replace(/\s+/g, "");
      expect(bare(client.golden.firstName), payload).toBe(bare(payload));
      expect(bare(client.golden.patronymic), payload).toBe(bare(payload));
      const [stored] = await q<{ first_name: string }>(`SELECT first_name FROM parties WHERE id = $1`, [id]);
      expect(bare(stored?.first_name ?? ""), payload).toBe(bare(payload));
    }
    const [{ n: after } = { n: 0 }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM parties`);
    expect(after).toBeGreaterThan(before);
  });

  it("searches with hostile text as plain words", async () => {
    for (const payload of [...SQL_INJECTIONS, "%", "_", "\\", "(", "[", "*"]) {
      const res = await t.as(admin, "GET", `/api/search?q=${encodeURIComponent(payload)}`);
      expect(res.statusCode, payload).toBeLessThan(500);
    }
    const [tables] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('parties', 'action_log')`,
    );
    expect(tables?.n).toBe(2);
  });
});

describe("bodies the API does not take", () => {
  it("answers 413 to a body over the limit", async () => {
    const res = await t.as(admin, "POST", "/api/clients", { lastName: "x".repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBeTruthy();
  });

  it("answers 400 to malformed JSON and to JSON that is not an object", async () => {
    for (const payload of ['{"lastName": "Иванов"', "{lastName: 'x'}", "", "null", "[]", '"text"', "1e309"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/clients",
        headers: {
          cookie: admin.cookie,
          "x-csrf-token": admin.csrfToken,
          "content-type": "application/json",
        },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toBeDefined();
    }
  });

  it("refuses the NUL character, which PostgreSQL text cannot hold, in a body, a query string or a path", async () => {
    const count = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM parties`))[0]?.n;
    const before = await count();
    const body = await t.as(admin, "POST", "/api/clients", { lastName: "Иванов", firstName: "Ив\u0000ан" });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.fields).toEqual([
      { field: "body.firstName", message: "must not contain the NUL character (U+0000)" },
    ]);
    expect(await count()).toBe(before);
    for (const url of [
      "/api/staff/users?q=%00",
      "/api/search?q=%D0%98%00",
      "/api/deal-processes/new%00car",
    ]) {
      const res = await t.as(admin, "GET", url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields[0].message, url).toMatch(/NUL/);
    }
  });

  it("refuses an amount that rounds to no kopecks instead of failing on the positive-price rule", async () => {
    const price = async () =>
      (await q<{ p: string }>(`SELECT price_kopecks::text AS p FROM stock_vehicles WHERE id = 1`))[0]?.p;
    const before = await price();
    const res = await t.as(admin, "PATCH", "/api/stock/1", { priceRub: 0.001 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe("body.priceRub");
    expect(await price()).toBe(before);
  });

  it("refuses a content type the route does not read, creating nothing", async () => {
    const count = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM parties`))[0]?.n;
    const before = await count();
    // Plain text is read as a string, which no JSON route's schema takes: 400 rather than 415.
    for (const [contentType, expected] of [
      ["text/plain", 400],
      ["application/xml", 415],
      ["multipart/form-data; boundary=x", 415],
      ["application/x-www-form-urlencoded", 415],
    ] as const) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/clients",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": contentType },
        payload: "lastName=Иванов",
      });
      expect(res.statusCode, contentType).toBe(expected);
    }
    expect(await count()).toBe(before);
  });
});

describe("another dealership's records", () => {
  const other = async (table: string, extra = "") => {
    const [row] = await q<{ id: number }>(
      `SELECT id FROM ${table} WHERE dealership_id <> $1 ${extra} ORDER BY id LIMIT 1`,
      [home],
    );
    if (!row) throw new Error(`the demo has no ${table} outside the home dealership`);
    return row.id;
  };
  const own = async (table: string, extra = "") => {
    const [row] = await q<{ id: number }>(
      `SELECT id FROM ${table} WHERE dealership_id = $1 ${extra} ORDER BY id LIMIT 1`,
      [home],
    );
    return row?.id ?? null;
  };
  const refused = (status: number) => status === 403 || status === 404;

  it("keeps a deal of dealership B from the salesperson of dealership A, for reading and writing", async () => {
    // A salesperson of dealership B opens a deal there.
    const [seller] = await q<{ login: string }>(
      `SELECT login FROM users WHERE role = 'salesperson' AND dealership_id <> $1 ORDER BY id LIMIT 1`,
      [home],
    );
    const [process] = await q<{ code: string }>(`SELECT code FROM deal_processes ORDER BY id LIMIT 1`);
    const [client] = await q<{ id: number }>(
      `SELECT id FROM parties WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    const b = await t.signIn(seller?.login as string);
    const opened = await t.as(b, "POST", "/api/deals", { clientId: client?.id, processCode: process?.code });
    expect(opened.statusCode, opened.body).toBe(201);
    const theirs = opened.json().id as number;
    const reads = await t.as(sales, "GET", `/api/deals/${theirs}`);
    expect(refused(reads.statusCode), `read: ${reads.statusCode}`).toBe(true);
    for (const [method, url, body] of [
      ["PATCH", `/api/deals/${theirs}`, {}],
      ["PATCH", `/api/deals/${theirs}`, { vehiclePriceRub: 1 }],
      ["POST", `/api/deals/${theirs}/lose`, { reason: "price" }],
      ["POST", `/api/deals/${theirs}/accessories`, { name: "Коврики", priceRub: 3000 }],
    ] as const) {
      const res = await t.as(sales, method, url, body);
      expect(refused(res.statusCode), `${method} ${url}: ${res.statusCode} ${res.body}`).toBe(true);
    }
    const mine = await own("deals", "AND status = 'open'");
    expect((await t.as(sales, "GET", `/api/deals/${mine}`)).statusCode).toBe(200);

    // An item of B's deal cannot be removed by naming it under A's own deal.
    const added = await t.as(b, "POST", `/api/deals/${theirs}/accessories`, {
      name: "Коврики",
      priceRub: 3000,
    });
    expect(added.statusCode, added.body).toBe(200);
    const item = added.json().accessories[0].id as number;
    const through = await t.as(sales, "DELETE", `/api/deals/${mine}/accessories/${item}`);
    expect([403, 404], through.body).toContain(through.statusCode);
    expect(await q(`SELECT 1 FROM deal_accessories WHERE id = $1`, [item])).toHaveLength(1);
  });

  it("keeps a work order of dealership B from the service advisor of dealership A", async () => {
    const theirs = await other("work_orders");
    expect(refused((await t.as(service, "GET", `/api/service/work-orders/${theirs}`)).statusCode)).toBe(true);
    const status = await t.as(service, "POST", `/api/service/work-orders/${theirs}/status`, {
      status: "arrived",
    });
    expect(refused(status.statusCode), status.body).toBe(true);
    const line = await t.as(service, "POST", `/api/service/work-orders/${theirs}/lines`, {
      kind: "work",
      name: "Диагностика",
      quantity: 1,
      priceKopecks: 100,
    });
    expect([400, 403, 404], line.body).toContain(line.statusCode);
    const mine = await own("work_orders");
    if (mine) expect((await t.as(service, "GET", `/api/service/work-orders/${mine}`)).statusCode).toBe(200);
  });

  it("keeps a task of dealership B from the staff of dealership A", async () => {
    const theirs = await other("tasks", "AND status = 'open'");
    expect(refused((await t.as(sales, "GET", `/api/tasks/${theirs}`)).statusCode)).toBe(true);
    expect(refused((await t.as(sales, "POST", `/api/tasks/${theirs}/take`)).statusCode)).toBe(true);
    const outcome = await t.as(sales, "POST", `/api/tasks/${theirs}/outcome`, { outcome: "reached" });
    expect(refused(outcome.statusCode), outcome.body).toBe(true);
  });

  it("keeps a workshop, staff and the action log of dealership B from dealership A", async () => {
    const [b] = await q<{ id: number }>(`SELECT id FROM dealerships WHERE id <> $1 ORDER BY id LIMIT 1`, [
      home,
    ]);
    expect((await t.as(service, "GET", `/api/service/workshops/${b?.id}`)).statusCode).toBe(403);
    const [stranger] = await q<{ id: number }>(
      `SELECT id FROM users WHERE dealership_id IS NOT NULL AND dealership_id <> $1 LIMIT 1`,
      [home],
    );
    const manager = await t.signIn("sales.manager");
    expect((await t.as(manager, "GET", `/api/staff/users/${stranger?.id}`)).statusCode).toBe(404);
    const log = (await t.as(manager, "GET", "/api/audit?limit=200")).json();
    const entries: { dealershipId: number | null }[] = Array.isArray(log) ? log : log.items;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.dealershipId).toBe(home);
  });
});

describe("sign-in brute force", () => {
  it("locks a login after five wrong passwords, the right one included, and tells when to retry", async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { login: "marketer", password },
        remoteAddress: "203.0.113.7",
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    const locked = await attempt("orbit-demo");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("stops one address spraying a password over many logins", async () => {
    const from = "198.51.100.9";
    let status = 0;
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { login: `nobody${i}`, password: "Password1" },
        remoteAddress: from,
      });
      status = res.statusCode;
    }
    expect(status).toBe(429);
    // Another address is not held up by it.
    const elsewhere = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "director", password: "orbit-demo" },
      remoteAddress: "192.0.2.44",
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe("forged telephone system webhooks", () => {
  it("takes only events signed with the connection's secret over the exact bytes, fresh", async () => {
    const director = await t.signIn("director");
    const made = await t.as(director, "POST", "/api/telephony/pbx", {
      code: "forge",
      kind: "generic",
      name: "АТС",
    });
    expect(made.statusCode, made.body).toBe(200);
    const secret = made.json().secret as string;
    const now = () => String(Math.floor(Date.now() / 1000));
    let n = 0;
    const event = () =>
      JSON.stringify({
        id: `f-${++n}`,
        callId: `f-call-${n}`,
        type: "call.started",
        at: new Date().toISOString(),
      });
    const send = (raw: string, headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/api/telephony/webhooks/forge",
        headers: { "content-type": "application/json", ...headers },
        payload: raw,
      });
    const signed = (raw: string, key = secret, ts = now()) => ({
      "x-orbit-timestamp": ts,
      "x-orbit-signature": `sha256=${genericSignature(key, ts, raw)}`,
    });
    const calls = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM call_events`))[0]?.n;
    const before = await calls();

    const raw = event();
    expect((await send(raw, {})).statusCode).toBe(401);
    expect((await send(raw, signed(raw, "not-the-secret"))).statusCode).toBe(401);
    // Signed, then changed on the way.
    expect((await send(raw.replace("call.started", "call.ended"), signed(raw))).statusCode).toBe(401);
    // A captured request replayed an hour later.
    expect(
      (await send(raw, signed(raw, secret, String(Math.floor(Date.now() / 1000) - 3600)))).statusCode,
    ).toBe(401);
    expect((await send(raw, { "x-orbit-timestamp": now(), "x-orbit-signature": "sha256=" })).statusCode).toBe(
      401,
    );
    expect(await calls()).toBe(before);

    const ok = await send(raw, signed(raw));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await calls()).toBe((before ?? 0) + 1);
  });

  it("takes web site events only with a known key", async () => {
    const body = {
      events: [
        { id: "forged-event-1", type: "page_view", occurredAt: new Date().toISOString(), visitorId: "v1" },
      ],
    };
    for (const key of [undefined, "", "guess", "orbit-demo-site-key-x"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/events",
        headers: key === undefined ? {} : { "x-orbit-key": key },
        payload: body,
      });
      expect(res.statusCode, String(key)).toBe(401);
    }
    expect(await q(`SELECT 1 FROM web_events WHERE id = 'forged-event-1'`)).toHaveLength(0);
  });
});
