import type { Deal, DealList, DealListItem, DealProcess, Needs } from "@orbit/contracts";
import { Needs as NeedsSchema } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import type { Actor } from "../staff/actor";
import { canAccessDealership } from "../staff/scope";
import { getStockVehicle } from "../stock/stock.service";
import { handoffsOf } from "../tasks/handoffs.service";
import { offerCost } from "./credit";
import { assertDealScope, type DealRow, dealFacts, loadDeal, mayWorkPanel, processOf } from "./dealState";
import { missingFields } from "./fields";

const rub = (kopecks: number | null | undefined) =>
  kopecks === null || kopecks === undefined ? null : Number(kopecks) / 100;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** The deal screen's whole state: the process and where each step stands, the client, the car, the money. */
export async function getDeal(db: Db, actor: Actor, id: number): Promise<Deal> {
  const deal = await loadDeal(db, id);
  assertDealScope(actor, deal);
  return dealView(db, actor, deal);
}

export async function dealView(db: Db, actor: Actor, deal: DealRow): Promise<Deal> {
  const now = new Date();
  const process = await processOf(db, deal);
  const facts = await dealFacts(db, deal);
  const [head] = await execRows<{
    client_name: string;
    dealership_name: string;
    salesperson_name: string | null;
  }>(
    db,
    sql`SELECT p.display_name AS client_name, d.name AS dealership_name, u.full_name AS salesperson_name
          FROM parties p, dealerships d LEFT JOIN users u ON u.id = ${deal.salespersonId}
         WHERE p.id = ${deal.partyId} AND d.id = ${deal.dealershipId}`,
  );
  const stepRows = await execRows<{
    code: string;
    status: "todo" | "waiting" | "done";
    handed_off_at: Date | string | null;
    completed_at: Date | string | null;
    completed_by: string | null;
  }>(
    db,
    sql`SELECT s.code, s.status, s.handed_off_at, s.completed_at, u.full_name AS completed_by
          FROM deal_steps s LEFT JOIN users u ON u.id = s.completed_by_user_id
         WHERE s.deal_id = ${deal.id} ORDER BY s.position`,
  );
  const handoffs = await handoffsOf(db, deal.id);
  const byCode = new Map(stepRows.map((s) => [s.code, s]));
  const steps = (process?.steps ?? []).map((step, i, all) => {
    const row = byCode.get(step.code);
    const prev = i > 0 ? byCode.get(all[i - 1]!.code) : undefined;
    const start = row?.handed_off_at ?? prev?.completed_at ?? deal.openedAt;
    const end = row?.completed_at ? new Date(row.completed_at) : (deal.closedAt ?? now);
    const task = handoffs.find((h) => h.step === step.code);
    const status = row?.status ?? "todo";
    const open = deal.status === "open" && status !== "done";
    return {
      code: step.code,
      status,
      startedAt: iso(row?.handed_off_at ?? prev?.completed_at ?? null),
      completedAt: iso(row?.completed_at ?? null),
      completedBy: row?.completed_by ?? null,
      missing: status === "done" ? [] : missingFields(step.requires, facts),
      task: task
        ? {
            id: task.id,
            status: task.status,
            assigneeName: task.assigneeName,
            slaAt: task.slaAt.toISOString(),
            completedAt: iso(task.completedAt),
          }
        : null,
      mayComplete:
        open &&
        canAccessDealership(actor, deal.dealershipId) &&
        (step.roles.includes(actor.role) || actor.role === "admin" || actor.role === "director"),
      seconds: seconds(new Date(start), end),
    };
  });

  const vehicle = deal.stockVehicleId ? await getStockVehicle(db, deal.stockVehicleId) : null;
  const [tradeInCar] = deal.tradeInVehicleId
    ? await execRows<{
        id: number;
        vin: string | null;
        make: string | null;
        model: string | null;
        year: number | null;
        plate: string | null;
      }>(db, sql`SELECT id, vin, make, model, year, plate FROM vehicles WHERE id = ${deal.tradeInVehicleId}`)
    : [];
  const clientCars = await execRows<{ id: number; label: string }>(
    db,
    sql`SELECT v.id, concat_ws(' ', v.make, v.model, v.year::text, v.plate, v.vin) AS label
          FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
         WHERE o.party_id = ${deal.partyId} AND o.valid_to IS NULL ORDER BY v.id`,
  );
  const appraisals = await execRows<{
    id: number;
    value_kopecks: number;
    mileage_km: number;
    condition: "excellent" | "good" | "fair" | "poor";
    notes: string | null;
    appraised_by: string | null;
    appraised_at: Date | string;
  }>(
    db,
    sql`SELECT a.id, a.value_kopecks, a.mileage_km, a.condition, a.notes, u.full_name AS appraised_by, a.appraised_at
          FROM trade_in_appraisals a LEFT JOIN users u ON u.id = a.appraised_by_user_id
         WHERE a.deal_id = ${deal.id} ORDER BY a.id DESC`,
  );
  const offers = await execRows<{
    id: number;
    bank: string;
    principal_kopecks: number;
    rate_pct: string | number;
    term_months: number;
    monthly_payment_kopecks: number;
    status: "offered" | "approved" | "declined";
    chosen: boolean;
    entered_by: string | null;
  }>(
    db,
    sql`SELECT o.id, o.bank, o.principal_kopecks, o.rate_pct, o.term_months, o.monthly_payment_kopecks, o.status,
               o.chosen, u.full_name AS entered_by
          FROM credit_offers o LEFT JOIN users u ON u.id = o.entered_by_user_id
         WHERE o.deal_id = ${deal.id} ORDER BY o.id`,
  );
  const quotes = await execRows<{
    id: number;
    kind: "osago" | "kasko";
    insurer: string;
    premium_kopecks: number;
    chosen: boolean;
    entered_by: string | null;
  }>(
    db,
    sql`SELECT q.id, q.kind, q.insurer, q.premium_kopecks, q.chosen, u.full_name AS entered_by
          FROM insurance_quotes q LEFT JOIN users u ON u.id = q.entered_by_user_id
         WHERE q.deal_id = ${deal.id} ORDER BY q.kind, q.premium_kopecks, q.id`,
  );
  const accessories = await execRows<{ id: number; name: string; price_kopecks: number; quantity: number }>(
    db,
    sql`SELECT id, name, price_kopecks, quantity FROM deal_accessories WHERE deal_id = ${deal.id} ORDER BY id`,
  );
  const documents = await execRows<{
    id: number;
    kind: "quote" | "contract" | "act";
    number: string;
    created_at: Date | string;
    created_by: string | null;
  }>(
    db,
    sql`SELECT d.id, d.kind, d.number, d.created_at, u.full_name AS created_by
          FROM deal_documents d LEFT JOIN users u ON u.id = d.created_by_user_id
         WHERE d.deal_id = ${deal.id} ORDER BY d.id`,
  );
  const timeline = await execRows<{
    id: number;
    at: Date | string;
    action: string;
    process_step: string | null;
    actor_name: string | null;
  }>(
    db,
    sql`SELECT l.id, l.at, l.action, l.process_step, u.full_name AS actor_name
          FROM action_log l LEFT JOIN users u ON u.id = l.actor_user_id
         WHERE l.entity_type = 'deal' AND l.entity_id = ${String(deal.id)} ORDER BY l.id`,
  );

  const chosen = offers.find((o) => o.chosen);
  const totals = dealTotals(deal, accessories, quotes, chosen ? Number(chosen.principal_kopecks) : null);
  const current = steps.find((s) => s.status !== "done")?.code ?? null;
  return {
    id: deal.id,
    dealershipId: deal.dealershipId,
    dealershipName: head?.dealership_name ?? "",
    kind: deal.kind,
    status: deal.status,
    source: deal.source,
    clientId: deal.partyId,
    clientName: head?.client_name ?? "",
    client: facts.client,
    salespersonId: deal.salespersonId,
    salespersonName: head?.salesperson_name ?? null,
    process,
    steps,
    currentStep: deal.status === "open" ? current : null,
    needs: parseNeeds(deal.needs),
    vehicle,
    clientVehicleId: deal.stockVehicleId === null ? deal.vehicleId : null,
    clientCars,
    vehiclePriceRub: rub(deal.vehiclePriceKopecks),
    tradeIn: {
      vehicle: tradeInCar ?? null,
      appraisals: appraisals.map((a) => ({
        id: a.id,
        valueRub: Number(a.value_kopecks) / 100,
        mileageKm: a.mileage_km,
        condition: a.condition,
        notes: a.notes,
        appraisedBy: a.appraised_by,
        appraisedAt: iso(a.appraised_at)!,
      })),
      acceptedRub: rub(deal.tradeInAcceptedKopecks),
    },
    credit: {
      requestedRub: rub(deal.creditRequestedKopecks),
      termMonths: deal.creditTermMonths,
      appliedAt: iso(deal.creditAppliedAt),
      offers: offers.map((o) => {
        const cost = offerCost(Number(o.principal_kopecks), Number(o.rate_pct), o.term_months);
        return {
          id: o.id,
          bank: o.bank,
          principalRub: Number(o.principal_kopecks) / 100,
          ratePct: Number(o.rate_pct),
          termMonths: o.term_months,
          monthlyRub: Number(o.monthly_payment_kopecks) / 100,
          totalRub: cost.totalKopecks / 100,
          overpaymentRub: cost.overpaymentKopecks / 100,
          status: o.status,
          chosen: o.chosen,
          enteredBy: o.entered_by,
        };
      }),
    },
    insurance: quotes.map((q) => ({
      id: q.id,
      kind: q.kind,
      insurer: q.insurer,
      premiumRub: Number(q.premium_kopecks) / 100,
      chosen: q.chosen,
      enteredBy: q.entered_by,
    })),
    accessories: accessories.map((a) => ({
      id: a.id,
      name: a.name,
      priceRub: Number(a.price_kopecks) / 100,
      quantity: a.quantity,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      createdAt: iso(d.created_at)!,
      createdBy: d.created_by,
    })),
    payment: { receivedAt: iso(deal.paymentReceivedAt), method: deal.paymentMethod },
    deliveryPlannedOn: deal.deliveryPlannedOn,
    deliveredOn: deal.deliveredOn,
    totals,
    openedAt: deal.openedAt.toISOString(),
    closedAt: iso(deal.closedAt),
    cycleSeconds: seconds(deal.openedAt, deal.closedAt ?? now),
    lostReason: deal.lostReason,
    timeline: timeline.map((t) => ({
      id: Number(t.id),
      at: iso(t.at)!,
      action: t.action,
      processStep: t.process_step,
      actorName: t.actor_name,
    })),
    mayEdit: mayWorkPanel(actor, deal, process, "needs"),
  };
}

