import type { Board, SlotAnswer, WorkOrder } from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { addDays, dealerDay } from "../../platform/time/dealerCalendar";
import { notifyClientOfStatus } from "./statusNotifications";

let t: TestApp;
let advisor: SignedIn;
let director: SignedIn;
let sales: SignedIn;
let haval: number;
let kia: number;
const today = dealerDay();

interface Car {
  party_id: number;
  vehicle_id: number;
  make: string;
  model: string;
}
let cars: Car[];

beforeAll(async () => {
  t = await createTestApp({ clients: 400, seed: 21, asOf: today });
  advisor = await t.signIn("service");
  director = await t.signIn("director");
  sales = await t.signIn("sales");
  haval = t.org.dealershipIds.get("MSK-HAVAL")!;
  kia = t.org.dealershipIds.get("MSK-KIA")!;
  cars = await t.database.query<Car>(
    `SELECT o.party_id, o.vehicle_id, v.make, v.model FROM vehicle_ownerships o
       JOIN vehicles v ON v.id = o.vehicle_id
       JOIN maintenance_schedules s ON s.make = v.make AND s.model = v.model
      WHERE o.valid_to IS NULL ORDER BY o.vehicle_id LIMIT 60`,
  );
});
afterAll(async () => t.close());

/** A Monday three weeks or more ahead, past the demo's bookings, at a Moscow hour. */
function freeMonday(hour: number, weeks = 3): string {
  let day = addDays(today, weeks * 7);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 3) * 3_600_000).toISOString();
}

let carIndex = 0;
const nextCar = () => cars[carIndex++ % cars.length]!;

async function bookAt(car: Car, at?: string, extra: Record<string, unknown> = {}) {
  return t.as(advisor, "POST", "/api/service/bookings", {
    dealershipId: haval,
    clientId: car.party_id,
    vehicleId: car.vehicle_id,
    ...(at ? { at } : {}),
    ...extra,
  });
}

