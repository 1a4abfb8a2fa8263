import type {
  Deal,
  DealProcess,
  MatchResponse,
  StockImportReport,
  StockList,
  TaskList,
} from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { SHIPPED_PROCESSES } from "./processes/shipped";

let t: TestApp;
let sales: SignedIn;
let appraiser: SignedIn;
let fi: SignedIn;
let manager: SignedIn;
let director: SignedIn;
let admin: SignedIn;
let clientId: number;

const STOCK = [
  "dealership;vin;make;model;year;condition;status;body_type;seats;drive;ground_clearance_mm;comfort_class;mileage_km;price_rub",
  "MSK-HAVAL;LGWFF7A59RH100001;Haval;Dargo;2026;new;in_stock;crossover;5;awd;225;comfort;0;3499000",
  "MSK-HAVAL;LGWFF7A59RH100002;Tank;500;2026;new;in_stock;suv;7;awd;224;business;0;5600000",
  "SPB-TOYOTA;JTMHV05J504100003;Toyota;Land Cruiser Prado;2021;used;in_stock;suv;5;awd;215;business;64000;4900000",
  "MSK-KIA;XWEG3417BN0100004;Kia;K5;2026;new;in_transit;sedan;5;fwd;155;business;0;3300000",
  "MSK-HAVAL;LGWFF7A59RH100005;Haval;Jolion;2026;new;sold;crossover;5;fwd;190;comfort;0;2300000",
].join("\n");

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.signIn("sales");
  appraiser = await t.signIn("appraiser");
  fi = await t.signIn("fi");
  manager = await t.signIn("sales.manager");
  director = await t.signIn("director");
  admin = await t.signIn("admin");
  const created = await t.as(sales, "POST", "/api/clients", {
    fullName: "Соколова Анна Игоревна",
    phones: ["+7 916 555-12-34"],
    birthDate: "1988-05-14",
  });
  expect(created.statusCode, created.body).toBe(201);
  clientId = created.json().clientId;
});
afterAll(async () => t.close());

const upload = (who: SignedIn, csv: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/stock/import",
    headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken, "content-type": "text/csv" },
    payload: csv,
  });

async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const step = (deal: Deal, code: string) => deal.steps.find((s) => s.code === code)!;

