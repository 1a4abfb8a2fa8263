import type {
  MatchResponse,
  Needs,
  StockImportReport,
  StockList,
  StockListQuery,
  StockStatus,
  StockUpdate,
  StockVehicle,
} from "@orbit/contracts";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { forbidden, notFound, refused } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { dealerships } from "../staff/schema";
import { priceCeiling, rankMatches } from "./matching";
import { stockVehicles } from "./schema";
import { parseStockCsv } from "./stockCsv";

interface Row {
  id: number;
  dealership_id: number;
  dealership_name: string;
  city: string | null;
  vin: string;
  make: string;
  model: string;
  trim: string | null;
  year: number;
  condition: StockVehicle["condition"];
  status: StockVehicle["status"];
  body_type: StockVehicle["bodyType"];
  seats: number;
  drive: StockVehicle["drive"];
  fuel: StockVehicle["fuel"];
  ground_clearance_mm: number;
  comfort_class: StockVehicle["comfortClass"];
  color: string | null;
  mileage_km: number;
  price_kopecks: number;
  arrived_on: string | null;
  sold_on: string | null;
  reserved_by_deal_id: number | null;
}

const SELECT = sql`SELECT s.id, s.dealership_id, d.name AS dealership_name, d.city, s.vin, s.make, s.model, s.trim,
    s.year, s.condition, s.status, s.body_type, s.seats, s.drive, s.fuel, s.ground_clearance_mm, s.comfort_class,
    s.color, s.mileage_km, s.price_kopecks, to_char(s.arrived_on, 'YYYY-MM-DD') AS arrived_on,
    to_char(s.sold_on, 'YYYY-MM-DD') AS sold_on, s.reserved_by_deal_id
  FROM stock_vehicles s JOIN dealerships d ON d.id = s.dealership_id`;

const toVehicle = (r: Row): StockVehicle => ({
  id: r.id,
  dealershipId: r.dealership_id,
  dealershipName: r.dealership_name,
  city: r.city,
  vin: r.vin,
  make: r.make,
  model: r.model,
  trim: r.trim,
  year: r.year,
  condition: r.condition,
  status: r.status,
  bodyType: r.body_type,
  seats: r.seats,
  drive: r.drive,
  fuel: r.fuel,
  groundClearanceMm: r.ground_clearance_mm,
  comfortClass: r.comfort_class,
  color: r.color,
  mileageKm: r.mileage_km,
  priceRub: Number(r.price_kopecks) / 100,
  arrivedOn: r.arrived_on,
  soldOn: r.sold_on,
  reservedByDealId: r.reserved_by_deal_id,
});

/** Every dealership's cars in one list; the counts by status answer "how many are on their way". */
export async function listStock(db: Db, q: StockListQuery): Promise<StockList> {
  const where: SQL[] = [sql`true`];
  if (q.condition) where.push(sql`s.condition = ${q.condition}`);
  if (q.dealershipId) where.push(sql`s.dealership_id = ${q.dealershipId}`);
  if (q.bodyType) where.push(sql`s.body_type = ${q.bodyType}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(s.make || ' ' || s.model ILIKE ${like} OR s.vin LIKE ${`%${q.q.toUpperCase()}`})`);
  }
  const filtered = sql.join(where, sql` AND `);
  const counts = await execRows<{ status: StockStatus; n: number }>(
    db,
    sql`SELECT s.status, count(*)::int AS n FROM stock_vehicles s WHERE ${filtered} GROUP BY s.status`,
  );
  const byStatus = { in_transit: 0, in_stock: 0, reserved: 0, sold: 0 };
  for (const c of counts) byStatus[c.status] = c.n;
  const all = q.status ? sql`${filtered} AND s.status = ${q.status}` : filtered;
  const rows = await execRows<Row>(
    db,
    sql`${SELECT} WHERE ${all} ORDER BY s.status = 'sold', s.make, s.model, s.id LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const total = q.status ? byStatus[q.status] : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { total, byStatus, vehicles: rows.map(toVehicle) };
}

export async function getStockVehicle(db: Db, id: number, lock = false): Promise<StockVehicle> {
  const [row] = await execRows<Row>(
    db,
    sql`${SELECT} WHERE s.id = ${id} ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  if (!row) throw notFound("Stock vehicle");
  return toVehicle(row);
}