describe("slot search and booking", () => {
  it("offers the earliest slots for the car's maintenance, timed by the model's labour hours", async () => {
    const car = nextCar();
    const res = await t.as(
      advisor,
      "GET",
      `/api/service/slots?dealershipId=${haval}&vehicleId=${car.vehicle_id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as SlotAnswer;
    expect(answer.works.map((w) => w.code)).toEqual(["TO-OIL", "TO-AIR", "TO-CABIN", "TO-INSPECT"]);
    expect(answer.durationMinutes % 15).toBe(0);
    expect(answer.durationMinutes).toBeGreaterThanOrEqual(
      Math.round(answer.works.reduce((n, w) => n + w.hours * 60, 0)),
    );
    expect(answer.slots.length).toBeGreaterThan(0);
    const starts = answer.slots.map((s) => Date.parse(s.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]!).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(answer.slots[0]!.postName).toMatch(/^Пост/);
  });

  it("books the earliest slot, prefilled with the catalog's works and the schedule's parts", async () => {
    const car = nextCar();
    const res = await bookAt(car);
    expect(res.statusCode, res.body).toBe(200);
    const order = res.json() as WorkOrder;
    expect(order).toMatchObject({
      status: "booked",
      bookingChannel: "call",
      kind: "maintenance",
      clientId: car.party_id,
    });
    expect(order.number).toMatch(/^HAVAL-\d\d-B\d+$/);
    expect(order.postId).not.toBeNull();
    expect(order.lines.filter((l) => l.kind === "work")).toHaveLength(4);
    expect(order.lines.filter((l) => l.kind === "part").length).toBeGreaterThanOrEqual(4);
    expect(order.amountRub).toBeCloseTo(
      order.lines.reduce((n, l) => n + l.amountRub, 0),
      2,
    );
    const [log] = await t.database.query<{ process_step: string }>(
      "SELECT process_step FROM action_log WHERE entity_type = 'work_order' AND entity_id = $1",
      [String(order.id)],
    );
    expect(log?.process_step).toBe("service.booked");
  });

  it("takes the asked time when it is free, and refuses a taken one naming the nearest free time", async () => {
    const at = freeMonday(10);
    const first = await bookAt(nextCar(), at, { postId: undefined });
    expect(first.statusCode, first.body).toBe(200);
    const booked = first.json() as WorkOrder;
    expect(booked.plannedStart).toBe(at);
    const again = await bookAt(nextCar(), at, { postId: booked.postId, technicianId: booked.technicianId });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("nearest free time");
    // Sunday: the centre is closed.
    const sunday = new Date(Date.parse(at) - 86_400_000).toISOString();
    expect((await bookAt(nextCar(), sunday)).statusCode).toBe(409);
  });

  it("refuses bad bookings with the field and the reason", async () => {
    const car = nextCar();
    const unknown = await bookAt(car, undefined, { works: ["NO-SUCH"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("works.0");
    const other = cars.find((c) => c.party_id !== car.party_id)!;
    const notOwner = await t.as(advisor, "POST", "/api/service/bookings", {
      dealershipId: haval,
      clientId: car.party_id,
      vehicleId: other.vehicle_id,
    });
    expect(notOwner.statusCode).toBe(400);
    const past = await bookAt(car, new Date(Date.now() - 3_600_000).toISOString());
    expect(past.statusCode).toBe(400);
    const foreign = await t.as(advisor, "POST", "/api/service/bookings", {
      dealershipId: kia,
      clientId: car.party_id,
      vehicleId: car.vehicle_id,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it("never double-books: many requests for one post, technician and time, one wins", async () => {
    const [tech] = await t.database.query<{ id: number }>(
      `SELECT id FROM technicians WHERE dealership_id = $1 AND shift->>'schedule' = 'weekdays'
          AND shift->>'start' = '08:00' AND 'maintenance' = ANY(skills) ORDER BY id LIMIT 1`,
      [haval],
    );
    const [post] = await t.database.query<{ id: number }>(
      "SELECT id FROM service_posts WHERE dealership_id = $1 AND 'repair' = ANY(skills) ORDER BY id LIMIT 1",
      [haval],
    );
    const at = freeMonday(9, 4);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => bookAt(nextCar(), at, { postId: post!.id, technicianId: tech!.id })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(
      codes.filter((c) => c === 200),
      results.map((r) => r.body).join("\n"),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
  });

  it("places many simultaneous earliest bookings without any overlap", async () => {
    const from = freeMonday(8, 5);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => bookAt(cars[(carIndex + i) % cars.length]!, undefined, {})),
    );
    carIndex += 16;
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    void from;
    const overlaps = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM work_orders a JOIN work_orders b ON a.id < b.id
        WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')
          AND (a.post_id = b.post_id OR a.technician_id = b.technician_id)
          AND tstzrange(a.planned_start, a.planned_end) && tstzrange(b.planned_start, b.planned_end)`,
    );
    expect(overlaps[0]!.n).toBe(0);
  });

  it("frees the time of a cancelled booking", async () => {
    const at = freeMonday(15, 6);
    const first = (await bookAt(nextCar(), at)).json() as WorkOrder;
    const pin = { postId: first.postId, technicianId: first.technicianId };
    expect((await bookAt(nextCar(), at, pin)).statusCode).toBe(409);
    const cancel = await t.as(advisor, "POST", `/api/service/work-orders/${first.id}/status`, {
      status: "cancelled",
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await bookAt(nextCar(), at, pin)).statusCode).toBe(200);
  });
});

