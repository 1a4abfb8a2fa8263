import type {
  AccessoryInput,
  AppraisalInput,
  CreditOfferInput,
  InsuranceQuoteInput,
  TradeInVehicleInput,
} from "@orbit/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { invalid, notFound, refused } from "../../platform/http/errors";
import { dealerDay } from "../../platform/time/dealerCalendar";
import type { ActingAs, Actor } from "../staff/actor";
import { attachVehicleByVin, currentOwnerOf, ownsVehicle, recordMileage } from "../vehicles/vehicles.service";
import { checkVin } from "../vehicles/vin";
import { offerCost } from "./credit";
import { assertMayWork, loadDeal, processOf } from "./dealState";
import { kopecks, logDeal, touch } from "./deals.service";
import { creditOffers, dealAccessories, insuranceQuotes, tradeInAppraisals } from "./schema";

// What the deal adds around the car: the trade-in and its appraisal, the banks' offers, the insurers'
// quotes, the equipment. The specialists' parts (appraisal, offers, quotes) are entered by them alone.

/** The car the client brings: one they own already, or one described now (it becomes theirs in Orbit). */
export async function setTradeInVehicle(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: TradeInVehicleInput,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "trade_in");
  let vehicleId: number;
  if ("vehicleId" in input) {
    if (!(await ownsVehicle(db, deal.partyId, input.vehicleId)))
      throw invalid("body.vehicleId", "not a car the client owns");
    vehicleId = input.vehicleId;
  } else {
    const vin = checkVin(input.vin);
    if (!vin.valid) throw invalid("body.vin", "not a VIN (17 letters and digits, no I, O, Q)");
    const owner = await currentOwnerOf(db, vin.vin);
    if (owner !== null && owner !== deal.partyId)
      throw invalid("body.vin", "this car belongs to another client in Orbit");
    vehicleId = await attachVehicleByVin(
      db,
      deal.partyId,
      vin.vin,
      { make: input.make, model: input.model, year: input.year, plate: input.plate ?? null },
      "orbit",
    );
  }
  await touch(db, id, { tradeInVehicleId: vehicleId });
  await logDeal(
    db,
    by,
    deal,
    "trade_in_vehicle",
    "deal.trade_in.vehicle",
    { vehicleId },
    { vehicleId: deal.tradeInVehicleId },
  );
}

/** The appraiser's valuation; the salesperson then agrees the price with the client. */
export async function addAppraisal(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: AppraisalInput,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "trade_in", true);
  if (deal.tradeInVehicleId === null) throw invalid("body", "the deal has no trade-in car to appraise");
  await db.insert(tradeInAppraisals).values({
    dealId: id,
    vehicleId: deal.tradeInVehicleId,
    mileageKm: input.mileageKm,
    condition: input.condition,
    notes: input.notes ?? null,
    valueKopecks: kopecks(input.valueRub),
    appraisedByUserId: actor.userId,
  });
  await recordMileage(db, deal.tradeInVehicleId, dealerDay(), input.mileageKm, "inspection");
  await logDeal(db, by, deal, "appraise", "deal.appraisal.value", { ...input });
}

export async function addCreditOffer(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: CreditOfferInput,
) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "credit", true);
  const principal = kopecks(input.principalRub);
  const cost = offerCost(principal, input.ratePct, input.termMonths);
  const [row] = await db
    .insert(creditOffers)
    .values({
      dealId: id,
      bank: input.bank,
      principalKopecks: principal,
      ratePct: input.ratePct.toFixed(2),
      termMonths: input.termMonths,
      monthlyPaymentKopecks: cost.monthlyKopecks,
      status: input.status ?? "approved",
      enteredByUserId: actor.userId,
    })
    .returning({ id: creditOffers.id });
  await logDeal(db, by, deal, "credit_offer", "deal.credit.offer", {
    id: row?.id,
    ...input,
    monthlyRub: cost.monthlyKopecks / 100,
  });
}

/** The client's choice among the banks' offers: one at a time, and never a declined one. */
export async function chooseCreditOffer(db: Db, actor: Actor, by: ActingAs, id: number, offerId: number) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "credit", true);
  const [offer] = await db
    .select()
    .from(creditOffers)
    .where(and(eq(creditOffers.id, offerId), eq(creditOffers.dealId, id)));
  if (!offer) throw notFound("Credit offer");
  if (offer.status === "declined")
    throw refused("offer_declined", "The bank declined this application; choose another offer");
  await db.update(creditOffers).set({ chosen: false }).where(eq(creditOffers.dealId, id));
  await db.update(creditOffers).set({ chosen: true }).where(eq(creditOffers.id, offerId));
  await logDeal(db, by, deal, "credit_choice", "deal.credit.choice", { offerId, bank: offer.bank });
}

export async function addInsuranceQuote(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  input: InsuranceQuoteInput,
) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "insurance", true);
  const [row] = await db
    .insert(insuranceQuotes)
    .values({
      dealId: id,
      kind: input.kind,
      insurer: input.insurer,
      premiumKopecks: kopecks(input.premiumRub),
      enteredByUserId: actor.userId,
    })
    .returning({ id: insuranceQuotes.id });
  await logDeal(db, by, deal, "insurance_quote", "deal.insurance.quote", { id: row?.id, ...input });
}

/** One OSAGO and one KASKO may be chosen; choosing again toggles the quote off. */
export async function chooseInsuranceQuote(db: Db, actor: Actor, by: ActingAs, id: number, quoteId: number) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "insurance", true);
  const [quote] = await db
    .select()
    .from(insuranceQuotes)
    .where(and(eq(insuranceQuotes.id, quoteId), eq(insuranceQuotes.dealId, id)));
  if (!quote) throw notFound("Insurance quote");
  await db
    .update(insuranceQuotes)
    .set({ chosen: false })
    .where(and(eq(insuranceQuotes.dealId, id), eq(insuranceQuotes.kind, quote.kind)));
  if (!quote.chosen)
    await db.update(insuranceQuotes).set({ chosen: true }).where(eq(insuranceQuotes.id, quoteId));
  await logDeal(db, by, deal, "insurance_choice", "deal.insurance.choice", {
    quoteId,
    chosen: !quote.chosen,
  });
}

export async function addAccessory(db: Db, actor: Actor, by: ActingAs, id: number, input: AccessoryInput) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "accessories");
  const [row] = await db
    .insert(dealAccessories)
    .values({
      dealId: id,
      name: input.name,
      priceKopecks: kopecks(input.priceRub),
      quantity: input.quantity ?? 1,
    })
    .returning({ id: dealAccessories.id });
  await logDeal(db, by, deal, "accessory_add", "deal.accessories.edit", { id: row?.id, ...input });
}

export async function removeAccessory(db: Db, actor: Actor, by: ActingAs, id: number, accessoryId: number) {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "accessories");
  const [row] = await db
    .delete(dealAccessories)
    .where(and(eq(dealAccessories.id, accessoryId), eq(dealAccessories.dealId, id)))
    .returning();
  if (!row) throw notFound("Accessory");
  await logDeal(db, by, deal, "accessory_remove", "deal.accessories.edit", null, {
    name: row.name,
    priceKopecks: row.priceKopecks,
  });
}
