import type { DealDocumentKind, DealProcess, Role } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { forbidden, notFound } from "../../platform/http/errors";
import { clientEssentials } from "../identity/essentials.service";
import type { Actor } from "../staff/actor";
import { canAccessDealership } from "../staff/scope";
import type { DealFacts } from "./fields";
import { processById } from "./processes/processes.service";
import { deals } from "./schema";

export type DealRow = typeof deals.$inferSelect;

export async function loadDeal(db: Db, id: number, lock = false): Promise<DealRow> {
  const q = db.select().from(deals).where(sql`${deals.id} = ${id}`);
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Deal");
  return row;
}

/** Deals belong to their dealership: its staff (and the group's) see them. */
export function assertDealScope(actor: Actor, deal: DealRow): void {
  if (!canAccessDealership(actor, deal.dealershipId)) throw forbidden("This deal is another dealership's");
}

const OVERSEERS: readonly Role[] = ["admin", "director", "sales_manager"];

/**
 * Who may change a deal's data at a panel: the salesperson who owns the deal, a manager, or anyone the
 * process names at a step of that panel. `specialist` panels (an appraisal, a bank's offer, an insurer's
 * quote) are the specialists' alone: the salesperson asks for them, never types them in.
 */
export function mayWorkPanel(
  actor: Actor,
  deal: DealRow,
  process: DealProcess | null,
  panel: string,
  specialist = false,
): boolean {
  if (!canAccessDealership(actor, deal.dealershipId) || deal.status !== "open") return false;
  if (actor.role === "admin" || actor.role === "director") return true;
  const steps = process?.steps.filter((s) => s.panel === panel) ?? [];
  // The specialist's part belongs to the roles of the hand-off step, or, with no hand-off, of the panel's steps.
  const handedOff = steps.some((s) => s.handoff !== null);
  const named = steps.some(
    (s) => s.roles.includes(actor.role) && (!specialist || !handedOff || s.handoff !== null),
  );
  if (specialist) return named;
  return named || deal.salespersonId === actor.userId || OVERSEERS.includes(actor.role);
}

export function assertMayWork(
  actor: Actor,
  deal: DealRow,
  process: DealProcess | null,
  panel: string,
  specialist = false,
): void {
  assertDealScope(actor, deal);
  if (deal.status !== "open") throw forbidden(`This deal is ${deal.status}; it cannot change`);
  if (!mayWorkPanel(actor, deal, process, panel, specialist))
    throw forbidden(
      specialist ? "Only the specialist of this step enters this" : "You do not work on this deal",
    );
}

export async function processOf(db: Db, deal: DealRow): Promise<DealProcess | null> {
  return deal.processId === null ? null : processById(db, deal.processId);
}

/** Everything the required fields ask about, in one round trip besides the client's golden record. */
export async function dealFacts(db: Db, deal: DealRow): Promise<DealFacts> {
  const [counts] = await execRows<{
    appraisals: number;
    offers: number;
    chosen_offer: boolean;
    quotes: number;
    chosen_quote: boolean;
    accessories: number;
    documents: DealDocumentKind[] | null;
  }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM trade_in_appraisals WHERE deal_id = ${deal.id}) AS appraisals,
      (SELECT count(*)::int FROM credit_offers WHERE deal_id = ${deal.id} AND status <> 'declined') AS offers,
      EXISTS (SELECT 1 FROM credit_offers WHERE deal_id = ${deal.id} AND chosen) AS chosen_offer,
      (SELECT count(*)::int FROM insurance_quotes WHERE deal_id = ${deal.id}) AS quotes,
      EXISTS (SELECT 1 FROM insurance_quotes WHERE deal_id = ${deal.id} AND chosen) AS chosen_quote,
      (SELECT count(*)::int FROM deal_accessories WHERE deal_id = ${deal.id}) AS accessories,
      (SELECT array_agg(DISTINCT kind) FROM deal_documents WHERE deal_id = ${deal.id}) AS documents`,
  );
  return {
    client: await clientEssentials(db, deal.partyId),
    hasNeeds: deal.needs !== null,
    stockVehicleId: deal.stockVehicleId,
    vehiclePriceKopecks: deal.vehiclePriceKopecks,
    tradeInVehicleId: deal.tradeInVehicleId,
    appraisals: counts?.appraisals ?? 0,
    tradeInAcceptedKopecks: deal.tradeInAcceptedKopecks,
    creditApplied: deal.creditRequestedKopecks !== null && deal.creditTermMonths !== null,
    creditOffers: counts?.offers ?? 0,
    creditChosen: counts?.chosen_offer ?? false,
    insuranceQuotes: counts?.quotes ?? 0,
    insuranceChosen: counts?.chosen_quote ?? false,
    accessories: counts?.accessories ?? 0,
    documents: new Set(counts?.documents ?? []),
    paymentReceived: deal.paymentReceivedAt !== null,
    deliveryPlannedOn: deal.deliveryPlannedOn,
  };
}