describe("work orders", () => {
  it("opens a walk-in work order in a few fields, prefilled and on a post when one is free", async () => {
    const car = nextCar();
    const res = await t.as(advisor, "POST", "/api/service/work-orders", {
      dealershipId: haval,
      clientId: car.party_id,
      vehicleId: car.vehicle_id,
      mileageKm: 400_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const order = res.json() as WorkOrder;
    expect(order).toMatchObject({ status: "arrived", bookingChannel: "walk_in", mileageKm: 400_000 });
    expect(order.number).toMatch(/-W\d+$/);
    expect(order.amountRub).toBeGreaterThan(0);
    expect(order.next).toEqual(["in_work", "booked", "cancelled"]);
  });

  it("goes from arrival to delivery, then sets the next maintenance and makes the follow-ups", async () => {
    const car = nextCar();
    const order = (await bookAt(car)).json() as WorkOrder;
    const step = async (status: string, extra: Record<string, unknown> = {}) => {
      const res = await t.as(advisor, "POST", `/api/service/work-orders/${order.id}/status`, {
        status,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as WorkOrder;
    };
    const wrong = await t.as(advisor, "POST", `/api/service/work-orders/${order.id}/status`, {
      status: "delivered",
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.body).toContain("arrived");
    await step("arrived", { mileageKm: 500_000 });
    await step("in_work");
    await step("waiting_parts");
    await step("in_work");
    await step("ready");
    const delivered = await step("delivered", { mileageKm: 500_010 });
    const [schedule] = await t.database.query<{ interval_km: number; interval_months: number }>(
      "SELECT interval_km, interval_months FROM maintenance_schedules WHERE make = $1 AND model = $2",
      [car.make, car.model],
    );
    expect(delivered.nextMaintenance?.km).toBe(500_010 + schedule!.interval_km);
    expect(delivered.nextMaintenance?.on).toBe(
      new Date(
        Date.UTC(
          +today.slice(0, 4),
          +today.slice(5, 7) - 1 + schedule!.interval_months,
          Math.min(+today.slice(8, 10), 28),
        ),
      )
        .toISOString()
        .slice(0, 8) + delivered.nextMaintenance!.on.slice(8),
    );
    const steps = await t.database.query<{ process_step: string }>(
      "SELECT process_step FROM action_log WHERE entity_type = 'work_order' AND entity_id = $1 ORDER BY id",
      [String(order.id)],
    );
    expect(steps.map((s) => s.process_step)).toEqual([
      "service.booked",
      "service.arrived",
      "service.in_work",
      "service.waiting_parts",
      "service.in_work",
      "service.ready",
      "service.delivered",
    ]);
    const [nps] = await t.database.query<{ reason_code: string; queue: string; assignee_user_id: number }>(
      "SELECT reason_code, queue, assignee_user_id FROM tasks WHERE need_key = $1",
      [`nps:${order.id}`],
    );
    expect(nps).toEqual({ reason_code: "nps_survey", queue: "service", assignee_user_id: advisor.userId });
    const review = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM interactions WHERE ref_type = 'work_order' AND ref_id = $1 AND payload->>'kind' = 'review_request'",
      [order.id],
    );
    expect(review[0]!.n).toBe(1);
    const readings = await t.database.query<{ km: number }>(
      "SELECT km FROM mileage_readings WHERE vehicle_id = $1 AND km >= 500000 ORDER BY km",
      [car.vehicle_id],
    );
    expect(readings.map((r) => r.km)).toEqual([500_000, 500_010]);
    // Every change queued its event for whoever tells the client (and, later, the portal).
    const events = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE queue = 'service.status_changed' AND (payload->>'workOrderId')::int = $1",
      [order.id],
    );
    expect(events[0]!.n).toBe(7);
  });

  it("tells the client the exact time of a booking and when the car is ready, never a stale status", async () => {
    const order = (await bookAt(nextCar())).json() as WorkOrder;
    const event = {
      workOrderId: order.id,
      number: order.number,
      partyId: order.clientId,
      dealershipId: order.dealershipId,
      from: null,
      to: "booked" as const,
      at: new Date().toISOString(),
    };
    expect(await notifyClientOfStatus(t.database.db, event)).toEqual({ sent: true });
    const [sms] = await t.database.query<{ body: string }>(
      "SELECT body FROM interactions WHERE ref_type = 'work_order' AND ref_id = $1 AND payload->>'kind' = 'status:booked'",
      [order.id],
    );
    expect(sms?.body).toContain(order.number);
    expect(await notifyClientOfStatus(t.database.db, { ...event, to: "ready" })).toEqual({ sent: false });
  });

  it("adds works and parts to an open order and takes a line off", async () => {
    const order = (await bookAt(nextCar())).json() as WorkOrder;
    const [part] = await t.database.query<{ article: string; price_kopecks: number }>(
      "SELECT article, price_kopecks FROM service_parts WHERE article LIKE 'BAT-%'",
    );
    const added = await t.as(advisor, "POST", `/api/service/work-orders/${order.id}/lines`, {
      works: ["REP-BATTERY"],
      parts: [{ article: part!.article, quantity: 1 }],
    });
    expect(added.statusCode, added.body).toBe(200);
    const withLines = added.json() as WorkOrder;
    expect(withLines.amountRub).toBeGreaterThan(order.amountRub + Number(part!.price_kopecks) / 100 - 0.01);
    const battery = withLines.lines.find((l) => l.code === part!.article)!;
    const removed = await t.as(advisor, "DELETE", `/api/service/work-orders/${order.id}/lines/${battery.id}`);
    expect((removed.json() as WorkOrder).lines.some((l) => l.id === battery.id)).toBe(false);
    const bad = await t.as(advisor, "POST", `/api/service/work-orders/${order.id}/lines`, {
      parts: [{ article: "NOPE", quantity: 1 }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it("moves a booking on the board, and not onto a taken place", async () => {
    const a = (await bookAt(nextCar(), freeMonday(10, 7))).json() as WorkOrder;
    const b = (await bookAt(nextCar(), freeMonday(14, 7))).json() as WorkOrder;
    const moved = await t.as(advisor, "PATCH", `/api/service/work-orders/${b.id}/plan`, {
      at: freeMonday(16, 7),
      postId: a.postId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = moved.json() as WorkOrder;
    expect(after).toMatchObject({ postId: a.postId, plannedStart: freeMonday(16, 7) });
    expect(Date.parse(after.plannedEnd!) - Date.parse(after.plannedStart!)).toBe(
      Date.parse(b.plannedEnd!) - Date.parse(b.plannedStart!),
    );
    const onto = await t.as(advisor, "PATCH", `/api/service/work-orders/${b.id}/plan`, {
      at: a.plannedStart,
      postId: a.postId,
      technicianId: a.technicianId,
    });
    expect(onto.statusCode).toBe(409);
    const [log] = await t.database.query<{ process_step: string }>(
      "SELECT process_step FROM action_log WHERE entity_type = 'work_order' AND entity_id = $1 AND action = 'reschedule'",
      [String(b.id)],
    );
    expect(log?.process_step).toBe("service.reschedule");
  });

  it("records no-shows and computes the show-up rate per channel", async () => {
    const res = await t.as(advisor, "GET", `/api/service/show-up?from=${addDays(today, -365)}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const rates = res.json() as {
      channel: string;
      booked: number;
      arrived: number;
      noShow: number;
      rate: number;
    }[];
    expect(rates.map((r) => r.channel)).not.toContain("walk_in");
    for (const r of rates) {
      expect(r.booked).toBe(r.arrived + r.noShow);
      if (r.booked) expect(r.rate).toBeCloseTo(r.arrived / r.booked, 3);
    }
    const [due] = await t.database.query<{ id: number }>(
      "SELECT id FROM work_orders WHERE dealership_id = $1 AND status = 'booked' ORDER BY planned_start NULLS LAST LIMIT 1",
      [haval],
    );
    const noShow = await t.as(advisor, "POST", `/api/service/work-orders/${due!.id}/status`, {
      status: "no_show",
    });
    expect(noShow.statusCode, noShow.body).toBe(200);
  });
});

describe("planning board", () => {
  it("shows the day per post and technician with the load of the coming days", async () => {
    const res = await t.as(advisor, "GET", `/api/service/board?dealershipId=${haval}&day=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as Board;
    expect(board.posts.length).toBeGreaterThanOrEqual(5);
    expect(board.technicians.length).toBeGreaterThanOrEqual(5);
    expect(board.load).toHaveLength(14);
    for (const item of board.items) expect(board.posts.map((p) => p.id)).toContain(item.postId);
    expect(
      (await t.as(advisor, "GET", `/api/service/board?dealershipId=${kia}&day=${today}`)).statusCode,
    ).toBe(403);
    expect(
      (await t.as(sales, "GET", `/api/service/board?dealershipId=${haval}&day=${today}`)).statusCode,
    ).toBe(403);
  });

  it("the demo's boards hold today's work and the coming weeks' bookings", async () => {
    const [n] = await t.database.query<{ today: number; ahead: number }>(
      `SELECT count(*) FILTER (WHERE (planned_start AT TIME ZONE 'Europe/Moscow')::date = $1::date)::int AS today,
              count(*) FILTER (WHERE planned_start > now() + interval '1 day' AND status = 'booked')::int AS ahead
         FROM work_orders WHERE post_id IS NOT NULL`,
      [today],
    );
    expect(n!.ahead).toBeGreaterThan(0);
    expect(n!.today + n!.ahead).toBeGreaterThan(10);
  });
});

describe("master data", () => {
  it("lets a director set up posts, technicians and hours, and checks what they type", async () => {
    const post = await t.as(director, "POST", "/api/service/posts", {
      dealershipId: kia,
      name: "Пост экспресс-ТО",
      skills: ["maintenance"],
    });
    expect(post.statusCode, post.body).toBe(200);
    const dup = await t.as(director, "POST", "/api/service/posts", {
      dealershipId: kia,
      name: "Пост экспресс-ТО",
      skills: ["maintenance"],
    });
    expect(dup.statusCode).toBe(400);
    const tech = await t.as(director, "POST", "/api/service/technicians", {
      dealershipId: kia,
      fullName: "Смирнов Павел Олегович",
      skills: ["maintenance", "tyres"],
      shift: {
        schedule: "2/2",
        anchor: today,
        start: "08:00",
        end: "20:00",
        breakStart: "13:00",
        breakEnd: "14:00",
      },
    });
    expect(tech.statusCode, tech.body).toBe(200);
    const badShift = await t.as(director, "POST", "/api/service/technicians", {
      dealershipId: kia,
      fullName: "Смирнов Павел Олегович",
      skills: ["maintenance"],
      shift: { schedule: "weekdays", start: "18:00", end: "09:00" },
    });
    expect(badShift.statusCode).toBe(400);
    expect(badShift.body).toContain("shift.end");
    const hours = await t.as(director, "PUT", `/api/service/workshops/${kia}`, {
      rules: { bufferMinutes: 10 },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json()).toMatchObject({ rules: { bufferMinutes: 10, stepMinutes: 15 } });
    expect(
      (
        await t.as(advisor, "POST", "/api/service/posts", {
          dealershipId: haval,
          name: "X",
          skills: ["tyres"],
        })
      ).statusCode,
    ).toBe(403);
  });

  it("imports an ERP price list as CSV: new, changed and unchanged parts, rejected rows with reasons", async () => {
    const upload = (body: string | Buffer, who = director) =>
      t.app.inject({
        method: "POST",
        url: "/api/service/parts/import?source=erp-test",
        headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken, "content-type": "text/csv" },
        payload: body,
      });
    const first = await upload(
      "Артикул;Наименование;Производитель;Ед.;Цена\nTEST-1;Фильтр;Mann;шт;1 200,50\nTEST-2;Колодки;ATE;компл;4500\n;Без артикула;;;1\n",
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      rows: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 4, reason: "no article" }],
    });
    // The same list from 1C in Windows-1251, one price changed.
    const cp1251 = Buffer.from(
      new Uint8Array([
        ...[0xc0, 0xf0, 0xf2, 0xe8, 0xea, 0xf3, 0xeb], // Артикул
        0x3b,
        ...[0xcd, 0xe0, 0xe8, 0xec, 0xe5, 0xed, 0xee, 0xe2, 0xe0, 0xed, 0xe8, 0xe5], // Наименование
        0x3b,
        ...[0xd6, 0xe5, 0xed, 0xe0], // Цена
        0x0a,
        ...Buffer.from("TEST-1;"),
        ...[0xd4, 0xe8, 0xeb, 0xfc, 0xf2, 0xf0], // Фильтр
        ...Buffer.from(";1300\n"),
      ]),
    );
    const second = await upload(cp1251);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ created: 0, updated: 1 });
    const parts = await t.as(advisor, "GET", "/api/service/parts?q=TEST-1");
    expect(parts.json()).toMatchObject({
      total: 1,
      parts: [{ article: "TEST-1", name: "Фильтр", priceRub: 1300 }],
    });
    expect((await upload("hello\nworld\n")).statusCode).toBe(400);
    expect((await upload("Артикул;Наименование;Цена\nA;B;1\n", advisor)).statusCode).toBe(403);
  });

  it("keeps the works catalog with labour hours per model", async () => {
    const res = await t.as(director, "PUT", "/api/service/works", {
      code: "TEST-WORK",
      name: "Проверочная работа",
      kind: "repair",
      skill: "repair",
      hours: 1.5,
      byModel: [{ make: "Haval", model: "Jolion", hours: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: "TEST-WORK",
      hours: 1.5,
      byModel: [{ make: "Haval", model: "Jolion", hours: 2 }],
    });
    const bad = await t.as(director, "PUT", "/api/service/works", {
      code: "bad code",
      name: "x",
      kind: "repair",
      skill: "repair",
      hours: 1,
    });
    expect(bad.statusCode).toBe(400);
  });
});