/**
 * Cars for the client's needs, from every brand and dealership, new and used. The database leaves out what
 * the hard limits rule out (sold, held by another deal, new or used, seats, mileage, beyond the money);
 * the rest is scored and ranked in memory.
 */
export async function matchStock(
  db: Db,
  needs: Needs,
  limit: number,
  dealId?: number,
): Promise<MatchResponse> {
  const ceiling = priceCeiling(needs);
  const rows = await execRows<Row>(
    db,
    sql`${SELECT} WHERE s.status <> 'sold'
          AND (s.status <> 'reserved' OR s.reserved_by_deal_id = ${dealId ?? -1})
          ${needs.condition !== "any" ? sql`AND s.condition = ${needs.condition}` : sql``}
          ${needs.minSeats !== undefined ? sql`AND s.seats >= ${needs.minSeats}` : sql``}
          ${needs.maxMileageKm !== undefined ? sql`AND s.mileage_km <= ${needs.maxMileageKm}` : sql``}
          ${ceiling !== null ? sql`AND s.price_kopecks <= ${ceiling}` : sql``}`,
  );
  const { considered, matches } = rankMatches(needs, rows.map(toVehicle), limit);
  return {
    considered,
    matches: matches.map((m) => ({
      vehicle: m.vehicle,
      score: m.score,
      monthlyRub: m.monthlyKopecks / 100,
      reasons: m.reasons,
    })),
  };
}

export async function updateStock(
  db: Db,
  by: ActingAs,
  id: number,
  patch: StockUpdate,
  scope: "all" | number[],
): Promise<StockVehicle> {
  const before = await getStockVehicle(db, id, true);
  if (scope !== "all" && !scope.includes(before.dealershipId))
    throw forbidden("This car is another dealership's");
  if (patch.status && before.reservedByDealId !== null && patch.status !== "reserved")
    throw refused(
      "car_reserved",
      `The car is reserved for deal ${before.reservedByDealId}; release it there`,
    );
  const today = new Date().toISOString().slice(0, 10);
  await db
    .update(stockVehicles)
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.status === "sold" ? { soldOn: today } : {}),
      ...(patch.status === "in_stock" && !before.arrivedOn ? { arrivedOn: today } : {}),
      ...(patch.priceRub !== undefined ? { priceKopecks: Math.round(patch.priceRub * 100) } : {}),
      updatedAt: new Date(),
    })
    .where(eq(stockVehicles.id, id));
  const after = await getStockVehicle(db, id);
  await recordAction(db, by, {
    entityType: "stock_vehicle",
    entityId: id,
    action: "update",
    processStep: "stock.update",
    before: { status: before.status, priceRub: before.priceRub },
    after: { status: after.status, priceRub: after.priceRub },
    dealershipId: before.dealershipId,
  });
  return after;
}

/** Holds a car for a deal; a car on its way can be reserved too, one sold or held elsewhere cannot. */
export async function reserveForDeal(db: Db, stockId: number, dealId: number): Promise<StockVehicle> {
  const v = await getStockVehicle(db, stockId, true);
  if (v.reservedByDealId === dealId) return v;
  if (v.status === "sold") throw refused("car_sold", "This car is sold");
  if (v.status === "reserved") throw refused("car_reserved", "This car is reserved for another client");
  await db
    .update(stockVehicles)
    .set({ status: "reserved", reservedByDealId: dealId, updatedAt: new Date() })
    .where(eq(stockVehicles.id, stockId));
  return { ...v, status: "reserved", reservedByDealId: dealId };
}

/** Gives the car back to the stock when the deal takes another or is lost. */
export async function releaseFromDeal(db: Db, stockId: number, dealId: number): Promise<void> {
  await db
    .update(stockVehicles)
    .set({
      status: sql`CASE WHEN ${stockVehicles.arrivedOn} IS NULL THEN 'in_transit' ELSE 'in_stock' END`,
      reservedByDealId: null,
      updatedAt: new Date(),
    })
    .where(sql`${stockVehicles.id} = ${stockId} AND ${stockVehicles.reservedByDealId} = ${dealId}`);
}

export async function markSold(db: Db, stockId: number, day: string): Promise<void> {
  await db
    .update(stockVehicles)
    .set({ status: "sold", soldOn: day, updatedAt: new Date() })
    .where(eq(stockVehicles.id, stockId));
}

