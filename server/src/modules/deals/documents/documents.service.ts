import type { DealDocumentKind } from "@orbit/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, execRows } from "../../../platform/db/database";
import { forbidden, notFound, refused } from "../../../platform/http/errors";
import { dealerDay } from "../../../platform/time/dealerCalendar";
import { recordAction } from "../../audit/service";
import type { ActingAs, Actor } from "../../staff/actor";
import { getStockVehicle } from "../../stock/stock.service";
import { offerCost } from "../credit";
import { assertDealScope, assertMayWork, type DealRow, dealFacts, loadDeal, processOf } from "../dealState";
import { DOCUMENT_REQUIRES, missingFields } from "../fields";
import { creditOffers, dealAccessories, dealDocuments, insuranceQuotes, tradeInAppraisals } from "../schema";
import { stepIncomplete } from "../steps.service";
import { type DocumentData, renderAct, renderContract, renderQuote } from "./templates";

const RENDER: Record<DealDocumentKind, (d: DocumentData) => Promise<Buffer>> = {
  quote: renderQuote,
  contract: renderContract,
  act: renderAct,
};
const PREFIX: Record<DealDocumentKind, string> = { quote: "КП", contract: "ДКП", act: "АПП" };
const FILE: Record<DealDocumentKind, string> = {
  quote: "kommercheskoe-predlozhenie",
  contract: "dogovor",
  act: "akt",
};

/**
 * Issues a document from the deal as it is now and keeps the PDF: a contract needs the buyer's full data
 * and the car; an act, a contract first. The step that requires the document sees it issued.
 */
