import type { CardDeal } from "@orbit/contracts";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/database";
import { users } from "../staff/schema";
import { vehicles } from "../vehicles/schema";
import { credits, deals, insurancePolicies } from "./schema";

const rub = (kopecks: number | null) => (kopecks === null ? null : kopecks / 100);
const carName = (v: { make: string | null; model: string | null; year: number | null } | null) =>
  v && (v.make || v.model) ? [v.make, v.model, v.year].filter(Boolean).join(" ") : null;

/** Every deal of the client at any dealership of the group, newest first. */
export async function clientDeals(db: Db, partyId: number): Promise<CardDeal[]> {
  const tradeIn = alias(vehicles, "trade_in");
  const rows = await db
    .select({ d: deals, salesperson: users.fullName, car: vehicles, traded: tradeIn })
    .from(deals)
    .leftJoin(users, eq(users.id, deals.salespersonId))
    .leftJoin(vehicles, eq(vehicles.id, deals.vehicleId))
    .leftJoin(tradeIn, eq(tradeIn.id, deals.tradeInVehicleId))
    .where(eq(deals.partyId, partyId))
    .orderBy(desc(deals.openedAt))
    .limit(100);
  return rows.map(({ d, salesperson, car, traded }) => ({
    id: d.id,
    dealershipId: d.dealershipId,
    kind: d.kind,
    status: d.status,
    source: d.source,
    salesperson,
    vehicle: carName(car),
    tradeIn: carName(traded),
    amountRub: rub(d.amountKopecks),
    openedAt: d.openedAt.toISOString(),
    closedAt: d.closedAt?.toISOString() ?? null,
    deliveredOn: d.deliveredOn,
    lostReason: d.lostReason,
  }));
}

/** Insurance policies, latest end date first. */
export async function clientInsurance(db: Db, partyId: number) {
  const rows = await db
    .select({ p: insurancePolicies, car: vehicles })
    .from(insurancePolicies)
    .leftJoin(vehicles, eq(vehicles.id, insurancePolicies.vehicleId))
    .where(eq(insurancePolicies.partyId, partyId))
    .orderBy(desc(insurancePolicies.endsOn))
    .limit(100);
  return rows.map(({ p, car }) => ({
    id: p.id,
    kind: p.kind,
    insurer: p.insurer,
    number: p.number,
    vehicleId: p.vehicleId,
    vehicle: carName(car),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    premiumRub: p.premiumKopecks / 100,
    soldHere: p.dealershipId !== null,
  }));
}

export async function clientCredits(db: Db, partyId: number) {
  const rows = await db
    .select({ c: credits, car: vehicles })
    .from(credits)
    .leftJoin(vehicles, eq(vehicles.id, credits.vehicleId))
    .where(eq(credits.partyId, partyId))
    .orderBy(desc(credits.endsOn));
  return rows.map(({ c, car }) => ({
    id: c.id,
    bank: c.bank,
    vehicle: carName(car),
    principalRub: c.principalKopecks / 100,
    ratePct: Number(c.ratePct),
    termMonths: c.termMonths,
    monthlyPaymentRub: c.monthlyPaymentKopecks / 100,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
  }));
}

/** What the client has spent on cars (won deals). */
export async function clientSalesTotal(db: Db, partyId: number): Promise<number> {
  const [row] = await db
    .select({ kopecks: sql<number>`coalesce(sum(${deals.amountKopecks}), 0)::bigint` })
    .from(deals)
    .where(sql`${deals.partyId} = ${partyId} AND ${deals.status} = 'won'`);
  return Number(row?.kopecks ?? 0) / 100;
}
