import type { CardDeal } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

const car = (alias: string) =>
  sql.raw(`nullif(concat_ws(' ', ${alias}.make, ${alias}.model, ${alias}.year::text), '')`);

/** Every deal of the client at any dealership of the group, newest first. */
export function dealsSection(partyId: number): SQL {
  return sql`coalesce((SELECT json_agg(x ORDER BY x.opened_at DESC) FROM (
      SELECT d.id, d.dealership_id, d.kind, d.status, d.source, u.full_name AS salesperson,
             ${car("v")} AS vehicle, ${car("t")} AS trade_in, d.amount_kopecks, d.opened_at, d.closed_at,
             d.delivered_on, d.lost_reason
        FROM deals d
        LEFT JOIN users u ON u.id = d.salesperson_id
        LEFT JOIN vehicles v ON v.id = d.vehicle_id
        LEFT JOIN vehicles t ON t.id = d.trade_in_vehicle_id
       WHERE d.party_id = ${partyId}
       ORDER BY d.opened_at DESC LIMIT 100) x), '[]')`;
}

/** Insurance policies, latest end first, and credits. */
export function productsSection(partyId: number): SQL {
  return sql`json_build_object(
      'insurance', coalesce((SELECT json_agg(x ORDER BY x.ends_on DESC) FROM (
          SELECT p.id, p.kind, p.insurer, p.number, p.vehicle_id, ${car("v")} AS vehicle, p.starts_on, p.ends_on,
                 p.premium_kopecks, p.dealership_id IS NOT NULL AS sold_here
            FROM insurance_policies p LEFT JOIN vehicles v ON v.id = p.vehicle_id
           WHERE p.party_id = ${partyId} ORDER BY p.ends_on DESC LIMIT 100) x), '[]'),
      'credits', coalesce((SELECT json_agg(x ORDER BY x.ends_on DESC) FROM (
          SELECT c.id, c.bank, ${car("v")} AS vehicle, c.principal_kopecks, c.rate_pct, c.term_months,
                 c.monthly_payment_kopecks, c.starts_on, c.ends_on
            FROM credits c LEFT JOIN vehicles v ON v.id = c.vehicle_id
           WHERE c.party_id = ${partyId}) x), '[]'))`;
}

interface DealJson {
  id: number;
  dealership_id: number;
  kind: string;
  status: CardDeal["status"];
  source: string;
  salesperson: string | null;
  vehicle: string | null;
  trade_in: string | null;
  amount_kopecks: number | null;
  opened_at: string;
  closed_at: string | null;
  delivered_on: string | null;
  lost_reason: string | null;
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export function toDeals(rows: DealJson[]): CardDeal[] {
  return rows.map((d) => ({
    id: d.id,
    dealershipId: d.dealership_id,
    kind: d.kind,
    status: d.status,
    source: d.source,
    salesperson: d.salesperson,
    vehicle: d.vehicle,
    tradeIn: d.trade_in,
    amountRub: d.amount_kopecks === null ? null : Number(d.amount_kopecks) / 100,
    openedAt: iso(d.opened_at)!,
    closedAt: iso(d.closed_at),
    deliveredOn: d.delivered_on,
    lostReason: d.lost_reason,
  }));
}

interface ProductsJson {
  insurance: {
    id: number;
    kind: "osago" | "kasko";
    insurer: string;
    number: string;
    vehicle_id: number | null;
    vehicle: string | null;
    starts_on: string;
    ends_on: string;
    premium_kopecks: number;
    sold_here: boolean;
  }[];
  credits: {
    id: number;
    bank: string;
    vehicle: string | null;
    principal_kopecks: number;
    rate_pct: number | string;
    term_months: number;
    monthly_payment_kopecks: number;
    starts_on: string;
    ends_on: string;
  }[];
}

export function toProducts(json: ProductsJson) {
  return {
    insurance: json.insurance.map((p) => ({
      id: p.id,
      kind: p.kind,
      insurer: p.insurer,
      number: p.number,
      vehicleId: p.vehicle_id,
      vehicle: p.vehicle,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      premiumRub: Number(p.premium_kopecks) / 100,
      soldHere: p.sold_here,
    })),
    credits: json.credits.map((c) => ({
      id: c.id,
      bank: c.bank,
      vehicle: c.vehicle,
      principalRub: Number(c.principal_kopecks) / 100,
      ratePct: Number(c.rate_pct),
      termMonths: c.term_months,
      monthlyPaymentRub: Number(c.monthly_payment_kopecks) / 100,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
    })),
  };
}