function parseNeeds(raw: unknown): Needs | null {
  if (raw === null || raw === undefined) return null;
  const parsed = NeedsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The money of the deal, in roubles: what the client owes after the trade-in, what the bank lends. */
export function dealTotals(
  deal: Pick<DealRow, "vehiclePriceKopecks" | "tradeInAcceptedKopecks" | "downPaymentKopecks">,
  accessories: readonly { price_kopecks: number; quantity: number }[],
  quotes: readonly { premium_kopecks: number; chosen: boolean }[],
  chosenPrincipalKopecks: number | null = null,
): Deal["totals"] {
  const vehicle = Number(deal.vehiclePriceKopecks ?? 0);
  const extras = accessories.reduce((sum, a) => sum + Number(a.price_kopecks) * a.quantity, 0);
  const tradeIn = Number(deal.tradeInAcceptedKopecks ?? 0);
  const toPay = Math.max(0, vehicle + extras - tradeIn);
  const down = Math.min(Number(deal.downPaymentKopecks ?? 0), toPay);
  const insurance = quotes.filter((q) => q.chosen).reduce((sum, q) => sum + Number(q.premium_kopecks), 0);
  return {
    vehicleRub: vehicle / 100,
    accessoriesRub: extras / 100,
    tradeInRub: tradeIn / 100,
    downPaymentRub: down / 100,
    toPayRub: toPay / 100,
    creditRub: (chosenPrincipalKopecks ?? Math.max(0, toPay - down)) / 100,
    insuranceRub: insurance / 100,
  };
}

/** The employee's deals, or the dealership's, or those waiting on specialists; newest first. */
export async function listDeals(
  db: Db,
  actor: Actor,
  q: {
    scope: "mine" | "dealership" | "handoffs";
    status: "open" | "won" | "lost";
    clientId?: number | undefined;
    limit: number;
    offset: number;
  },
): Promise<DealList> {
  const where: SQL[] = [sql`d.status = ${q.status}`, sql`d.process_id IS NOT NULL`];
  if (actor.dealershipId !== null) where.push(sql`d.dealership_id = ${actor.dealershipId}`);
  if (q.scope === "mine") where.push(sql`d.salesperson_id = ${actor.userId}`);
  if (q.scope === "handoffs")
    where.push(sql`EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.status = 'open')`);
  if (q.clientId) where.push(sql`d.party_id = ${q.clientId}`);
  const cond = sql.join(where, sql` AND `);
  const [count] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM deals d WHERE ${cond}`,
  );
  const rows = await execRows<{
    id: number;
    kind: DealListItem["kind"];
    status: DealListItem["status"];
    party_id: number;
    client_name: string;
    definition: { steps: DealProcess["steps"] } | null;
    name_ru: string | null;
    name_en: string | null;
    done: string[] | null;
    waiting: number;
    vehicle: string | null;
    salesperson_name: string | null;
    amount_kopecks: number | null;
    opened_at: Date | string;
    closed_at: Date | string | null;
  }>(
    db,
    sql`SELECT d.id, d.kind, d.status, d.party_id, p.display_name AS client_name, pr.definition, pr.name_ru, pr.name_en,
               (SELECT array_agg(s.code) FROM deal_steps s WHERE s.deal_id = d.id AND s.status = 'done') AS done,
               (SELECT count(*)::int FROM tasks t WHERE t.deal_id = d.id AND t.status = 'open') AS waiting,
               nullif(concat_ws(' ', sv.make, sv.model, sv.year::text), '') AS vehicle,
               u.full_name AS salesperson_name, coalesce(d.amount_kopecks, d.vehicle_price_kopecks) AS amount_kopecks,
               d.opened_at, d.closed_at
          FROM deals d JOIN parties p ON p.id = d.party_id
          LEFT JOIN deal_processes pr ON pr.id = d.process_id
          LEFT JOIN stock_vehicles sv ON sv.id = d.stock_vehicle_id
          LEFT JOIN users u ON u.id = d.salesperson_id
         WHERE ${cond} ORDER BY d.opened_at DESC, d.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const now = new Date();
  return {
    total: count?.n ?? 0,
    deals: rows.map((r) => {
      const done = new Set(r.done ?? []);
      const step = r.definition?.steps.find((s) => !done.has(s.code));
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        clientId: r.party_id,
        clientName: r.client_name,
        processName: r.name_ru && r.name_en ? { ru: r.name_ru, en: r.name_en } : null,
        currentStep: r.status === "open" && step ? { code: step.code, title: step.title } : null,
        waiting: r.waiting,
        vehicle: r.vehicle,
        salespersonName: r.salesperson_name,
        amountRub: rub(r.amount_kopecks),
        openedAt: iso(r.opened_at)!,
        closedAt: iso(r.closed_at),
        cycleSeconds: seconds(new Date(r.opened_at), r.closed_at ? new Date(r.closed_at) : now),
      };
    }),
  };
}