describe("stock", () => {
  it("imports a stock file, updating cars it knows and reporting bad rows", async () => {
    const report = await ok<StockImportReport>(upload(manager, STOCK));
    // The sales manager is Haval Altufyevo's: other dealerships' rows are not theirs to load.
    expect(report.created).toBe(3);
    expect(report.rejected.map((r) => r.row)).toEqual([4, 5]);
    const group = await ok<StockImportReport>(
      upload(director, `${STOCK}\nMSK-HAVAL;BAD;Haval;H9;2026;new;in_stock;suv;7;awd;220;business;0;4500000`),
    );
    expect(group).toMatchObject({ rows: 6, created: 2, updated: 3 });
    expect(group.rejected).toEqual([
      {
        row: 7,
        field: "vin",
        code: "not_vin",
        value: "BAD",
        message: '"BAD" is not a VIN (17 letters and digits, no I, O, Q)',
      },
    ]);
    const list = await ok<StockList>(t.as(sales, "GET", "/api/stock?limit=50"));
    expect(list.total).toBe(5);
    expect(list.byStatus).toEqual({ in_transit: 1, in_stock: 3, reserved: 0, sold: 1 });
    expect((await t.as(sales, "POST", "/api/stock/import")).statusCode).toBe(403);
  });

  it("matches needs across brands, new and used, with reasons", async () => {
    const res = await ok<MatchResponse>(
      t.as(sales, "POST", "/api/stock/match", {
        needs: {
          bodyTypes: ["suv", "crossover"],
          minSeats: 5,
          awd: true,
          minClearanceMm: 200,
          comfort: "business",
          monthlyRub: 105_000,
          tradeInRub: 1_000_000,
          downPaymentRub: 500_000,
          city: "Москва",
        },
      }),
    );
    expect(res.considered).toBe(4);
    expect(res.matches.map((m) => m.vehicle.model)).toEqual(["500", "Land Cruiser Prado", "Dargo", "K5"]);
    expect(res.matches[0]!.reasons.map((r) => r.code)).toContain("awd");
    const bad = await t.as(sales, "POST", "/api/stock/match", { needs: { minSeats: 12 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain("minSeats");
  });
});

describe("process definitions", () => {
  it("ships every process and versions an analyst's change, refusing an invalid one at its field", async () => {
    const list = await ok<DealProcess[]>(t.as(sales, "GET", "/api/deal-processes"));
    expect(list.map((p) => p.code)).toEqual(SHIPPED_PROCESSES.map((p) => p.code));
    const used = list.find((p) => p.code === "used_car")!;
    expect(
      (
        await t.as(sales, "PUT", "/api/deal-processes/used_car", {
          name: used.name,
          steps: used.steps,
          baseVersion: 1,
        })
      ).statusCode,
    ).toBe(403);

    const noPassport = used.steps.map((s) =>
      s.code === "client" ? { ...s, requires: s.requires.filter((f) => f !== "client.passport") } : s,
    );
    const refused = await t.as(admin, "PUT", "/api/deal-processes/used_car", {
      name: used.name,
      steps: noPassport,
      baseVersion: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe(`body.steps.${used.steps.length - 1}.requires`);

    const withEmail = used.steps.map((s) =>
      s.code === "client" ? { ...s, requires: [...s.requires, "client.email"] } : s,
    );
    const saved = await ok<DealProcess>(
      t.as(admin, "PUT", "/api/deal-processes/used_car", {
        name: used.name,
        steps: withEmail,
        baseVersion: 1,
      }),
    );
    expect(saved.version).toBe(2);
    const stale = await t.as(admin, "PUT", "/api/deal-processes/used_car", {
      name: used.name,
      steps: withEmail,
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const versions = await ok<DealProcess[]>(t.as(director, "GET", "/api/deal-processes/used_car/versions"));
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});

describe("the combined purchase", () => {
  it("runs from needs to delivery with the appraiser's and F&I's hand-offs, and refuses to sell without the buyer's data", async () => {
    let deal = await ok<Deal>(t.as(sales, "POST", "/api/deals", { clientId, processCode: "combined" }), 201);
    expect(deal.kind).toBe("combined");
    expect(deal.currentStep).toBe("needs");
    expect(deal.steps).toHaveLength(11);
    const id = deal.id;
    const api = (who: SignedIn, method: "POST" | "PATCH" | "PUT" | "GET", path: string, body?: unknown) =>
      ok<Deal>(t.as(who, method, `/api/deals/${id}${path}`, body));

    // 1-2. Needs and the car, reserved for the deal at its list price.
    deal = await api(sales, "PATCH", "", { needs: { bodyTypes: ["suv"], awd: true, monthlyRub: 90_000 } });
    deal = await api(sales, "POST", "/steps/needs/complete");
    const [tank] = await t.database.query<{ id: number }>(
      "SELECT id FROM stock_vehicles WHERE model = '500'",
    );
    deal = await api(sales, "PATCH", "", { stockVehicleId: tank!.id });
    expect(deal.vehicle?.status).toBe("reserved");
    expect(deal.vehiclePriceRub).toBe(5_600_000);
    deal = await api(sales, "PATCH", "", { vehiclePriceRub: 5_450_000 });
    deal = await api(sales, "POST", "/steps/vehicle/complete");

    // 3. The appraisal goes to the appraiser as a task with its SLA; the salesperson cannot value the car.
    const early = await t.as(sales, "POST", `/api/deals/${id}/steps/appraisal/handoff`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: "tradeIn.vehicle", message: "required" }]);
    deal = await api(sales, "PUT", "/trade-in", {
      vin: "Z94CB41AAJR100010",
      make: "Kia",
      model: "Rio",
      year: 2018,
    });
    deal = await api(sales, "POST", "/steps/appraisal/handoff", { note: "Клиент ждёт в салоне" });
    expect(step(deal, "appraisal").status).toBe("waiting");
    expect(
      (
        await t.as(sales, "POST", `/api/deals/${id}/appraisals`, {
          valueRub: 1,
          mileageKm: 1,
          condition: "good",
        })
      ).statusCode,
    ).toBe(403);
    const queue = await ok<TaskList>(t.as(appraiser, "GET", "/api/tasks?scope=queue"));
    const task = queue.tasks.find((x) => x.dealId === id)!;
    expect(task).toMatchObject({ kind: "appraisal", queue: "appraisal", reason: { code: "deal_appraisal" } });
    expect(new Date(task.slaAt).getTime() - new Date(task.createdAt).getTime()).toBeCloseTo(
      2 * 3_600_000,
      -4,
    );
    await ok(t.as(appraiser, "POST", `/api/tasks/${task.id}/take`));
    deal = await api(appraiser, "POST", "/appraisals", {
      valueRub: 950_000,
      mileageKm: 87_000,
      condition: "good",
    });
    deal = await api(appraiser, "POST", "/steps/appraisal/complete");
    expect(step(deal, "appraisal")).toMatchObject({ status: "done", task: { status: "done" } });
    const done = await ok<TaskList>(t.as(appraiser, "GET", "/api/tasks?scope=mine&status=done"));
    expect(done.tasks.find((x) => x.id === task.id)?.result).toEqual({ type: "deal", id });

    deal = await api(sales, "PATCH", "", { tradeInAcceptedRub: 930_000 });
    deal = await api(sales, "POST", "/steps/trade_in_offer/complete");

    // 5-6. Credit and insurance: F&I enters the banks' offers and the insurers' quotes; the best is compared.
    deal = await api(sales, "PATCH", "", {
      downPaymentRub: 500_000,
      creditRequestedRub: 4_020_000,
      creditTermMonths: 60,
    });
    deal = await api(sales, "POST", "/steps/credit/handoff");
    deal = await api(sales, "POST", "/steps/insurance/handoff");
    const fiQueue = await ok<TaskList>(t.as(fi, "GET", "/api/tasks?scope=queue"));
    expect(
      fiQueue.tasks
        .filter((x) => x.dealId === id)
        .map((x) => x.kind)
        .sort(),
    ).toEqual(["credit_application", "insurance_quote"]);
    deal = await api(fi, "POST", "/credit-offers", {
      bank: "Сбербанк",
      principalRub: 4_020_000,
      ratePct: 15.9,
      termMonths: 60,
    });
    deal = await api(fi, "POST", "/credit-offers", {
      bank: "ВТБ",
      principalRub: 4_020_000,
      ratePct: 14.5,
      termMonths: 60,
    });
    deal = await api(fi, "POST", "/credit-offers", {
      bank: "Т-Банк",
      principalRub: 4_020_000,
      ratePct: 13.9,
      termMonths: 60,
      status: "declined",
    });
    const [sber, vtb, declined] = deal.credit.offers;
    expect(vtb!.monthlyRub).toBeLessThan(sber!.monthlyRub);
    expect(vtb!.overpaymentRub).toBeCloseTo(vtb!.totalRub - 4_020_000, 2);
    expect((await t.as(fi, "POST", `/api/deals/${id}/credit-offers/${declined!.id}/choose`)).statusCode).toBe(
      409,
    );
    deal = await api(fi, "POST", `/credit-offers/${vtb!.id}/choose`);
    deal = await api(fi, "POST", "/steps/credit/complete");
    deal = await api(fi, "POST", "/insurance-quotes", {
      kind: "kasko",
      insurer: "Ингосстрах",
      premiumRub: 189_000,
    });
    deal = await api(fi, "POST", "/insurance-quotes", {
      kind: "osago",
      insurer: "РЕСО-Гарантия",
      premiumRub: 11_500,
    });
    for (const q of deal.insurance) deal = await api(fi, "POST", `/insurance-quotes/${q.id}/choose`);
    deal = await api(fi, "POST", "/steps/insurance/complete");
    expect(deal.totals.insuranceRub).toBe(200_500);

    // 7. Equipment.
    deal = await api(sales, "POST", "/accessories", { name: "Фаркоп", priceRub: 45_000 });
    deal = await api(sales, "POST", "/steps/accessories/complete");
    expect(deal.totals).toMatchObject({
      vehicleRub: 5_450_000,
      accessoriesRub: 45_000,
      tradeInRub: 930_000,
      toPayRub: 4_565_000,
    });

    // 8. The buyer's data: the contract cannot be issued and the step cannot close until it is all there.
    const blocked = await t.as(sales, "POST", `/api/deals/${id}/steps/client/complete`);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      "client.passport",
      "client.address",
    ]);
    expect((await t.as(sales, "POST", `/api/deals/${id}/documents`, { kind: "contract" })).statusCode).toBe(
      400,
    );
    const badPassport = await t.as(sales, "PATCH", `/api/deals/${id}/client`, {
      version: deal.client.version,
      passport: "12",
    });
    expect(badPassport.json().error.fields).toEqual([
      { field: "body.passport", message: "not a Russian passport series and number (10 digits)" },
    ]);
    deal = await api(sales, "PATCH", "/client", {
      version: deal.client.version,
      passport: "4512 345678",
      address: "Москва, Профсоюзная улица, дом 3, квартира 12",
    });
    expect(deal.client).toMatchObject({
      passport: "45 12 345678",
      address: "Москва, Профсоюзная улица, дом 3, квартира 12",
    });
    deal = await api(sales, "POST", "/steps/client/complete");

    // 9-11. Documents, payment, delivery: the deal is won and everything lands where it belongs.
    deal = await api(sales, "POST", "/documents", { kind: "quote" });
    deal = await api(sales, "POST", "/documents", { kind: "contract" });
    deal = await api(sales, "POST", "/steps/documents/complete");
    const early2 = await t.as(sales, "POST", `/api/deals/${id}/steps/delivery/complete`);
    expect(early2.statusCode).toBe(400);
    deal = await api(sales, "PATCH", "", { payment: { method: "transfer" } });
    deal = await api(sales, "POST", "/steps/payment/complete");
    deal = await api(sales, "PATCH", "", { deliveryPlannedOn: new Date().toISOString().slice(0, 10) });
    deal = await api(sales, "POST", "/documents", { kind: "act" });
    deal = await api(sales, "POST", "/steps/delivery/complete");
    expect(deal.status).toBe("won");
    expect(deal.currentStep).toBeNull();

    const contract = deal.documents.find((d) => d.kind === "contract")!;
    const pdf = await t.as(sales, "GET", `/api/deals/${id}/documents/${contract.id}/pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const [stock] = await t.database.query<{ status: string }>(
      "SELECT status FROM stock_vehicles WHERE id = $1",
      [tank!.id],
    );
    expect(stock!.status).toBe("sold");
    const [tradeIn] = await t.database.query<{ status: string; condition: string; price_kopecks: number }>(
      "SELECT status, condition, price_kopecks FROM stock_vehicles WHERE vin = 'Z94CB41AAJR100010'",
    );
    expect(tradeIn).toMatchObject({ status: "in_transit", condition: "used" });
    const products = await t.database.query<{ what: string }>(
      `SELECT 'credit:' || bank AS what FROM credits WHERE deal_id = $1
       UNION ALL SELECT 'policy:' || kind FROM insurance_policies WHERE deal_id = $1
       UNION ALL SELECT 'owns:' || v.model FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
        WHERE o.party_id = $2 AND o.valid_to IS NULL ORDER BY 1`,
      [id, clientId],
    );
    expect(products.map((p) => p.what)).toEqual(["credit:ВТБ", "owns:500", "policy:kasko", "policy:osago"]);

    const steps = await t.database.query<{ process_step: string }>(
      "SELECT process_step FROM action_log WHERE entity_type = 'deal' AND entity_id = $1 AND action IN ('step', 'won') ORDER BY id",
      [String(id)],
    );
    expect(steps.map((s) => s.process_step)).toEqual([
      ...SHIPPED_PROCESSES.find((p) => p.code === "combined")!.steps.map((s) => `deal.${s.code}`),
      "deal.won",
    ]);
    expect(deal.cycleSeconds).toBeGreaterThanOrEqual(0);
    expect(deal.timeline.length).toBeGreaterThan(20);
  });

  it("keeps deals to their dealership and lets only the step's roles complete it", async () => {
    const deal = await ok<Deal>(t.as(sales, "POST", "/api/deals", { clientId, processCode: "new_car" }), 201);
    const [elsewhere] = await t.database.query<{ id: number }>(
      `INSERT INTO deals (dealership_id, party_id, kind, status, source, process_id)
       SELECT d.id, $1, 'new_car', 'open', 'walk_in', $2 FROM dealerships d WHERE d.code = 'MSK-KIA' RETURNING id`,
      [clientId, deal.process!.id],
    );
    expect((await t.as(sales, "GET", `/api/deals/${elsewhere!.id}`)).statusCode).toBe(403);
    expect((await t.as(director, "GET", `/api/deals/${elsewhere!.id}`)).statusCode).toBe(200);
    expect((await t.as(fi, "POST", `/api/deals/${deal.id}/steps/needs/complete`)).statusCode).toBe(403);
    const lost = await ok<Deal>(
      t.as(sales, "POST", `/api/deals/${deal.id}/lose`, { reason: "Отложил покупку" }),
    );
    expect(lost.status).toBe("lost");
    expect((await t.as(sales, "PATCH", `/api/deals/${deal.id}`, { needs: {} })).statusCode).toBe(403);
    expect(
      (await t.as(sales, "POST", "/api/deals", { clientId, processCode: "nope" })).json().error.fields,
    ).toEqual([{ field: "body.processCode", message: 'no process "nope"' }]);
  });

  it("insures the client's own car: the insurance process closes with the policy on that car", async () => {
    const created = await t.as(sales, "POST", "/api/clients", {
      fullName: "Тихонов Пётр Ильич",
      phones: ["+7 926 100-20-30"],
      birthDate: "1979-02-11",
      passport: "4510 123456",
      vins: ["XTA21700080034567"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const owner = created.json().clientId as number;
    let deal = await ok<Deal>(
      t.as(sales, "POST", "/api/deals", { clientId: owner, processCode: "insurance" }),
      201,
    );
    expect(deal.clientCars).toHaveLength(1);
    const api = (who: SignedIn, method: "POST" | "PATCH", path: string, body?: unknown) =>
      ok<Deal>(t.as(who, method, `/api/deals/${deal.id}${path}`, body));
    const stranger = await t.as(sales, "PATCH", `/api/deals/${deal.id}`, { clientVehicleId: 999_999 });
    expect(stranger.json().error.fields).toEqual([
      { field: "body.clientVehicleId", message: "not a car the client owns" },
    ]);
    deal = await api(sales, "PATCH", "", { clientVehicleId: deal.clientCars[0]!.id });
    deal = await api(sales, "POST", "/steps/client/complete");
    deal = await api(sales, "POST", "/steps/insurance/handoff");
    deal = await api(fi, "POST", "/insurance-quotes", { kind: "osago", insurer: "ВСК", premiumRub: 9_800 });
    deal = await api(fi, "POST", `/insurance-quotes/${deal.insurance[0]!.id}/choose`);
    deal = await api(fi, "POST", "/steps/insurance/complete");
    expect(deal.status).toBe("won");
    const [policy] = await t.database.query<{ vehicle_id: number; kind: string; premium_kopecks: number }>(
      "SELECT vehicle_id, kind, premium_kopecks FROM insurance_policies WHERE deal_id = $1",
      [deal.id],
    );
    expect(policy).toEqual({ vehicle_id: deal.clientCars[0]!.id, kind: "osago", premium_kopecks: 980_000 });
  });
});