export async function issueDocument(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  kind: DealDocumentKind,
): Promise<{ id: number; number: string }> {
  const deal = await loadDeal(db, id, true);
  const process = await processOf(db, deal);
  assertMayWork(
    actor,
    deal,
    process,
    process?.steps.some((s) => s.panel === "documents") ? "documents" : "delivery",
  );
  const facts = await dealFacts(db, deal);
  const buyBack = deal.kind === "trade_in";
  const needs = [
    ...DOCUMENT_REQUIRES[kind],
    ...(buyBack
      ? (["tradeIn.vehicle", "tradeIn.accepted"] as const)
      : kind === "quote"
        ? []
        : (["vehicle.selected", "vehicle.price"] as const)),
  ];
  const missing = missingFields(needs, facts);
  if (missing.length) throw stepIncomplete(kind, missing, "to issue the document");
  if (kind === "quote" && !deal.stockVehicleId && facts.accessories === 0 && !buyBack)
    throw refused("nothing_to_quote", "There is nothing to quote yet: choose a car or add equipment");
  if (kind === "act" && !facts.documents.has("contract") && deal.stockVehicleId !== null)
    throw refused("contract_first", "Issue the contract before the acceptance act");
  const [{ n } = { n: 0 }] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM deal_documents WHERE deal_id = ${id} AND kind = ${kind}`,
  );
  const number = `${PREFIX[kind]}-${deal.id}${n > 0 ? `/${n + 1}` : ""}`;
  const data = await documentData(db, deal, number, buyBack);
  const pdf = await RENDER[kind](data);
  const [row] = await db
    .insert(dealDocuments)
    .values({ dealId: id, kind, number, pdf, createdByUserId: actor.userId })
    .returning({ id: dealDocuments.id });
  if (!row) throw new Error("document insert returned nothing");
  await recordAction(db, by, {
    entityType: "deal",
    entityId: id,
    action: `document:${kind}`,
    processStep: `deal.document.${kind}`,
    after: { documentId: row.id, number, bytes: pdf.length },
    dealershipId: deal.dealershipId,
  });
  return { id: row.id, number };
}

export async function documentPdf(
  db: Db,
  actor: Actor,
  dealId: number,
  documentId: number,
): Promise<{ pdf: Buffer; fileName: string }> {
  const deal = await loadDeal(db, dealId);
  assertDealScope(actor, deal);
  const [row] = await db
    .select()
    .from(dealDocuments)
    .where(and(eq(dealDocuments.id, documentId), eq(dealDocuments.dealId, dealId)));
  if (!row) throw notFound("Document");
  if (!row.pdf.length) throw forbidden("The document is empty");
  return { pdf: row.pdf, fileName: `${FILE[row.kind]}-${row.number.replace(/[^\w-]+/g, "-")}.pdf` };
}

async function documentData(db: Db, deal: DealRow, number: string, buyBack: boolean): Promise<DocumentData> {
  const facts = await dealFacts(db, deal);
  const c = facts.client;
  const [head] = await execRows<{
    name: string;
    city: string;
    address: string;
    phone: string;
    salesperson: string | null;
  }>(
    db,
    sql`SELECT d.name, d.city, d.address, d.phone, u.full_name AS salesperson FROM dealerships d
          LEFT JOIN users u ON u.id = ${deal.salespersonId} WHERE d.id = ${deal.dealershipId}`,
  );
  const [tradeInCar] = deal.tradeInVehicleId
    ? await execRows<{
        make: string | null;
        model: string | null;
        year: number | null;
        vin: string | null;
        color: string | null;
      }>(db, sql`SELECT make, model, year, vin, color FROM vehicles WHERE id = ${deal.tradeInVehicleId}`)
    : [];
  const [appraisal] = deal.tradeInVehicleId
    ? await db
        .select()
        .from(tradeInAppraisals)
        .where(eq(tradeInAppraisals.dealId, deal.id))
        .orderBy(desc(tradeInAppraisals.id))
        .limit(1)
    : [];
  const stock = deal.stockVehicleId ? await getStockVehicle(db, deal.stockVehicleId) : null;
  const accessories = await db.select().from(dealAccessories).where(eq(dealAccessories.dealId, deal.id));
  const [offer] = await db
    .select()
    .from(creditOffers)
    .where(and(eq(creditOffers.dealId, deal.id), eq(creditOffers.chosen, true)));
  const quotes = await db
    .select()
    .from(insuranceQuotes)
    .where(and(eq(insuranceQuotes.dealId, deal.id), eq(insuranceQuotes.chosen, true)));
  const tradeInLabel = tradeInCar
    ? [tradeInCar.make, tradeInCar.model, tradeInCar.year ? `${tradeInCar.year} г.` : null]
        .filter(Boolean)
        .join(" ")
    : "";
  const name =
    c.kind === "company"
      ? (c.companyName ?? "")
      : [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(" ");
  return {
    number,
    date: dealerDay(),
    city: head?.city ?? "",
    dealer: { name: head?.name ?? "", address: head?.address ?? "", phone: head?.phone ?? "" },
    salesperson: head?.salesperson ?? null,
    client: {
      name,
      birthDate: c.birthDate,
      passport: c.passport,
      address: c.address,
      phone: c.phone,
      email: c.email,
      inn: c.inn,
      company: c.kind === "company",
    },
    vehicle: buyBack
      ? tradeInCar
        ? {
            make: tradeInCar.make ?? "",
            model: tradeInCar.model ?? "",
            trim: null,
            year: tradeInCar.year,
            vin: tradeInCar.vin,
            color: tradeInCar.color,
            condition: "used",
            mileageKm: appraisal?.mileageKm ?? null,
          }
        : null
      : stock
        ? {
            make: stock.make,
            model: stock.model,
            trim: stock.trim,
            year: stock.year,
            vin: stock.vin,
            color: stock.color,
            condition: stock.condition,
            mileageKm: stock.condition === "used" ? stock.mileageKm : null,
          }
        : null,
    priceKopecks: buyBack ? Number(deal.tradeInAcceptedKopecks ?? 0) : Number(deal.vehiclePriceKopecks ?? 0),
    accessories: buyBack
      ? []
      : accessories.map((a) => ({
          name: a.name,
          priceKopecks: Number(a.priceKopecks),
          quantity: a.quantity,
        })),
    tradeIn:
      !buyBack && tradeInCar && deal.tradeInAcceptedKopecks !== null
        ? { label: tradeInLabel, vin: tradeInCar.vin, valueKopecks: Number(deal.tradeInAcceptedKopecks) }
        : null,
    downPaymentKopecks: Number(deal.downPaymentKopecks ?? 0),
    credit: offer
      ? {
          bank: offer.bank,
          principalKopecks: Number(offer.principalKopecks),
          ratePct: Number(offer.ratePct),
          termMonths: offer.termMonths,
          monthlyKopecks: offerCost(Number(offer.principalKopecks), Number(offer.ratePct), offer.termMonths)
            .monthlyKopecks,
        }
      : null,
    creditRequest:
      deal.creditRequestedKopecks !== null && deal.creditTermMonths !== null
        ? { principalKopecks: Number(deal.creditRequestedKopecks), termMonths: deal.creditTermMonths }
        : null,
    insurance: quotes.map((q) => ({
      kind: q.kind,
      insurer: q.insurer,
      premiumKopecks: Number(q.premiumKopecks),
    })),
    deliveryOn: deal.deliveryPlannedOn,
    buyBack,
  };
}
