import type { LoyaltySummary, PortalHome, PortalSlots, PortalWorkOrder } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { execRows } from "../../platform/db/database";
import { pushToClients } from "../../platform/push/hub";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { expireDue, post } from "../loyalty/ledger.service";
import { type OutgoingMessage, outboxProvider } from "../messaging/providers";
import { scenarioNeedsQuery } from "../scenarios/needs";
import { systemProcess } from "../staff/actor";

let t: TestApp;
let advisor: SignedIn;
let haval: number;
const outbox: OutgoingMessage[] = [];

interface Client {
  party_id: number;
  phone: string;
  vehicle_id: number;
}
let clients: Client[];

interface Portal {
  cookie: string;
  csrfToken: string;
  partyId: number;
}

beforeAll(async () => {
  t = await createTestApp(
    { clients: 200, seed: 7, asOf: dealerDay() },
    { portalSms: outboxProvider("sms", outbox) },
  );
  advisor = await t.signIn("service");
  haval = t.org.dealershipIds.get("MSK-HAVAL")!;
  // Clients with one phone of their own and a car with a maintenance schedule.
  clients = await t.database.query<Client>(
    `SELECT DISTINCT ON (c.party_id) c.party_id, c.value AS phone, o.vehicle_id
       FROM contact_points c JOIN parties p ON p.id = c.party_id AND p.kind = 'person' AND p.status = 'active'
       JOIN vehicle_ownerships o ON o.party_id = c.party_id AND o.valid_to IS NULL
       JOIN vehicles v ON v.id = o.vehicle_id JOIN maintenance_schedules s ON s.make = v.make AND s.model = v.model
      WHERE c.kind = 'phone' AND c.valid_to IS NULL
        AND NOT EXISTS (SELECT 1 FROM loyalty_accounts a WHERE a.party_id = c.party_id)
        AND (SELECT count(*) FROM contact_points x WHERE x.value = c.value AND x.valid_to IS NULL) = 1
      ORDER BY c.party_id, o.vehicle_id LIMIT 8`,
  );
});
afterAll(async () => t.close());

const lastCode = (phone: string) => {
  const m = [...outbox].reverse().find((x) => x.to === phone);
  return m?.text.match(/\d{6}/)?.[0] ?? null;
};

function call(
  who: Portal | null,
  method: "GET" | "POST",
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    ...(body !== undefined ? { payload: body as object } : {}),
    headers: who ? { cookie: who.cookie, "x-csrf-token": who.csrfToken } : {},
  });
}