/**
 * A trade-in car joins the used stock on its way through preparation, priced at the appraisal plus the
 * dealer's usual margin on used cars; a manager sets the real price when it is ready.
 */
export const USED_MARGIN = 0.15;

export async function takeIntoStock(
  db: Db,
  car: {
    dealershipId: number;
    vin: string;
    make: string;
    model: string;
    year: number;
    bodyType: StockVehicle["bodyType"] | null;
    drive: StockVehicle["drive"] | null;
    fuel: StockVehicle["fuel"] | null;
    color: string | null;
    mileageKm: number;
    appraisalKopecks: number;
  },
): Promise<number | null> {
  const price = Math.round((car.appraisalKopecks * (1 + USED_MARGIN)) / 1_000_000) * 1_000_000;
  const [row] = await db
    .insert(stockVehicles)
    .values({
      dealershipId: car.dealershipId,
      vin: car.vin,
      make: car.make,
      model: car.model,
      year: car.year,
      condition: "used",
      status: "in_transit",
      bodyType: car.bodyType ?? "sedan",
      seats: 5,
      drive: car.drive ?? "fwd",
      fuel: car.fuel ?? "petrol",
      groundClearanceMm: 170,
      comfortClass: "comfort",
      color: car.color,
      mileageKm: car.mileageKm,
      priceKopecks: Math.max(price, 100),
    })
    .onConflictDoNothing()
    .returning({ id: stockVehicles.id });
  return row?.id ?? null;
}

/**
 * Loads a stock file: a car already in stock (by VIN) gets the file's price, status and details; a new VIN
 * is added. All good rows in one transaction (the caller's), bad ones reported by row and field.
 */
export async function importStock(
  db: Db,
  by: ActingAs,
  text: string,
  scope: "all" | number[],
): Promise<StockImportReport> {
  const codes = await db.select({ id: dealerships.id, code: dealerships.code }).from(dealerships);
  // A dealership's manager loads their own dealership's cars; the group's staff load anyone's.
  const allowed = codes.filter((d) => scope === "all" || scope.includes(d.id));
  const parsed = parseStockCsv(text, new Map(allowed.map((d) => [d.code.toUpperCase(), d.id])));
  const { rows, rejected, total } = parsed;
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const result = await execRows<{ inserted: boolean }>(
      db,
      sql`INSERT INTO stock_vehicles (dealership_id, vin, make, model, trim, year, condition, status, body_type, seats,
            drive, fuel, ground_clearance_mm, comfort_class, color, mileage_km, price_kopecks, arrived_on)
          VALUES ${sql.join(
            chunk.map(
              (r) =>
                sql`(${r.dealershipId}, ${r.vin}, ${r.make}, ${r.model}, ${r.trim}, ${r.year}, ${r.condition}, ${r.status},
                  ${r.bodyType}, ${r.seats}, ${r.drive}, ${r.fuel}, ${r.groundClearanceMm}, ${r.comfortClass}, ${r.color},
                  ${r.mileageKm}, ${r.priceKopecks}, ${r.arrivedOn}::date)`,
            ),
            sql`, `,
          )}
          ON CONFLICT (vin) DO UPDATE SET dealership_id = excluded.dealership_id, make = excluded.make,
            model = excluded.model, trim = excluded.trim, year = excluded.year, condition = excluded.condition,
            -- A car a deal holds keeps its reservation; the file cannot sell it from under the deal.
            status = CASE WHEN stock_vehicles.reserved_by_deal_id IS NULL THEN excluded.status ELSE stock_vehicles.status END,
            body_type = excluded.body_type, seats = excluded.seats, drive = excluded.drive, fuel = excluded.fuel,
            ground_clearance_mm = excluded.ground_clearance_mm, comfort_class = excluded.comfort_class,
            color = excluded.color, mileage_km = excluded.mileage_km, price_kopecks = excluded.price_kopecks,
            arrived_on = coalesce(excluded.arrived_on, stock_vehicles.arrived_on), updated_at = now()
          RETURNING (xmax = 0) AS inserted`,
    );
    for (const r of result) r.inserted ? created++ : updated++;
  }
  await recordAction(db, by, {
    entityType: "stock_import",
    entityId: new Date().toISOString(),
    action: "import",
    processStep: "stock.import",
    after: { rows: total, created, updated, rejected: rejected.length },
  });
  return { rows: total, created, updated, rejected };
}