async function signIn(c: Client): Promise<Portal> {
  const sent = await call(null, "POST", "/api/portal/auth/code", { phone: c.phone });
  expect(sent.statusCode, sent.body).toBe(200);
  const res = await call(null, "POST", "/api/portal/auth/sign-in", {
    phone: c.phone,
    code: lastCode(c.phone),
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((k) => k.name === "orbit_portal")!;
  return { cookie: `orbit_portal=${cookie.value}`, csrfToken: res.json().csrfToken, partyId: c.party_id };
}

describe("signing in with a one-time code", () => {
  it("sends a code to a client's phone, refuses a wrong one, opens a session and gives the sign-up points once", async () => {
    const c = clients[0]!;
    const sent = await call(null, "POST", "/api/portal/auth/code", { phone: c.phone });
    expect(sent.statusCode, sent.body).toBe(200);
    const code = lastCode(c.phone)!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await call(null, "POST", "/api/portal/auth/sign-in", {
      phone: c.phone,
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await call(null, "POST", "/api/portal/auth/sign-in", { phone: c.phone, code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client.id).toBe(c.party_id);
    // The code works once.
    const again = await call(null, "POST", "/api/portal/auth/sign-in", { phone: c.phone, code });
    expect(again.statusCode).toBe(401);
    const me: Portal = {
      cookie: `orbit_portal=${ok.cookies.find((k) => k.name === "orbit_portal")!.value}`,
      csrfToken: ok.json().csrfToken,
      partyId: c.party_id,
    };
    const loyalty = (await call(me, "GET", "/api/portal/loyalty")).json() as LoyaltySummary;
    expect(loyalty.balance).toBe(300);
    expect(loyalty.movements.map((m) => [m.reason, m.points])).toEqual([["sign_up", 300]]);
    // A portal session opens no staff route, and a write without the CSRF token is refused.
    expect((await call(me, "GET", "/api/auth/me")).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: "POST",
      url: "/api/portal/bookings/start",
      payload: { draftId: crypto.randomUUID() },
      headers: { cookie: me.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("answers an unknown phone the same way but sends nothing, and limits how often codes are sent", async () => {
    const before = outbox.length;
    const unknown = await call(null, "POST", "/api/portal/auth/code", { phone: "+7 999 000-11-22" });
    expect(unknown.statusCode).toBe(200);
    expect(outbox.length).toBe(before);
    const twice = await call(null, "POST", "/api/portal/auth/code", { phone: "+7 999 000-11-22" });
    expect(twice.statusCode).toBe(429);
    expect(Number(twice.headers["retry-after"])).toBeGreaterThan(0);
    const bad = await call(null, "POST", "/api/portal/auth/code", { phone: "12" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.phone");
  });

  it("locks a phone after ten wrong codes, even against the right one", async () => {
    const c = clients[1]!;
    for (let round = 0; round < 2; round++) {
      await t.database.db.execute(
        sql`UPDATE portal_codes SET created_at = created_at - interval '2 minutes' WHERE phone = ${c.phone}`,
      );
      expect((await call(null, "POST", "/api/portal/auth/code", { phone: c.phone })).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) {
        const r = await call(null, "POST", "/api/portal/auth/sign-in", { phone: c.phone, code: "99999" });
        expect(r.statusCode).toBe(401);
      }
    }
    await t.database.db.execute(
      sql`UPDATE portal_codes SET created_at = created_at - interval '2 minutes' WHERE phone = ${c.phone}`,
    );
    await call(null, "POST", "/api/portal/auth/code", { phone: c.phone });
    const locked = await call(null, "POST", "/api/portal/auth/sign-in", {
      phone: c.phone,
      code: lastCode(c.phone),
    });
    expect(locked.statusCode).toBe(429);
  });
});

describe("booking, status and points", () => {
  let me: Portal;
  let order: PortalWorkOrder;

  it("books into the workshop's real capacity with a photo and points, and marks the draft completed", async () => {
    const c = clients[2]!;
    me = await signIn(c);
    const draftId = crypto.randomUUID();
    expect(
      (
        await call(me, "POST", "/api/portal/bookings/start", {
          draftId,
          dealershipId: haval,
          kind: "maintenance",
        })
      ).statusCode,
    ).toBe(200);
    const centres = (await call(me, "GET", "/api/portal/centres?lat=55.89&lon=37.58")).json() as {
      id: number;
    }[];
    expect(centres[0]!.id).toBe(haval);
    const slots = (
      await call(
        me,
        "GET",
        `/api/portal/slots?dealershipId=${haval}&vehicleId=${c.vehicle_id}&kind=maintenance`,
      )
    ).json() as PortalSlots;
    expect(slots.slots.length).toBeGreaterThan(0);
    expect(slots.estimateRub).toBeGreaterThan(0);
    const slot = slots.slots[0]!;
    const photo = Buffer.from("\x89PNG fake image bytes").toString("base64");
    const res = await call(me, "POST", "/api/portal/bookings", {
      draftId,
      dealershipId: haval,
      vehicleId: c.vehicle_id,
      kind: "maintenance",
      at: slot.start,
      postId: slot.postId,
      technicianId: slot.technicianId,
      problem: "Стучит спереди справа",
      photo: { contentType: "image/png", base64: photo },
      points: 200,
    });
    expect(res.statusCode, res.body).toBe(201);
    order = res.json();
    expect(order.status).toBe("booked");
    expect(order.points).toBe(200);
    expect(order.hasPhoto).toBe(true);
    expect(order.summary).toContain("Стучит спереди справа");
    const [wo] = await t.database.query<{ booking_channel: string; planned_start: Date }>(
      "SELECT booking_channel, planned_start FROM work_orders WHERE id = $1",
      [order.id],
    );
    expect(wo!.booking_channel).toBe("portal");
    expect(new Date(wo!.planned_start).toISOString()).toBe(slot.start);
    const loyalty = (await call(me, "GET", "/api/portal/loyalty")).json() as LoyaltySummary;
    expect(loyalty.balance).toBe(100);
    expect(loyalty.movements[0]).toMatchObject({ reason: "spend", points: -200, workOrderId: order.id });
    const pic = await call(me, "GET", `/api/portal/work-orders/${order.id}/photo`);
    expect(pic.headers["content-type"]).toBe("image/png");
  });

  it("refuses points over the balance and a car that is not the client's", async () => {
    const c = clients[2]!;
    const slots = (
      await call(
        me,
        "GET",
        `/api/portal/slots?dealershipId=${haval}&vehicleId=${c.vehicle_id}&kind=diagnostics`,
      )
    ).json() as PortalSlots;
    const over = await call(me, "POST", "/api/portal/bookings", {
      draftId: crypto.randomUUID(),
      dealershipId: haval,
      vehicleId: c.vehicle_id,
      kind: "diagnostics",
      at: slots.slots.at(-1)!.start,
      points: 5_000,
    });
    expect(over.statusCode).toBe(409);
    // Nothing of the refused booking stays.
    expect(
      (await t.database.query("SELECT 1 FROM work_orders WHERE party_id = $1", [c.party_id])).length,
    ).toBeGreaterThan(0);
    const notMine = await call(
      me,
      "GET",
      `/api/portal/slots?dealershipId=${haval}&vehicleId=${clients[3]!.vehicle_id}&kind=maintenance`,
    );
    expect(notMine.statusCode).toBe(400);
  });

  it("an abandoned start is found by the abandoned-booking scenario, a completed one is not", async () => {
    const abandoned = crypto.randomUUID();
    await call(me, "POST", "/api/portal/bookings/start", {
      draftId: abandoned,
      dealershipId: haval,
      kind: "tyres",
    });
    const needs = await execRows<{ party_id: number; need_key: string; dealership_id: number }>(
      t.database.db,
      scenarioNeedsQuery(
        { id: 1, kind: "abandoned_booking", params: { afterMinutes: 60, withinHours: 72 } },
        new Date(Date.now() + 2 * 3_600_000),
      ),
    );
    const mine = needs.filter((n) => n.party_id === me.partyId);
    expect(mine.map((n) => n.need_key)).toEqual([`scenario:1:booking:${abandoned}`]);
    expect(mine[0]!.dealership_id).toBe(haval);
  });

  it("the client's stream gets their work order's status as staff move it, and cashback when delivered", async () => {
    const events: unknown[] = [];
    const off = t.app.pushHub.subscribeClient(me.partyId, (e) => events.push(e));
    const move = async (status: string, mileageKm?: number) => {
      const r = await t.as(advisor, "POST", `/api/service/work-orders/${order.id}/status`, {
        status,
        ...(mileageKm ? { mileageKm } : {}),
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await move("arrived");
    await expect.poll(() => events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: "work_order.status", workOrderId: order.id, status: "arrived" });
    await move("in_work");
    await move("ready");
    await move("delivered");
    await expect.poll(() => events.length).toBe(4);
    off();
    const delivered = (
      await call(me, "GET", `/api/portal/work-orders/${order.id}`)
    ).json() as PortalWorkOrder;
    expect(delivered.status).toBe("delivered");
    const loyalty = (await call(me, "GET", "/api/portal/loyalty")).json() as LoyaltySummary;
    const cashback = loyalty.movements.find((m) => m.reason === "cashback")!;
    // Base tier, 1.5 % of what was paid in money (the bill less the 200 points).
    expect(cashback.points).toBe(Math.floor(((Math.floor(delivered.amountRub) - 200) * 1.5) / 100));
    expect(cashback.details).toMatchObject({ number: order.number, tier: "base", percent: 1.5 });
    expect(loyalty.balance).toBe(100 + cashback.points);
  });

  it("a review with the NPS answer earns the first-review points once", async () => {
    const before = ((await call(me, "GET", "/api/portal/loyalty")).json() as LoyaltySummary).balance;
    const res = await call(me, "POST", `/api/portal/work-orders/${order.id}/review`, {
      rating: 5,
      nps: 9,
      text: "Быстро и аккуратно",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().review).toEqual({ rating: 5, nps: 9, text: "Быстро и аккуратно" });
    const again = await call(me, "POST", `/api/portal/work-orders/${order.id}/review`, { rating: 1, nps: 0 });
    expect(again.statusCode).toBe(409);
    const after = (await call(me, "GET", "/api/portal/loyalty")).json() as LoyaltySummary;
    expect(after.balance).toBe(before + 300);
    // Staff see the same balance and movements on the client card.
    const card = await t.as(advisor, "GET", `/api/clients/${me.partyId}/card`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().loyalty.balance).toBe(after.balance);
    expect(card.json().loyalty.movements.map((m: { reason: string }) => m.reason)).toEqual(
      after.movements.map((m) => m.reason),
    );
    const bad = await call(me, "POST", `/api/portal/work-orders/${order.id}/review`, { rating: 6, nps: 11 });
    expect(bad.statusCode).toBe(400);
  });

  it("one client can never read another's orders, photos, cars or events", async () => {
    const other = await signIn(clients[4]!);
    expect((await call(other, "GET", `/api/portal/work-orders/${order.id}`)).statusCode).toBe(404);
    expect((await call(other, "GET", `/api/portal/work-orders/${order.id}/photo`)).statusCode).toBe(404);
    expect(
      (await call(other, "POST", `/api/portal/work-orders/${order.id}/review`, { rating: 5, nps: 10 }))
        .statusCode,
    ).toBe(404);
    const home = (await call(other, "GET", "/api/portal/home")).json() as PortalHome;
    expect(home.client.id).toBe(clients[4]!.party_id);
    expect(home.workOrders.every((w) => w.id !== order.id)).toBe(true);
    expect(home.cars.map((c) => c.id)).not.toContain(clients[2]!.vehicle_id);
    expect(home.loyalty.movements.every((m) => m.workOrderId !== order.id)).toBe(true);
    // Events for one client reach only that client's streams.
    const mine: unknown[] = [];
    const theirs: unknown[] = [];
    const off1 = t.app.pushHub.subscribeClient(me.partyId, (e) => mine.push(e));
    const off2 = t.app.pushHub.subscribeClient(other.partyId, (e) => theirs.push(e));
    await pushToClients(t.database.db, [other.partyId], { type: "probe" });
    await expect.poll(() => theirs.length).toBe(1);
    expect(mine).toEqual([]);
    off1();
    off2();
    // The stream itself needs a portal session.
    expect((await call(null, "GET", "/api/portal/stream")).statusCode).toBe(401);
  });
});

describe("a client anonymised on request", () => {
  it("is signed out of the portal, and their phone signs in no more", async () => {
    const c = clients[7]!;
    const portal = await signIn(c);
    expect((await call(portal, "GET", "/api/portal/me")).statusCode).toBe(200);
    const admin = await t.signIn("admin");
    const res = await t.as(admin, "POST", `/api/clients/${c.party_id}/anonymise`, { reason: "request 7" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().removed.portalSessions).toBe(1);
    expect((await call(portal, "GET", "/api/portal/me")).statusCode).toBe(401);
    const before = outbox.length;
    expect((await call(null, "POST", "/api/portal/auth/code", { phone: c.phone })).statusCode).toBe(200);
    expect(outbox.slice(before).filter((m) => m.to === c.phone)).toEqual([]);
  });
});

describe("the points ledger", () => {
  const by = systemProcess("test");

  it("is idempotent by key and the database never lets a client's balance go below zero", async () => {
    const partyId = clients[5]!.party_id;
    const db = t.database.db;
    const earn = {
      key: `test-earn:${partyId}`,
      partyId,
      direction: "in" as const,
      programme: "issued" as const,
      points: 50,
      reason: "adjustment" as const,
    };
    expect(await post(db, by, earn)).toBe(true);
    expect(await post(db, by, earn)).toBe(false);
    await expect(
      post(db, by, {
        ...earn,
        key: `test-spend:${partyId}`,
        direction: "out",
        programme: "redeemed",
        points: 51,
      }),
    ).rejects.toMatchObject({ code: "not_enough_points" });
    // Straight SQL is held to the same rule.
    await expect(
      db.execute(sql`INSERT INTO loyalty_movements (idempotency_key, from_account_id, to_account_id, points, party_id, reason)
        SELECT 'raw', a.id, r.id, 1000, ${partyId}, 'spend' FROM loyalty_accounts a, loyalty_accounts r
         WHERE a.party_id = ${partyId} AND r.kind = 'redeemed'`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`UPDATE loyalty_movements SET points = 1 WHERE party_id = ${partyId}`),
    ).rejects.toThrow();
    const [row] = await execRows<{ balance: string; issued: string }>(
      db,
      sql`SELECT (SELECT balance FROM loyalty_accounts WHERE party_id = ${partyId}) AS balance,
                 (SELECT sum(balance) FROM loyalty_accounts) AS issued`,
    );
    expect(Number(row!.balance)).toBe(50);
    // Double entry: every account together always sums to zero.
    expect(Number(row!.issued)).toBe(0);
  });

  it("lapses points past their date, the oldest spent first", async () => {
    const partyId = clients[6]!.party_id;
    const db = t.database.db;
    const past = new Date(Date.now() - 86_400_000);
    await post(db, by, {
      key: `old:${partyId}`,
      partyId,
      direction: "in",
      programme: "issued",
      points: 100,
      reason: "adjustment",
      expiresAt: past,
    });
    await post(db, by, {
      key: `new:${partyId}`,
      partyId,
      direction: "in",
      programme: "issued",
      points: 70,
      reason: "adjustment",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await post(db, by, {
      key: `spent:${partyId}`,
      partyId,
      direction: "out",
      programme: "redeemed",
      points: 30,
      reason: "spend",
    });
    const first = await expireDue(db, by);
    expect(first.points).toBeGreaterThanOrEqual(70);
    const again = await expireDue(db, by);
    expect(again.points).toBe(0);
    const [row] = await execRows<{ balance: string }>(
      db,
      sql`SELECT balance FROM loyalty_accounts WHERE party_id = ${partyId}`,
    );
    expect(Number(row!.balance)).toBe(70);
  });
});
