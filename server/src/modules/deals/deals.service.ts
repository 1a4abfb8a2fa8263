import type {
  AccessoryInput,
  AppraisalInput,
  ClientDataInput,
  CreditOfferInput,
  DealCreate,
  DealUpdate,
  InsuranceQuoteInput,
  TradeInVehicleInput,
} from "@orbit/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { invalid, notFound, refused } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { editClient } from "../identity/clients.service";
import { clientEssentials } from "../identity/essentials.service";
import type { Matcher } from "../identity/matching.service";
import { parties } from "../identity/schema";
import type { ActingAs, Actor } from "../staff/actor";
import { getStockVehicle, releaseFromDeal, reserveForDeal } from "../stock/stock.service";
import { vehicleOwnerships, vehicles } from "../vehicles/schema";
import { attachVehicleByVin } from "../vehicles/vehicles.service";
import { checkVin } from "../vehicles/vin";
import { offerCost } from "./credit";
import { assertMayWork, type DealRow, loadDeal, processOf } from "./dealState";
import { activeProcess } from "./processes/processes.service";
import {
  creditOffers,
  dealAccessories,
  dealSteps,
  deals,
  insuranceQuotes,
  tradeInAppraisals,
} from "./schema";

const kopecks = (rub: number) => Math.round(rub * 100);

/** Every change to a deal lands in the action log under the deal, with the process step it belongs to. */
async function logDeal(
  db: Db,
  by: ActingAs,
  deal: DealRow,
  action: string,
  processStep: string,
  after: unknown,
  before?: unknown,
) {
  await recordAction(db, by, {
    entityType: "deal",
    entityId: deal.id,
    action,
    processStep,
    after,
    ...(before === undefined ? {} : { before }),
    dealershipId: deal.dealershipId,
  });
}

async function touch(db: Db, id: number, set: Partial<typeof deals.$inferInsert>) {
  await db
    .update(deals)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(deals.id, id));
}

/**
 * Opens a deal on a process: the employee who opens it owns it, at their dealership (a group-wide
 * employee opens it at the client's home dealership). Every step of the process starts as to do.
 */
export async function createDeal(
  db: Db,
  actor: Actor,
  by: ActingAs,
  input: DealCreate,
): Promise<{ id: number }> {
  const [client] = await db
    .select({
      id: parties.id,
      status: parties.status,
      home: parties.homeDealershipId,
      merged: parties.mergedIntoId,
    })
    .from(parties)
    .where(eq(parties.id, input.clientId));
  if (!client || client.status === "anonymised") throw invalid("body.clientId", "no such client");
  if (client.status === "merged")
    throw invalid("body.clientId", `the client was merged into client ${client.merged}`);
  const dealershipId = actor.dealershipId ?? client.home;
  if (dealershipId === null)
    throw invalid("body.clientId", "the client has no home dealership; open the deal from a dealership");
  const process = await activeProcess(db, input.processCode).catch(() => {
    throw invalid("body.processCode", `no process "${input.processCode}"`);
  });
  const now = new Date();
  const [row] = await db
    .insert(deals)
    .values({
      dealershipId,
      partyId: client.id,
      kind: process.dealKind,
      status: "open",
      source: input.source,
      salespersonId: actor.userId,
      processId: process.id,
      openedAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("deal insert returned nothing");
  await db
    .insert(dealSteps)
    .values(process.steps.map((s, position) => ({ dealId: row.id, code: s.code, position })));
  await logDeal(db, by, row, "open", "deal.open", {
    process: process.code,
    version: process.version,
    source: input.source,
  });
  return { id: row.id };
}

/** Starts a process on a deal that came without one (opened from a call, or from before Orbit). */
export async function startProcess(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  code: string,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, null, "needs");
  if (deal.processId !== null) throw refused("deal_has_process", "This deal already follows a process");
  const process = await activeProcess(db, code).catch(() => {
    throw invalid("body.processCode", `no process "${code}"`);
  });
  await touch(db, id, {
    processId: process.id,
    kind: process.dealKind,
    salespersonId: deal.salespersonId ?? actor.userId,
  });
  await db
    .insert(dealSteps)
    .values(process.steps.map((s, position) => ({ dealId: id, code: s.code, position })));
  await logDeal(db, by, deal, "process", "deal.open", { process: process.code, version: process.version });
}

/** The salesperson's part of the deal: needs, the car and its price, the money, the delivery date. */
export async function updateDeal(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  patch: DealUpdate,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  const process = await processOf(db, deal);
  const set: Partial<typeof deals.$inferInsert> = {};
  const steps: string[] = [];
  if (patch.needs !== undefined) {
    assertMayWork(actor, deal, process, "needs");
    set.needs = patch.needs;
    steps.push("deal.needs.edit");
  }
  if (patch.stockVehicleId !== undefined || patch.vehiclePriceRub !== undefined) {
    assertMayWork(actor, deal, process, "vehicle");
    if (patch.stockVehicleId !== undefined && patch.stockVehicleId !== deal.stockVehicleId) {
      if (deal.stockVehicleId !== null) await releaseFromDeal(db, deal.stockVehicleId, deal.id);
      if (patch.stockVehicleId !== null) {
        const car = await reserveForDeal(db, patch.stockVehicleId, deal.id);
        set.stockVehicleId = car.id;
        // The list price, until the salesperson agrees another.
        if (patch.vehiclePriceRub === undefined) set.vehiclePriceKopecks = kopecks(car.priceRub);
      } else {
        set.stockVehicleId = null;
        set.vehiclePriceKopecks = null;
      }
    }
    if (patch.vehiclePriceRub !== undefined) {
      if ((set.stockVehicleId ?? deal.stockVehicleId) === null)
        throw invalid("body.vehiclePriceRub", "choose the car first");
      set.vehiclePriceKopecks = kopecks(patch.vehiclePriceRub);
    }
    steps.push("deal.vehicle.edit");
  }
  if (patch.clientVehicleId !== undefined) {
    assertMayWork(
      actor,
      deal,
      process,
      process?.steps.some((s) => s.panel === "insurance") ? "insurance" : "credit",
    );
    if (deal.stockVehicleId !== null)
      throw invalid("body.clientVehicleId", "the deal sells a car from stock");
    if (patch.clientVehicleId !== null) {
      const [owned] = await db
        .select({ id: vehicleOwnerships.vehicleId })
        .from(vehicleOwnerships)
        .where(
          and(
            eq(vehicleOwnerships.vehicleId, patch.clientVehicleId),
            eq(vehicleOwnerships.partyId, deal.partyId),
            isNull(vehicleOwnerships.validTo),
          ),
        );
      if (!owned) throw invalid("body.clientVehicleId", "not a car the client owns");
    }
    set.vehicleId = patch.clientVehicleId;
    steps.push("deal.vehicle.client");
  }
  if (patch.tradeInAcceptedRub !== undefined) {
    assertMayWork(actor, deal, process, "trade_in");
    if (patch.tradeInAcceptedRub !== null && deal.tradeInVehicleId === null)
      throw invalid("body.tradeInAcceptedRub", "say which car the client trades in first");
    set.tradeInAcceptedKopecks = patch.tradeInAcceptedRub === null ? null : kopecks(patch.tradeInAcceptedRub);
    steps.push("deal.trade_in.price");
  }
  if (
    patch.downPaymentRub !== undefined ||
    patch.creditRequestedRub !== undefined ||
    patch.creditTermMonths !== undefined
  ) {
    assertMayWork(actor, deal, process, "credit");
    if (patch.downPaymentRub !== undefined) set.downPaymentKopecks = kopecks(patch.downPaymentRub);
    if (patch.creditRequestedRub !== undefined)
      set.creditRequestedKopecks =
        patch.creditRequestedRub === null ? null : kopecks(patch.creditRequestedRub);
    if (patch.creditTermMonths !== undefined) set.creditTermMonths = patch.creditTermMonths;
    const requested =
      set.creditRequestedKopecks !== undefined ? set.creditRequestedKopecks : deal.creditRequestedKopecks;
    const term = set.creditTermMonths !== undefined ? set.creditTermMonths : deal.creditTermMonths;
    set.creditAppliedAt = requested !== null && term !== null ? (deal.creditAppliedAt ?? new Date()) : null;
    steps.push("deal.credit.application");
  }
  if (patch.deliveryPlannedOn !== undefined) {
    assertMayWork(actor, deal, process, "delivery");
    set.deliveryPlannedOn = patch.deliveryPlannedOn;
    steps.push("deal.delivery.date");
  }
  if (patch.payment !== undefined) {
    assertMayWork(actor, deal, process, "payment");
    set.paymentReceivedAt = patch.payment ? new Date() : null;
    set.paymentMethod = patch.payment?.method ?? null;
    steps.push("deal.payment.received");
  }
  if (steps.length === 0) return;
  await touch(db, id, set);
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, deal[k as keyof DealRow] ?? null]));
  await logDeal(db, by, deal, "update", steps[0]!, set, before);
}

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
    const [owned] = await db
      .select({ id: vehicleOwnerships.vehicleId })
      .from(vehicleOwnerships)
      .where(
        and(
          eq(vehicleOwnerships.vehicleId, input.vehicleId),
          eq(vehicleOwnerships.partyId, deal.partyId),
          isNull(vehicleOwnerships.validTo),
        ),
      );
    if (!owned) throw invalid("body.vehicleId", "not a car the client owns");
    vehicleId = owned.id;
  } else {
    const vin = checkVin(input.vin);
    if (!vin.valid) throw invalid("body.vin", "not a VIN (17 letters and digits, no I, O, Q)");
    const [other] = await execRows<{ party_id: number }>(
      db,
      sql`SELECT o.party_id FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
           WHERE v.vin = ${vin.vin} AND o.valid_to IS NULL AND o.party_id <> ${deal.partyId} LIMIT 1`,
    );
    if (other) throw invalid("body.vin", "this car belongs to another client in Orbit");
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
  await execRows(
    db,
    sql`INSERT INTO mileage_readings (vehicle_id, read_on, km, source)
        VALUES (${deal.tradeInVehicleId}, current_date, ${input.mileageKm}, 'inspection')`,
  );
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

/**
 * The client's required data filled in on the spot, written to the golden record as an employee's
 * correction (it outranks every other source), so the next deal and the card have it too.
 */
export async function updateClientData(
  db: Db,
  actor: Actor,
  by: ActingAs,
  matcher: Matcher,
  id: number,
  input: ClientDataInput,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertMayWork(actor, deal, await processOf(db, deal), "client");
  const now = await clientEssentials(db, deal.partyId);
  const addPhones = input.phone !== undefined ? [input.phone] : undefined;
  const addEmails =
    input.email !== undefined && input.email.toLowerCase() !== now.email ? [input.email] : undefined;
  await editClient(db, by, matcher, deal.partyId, {
    version: input.version,
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.patronymic !== undefined ? { patronymic: input.patronymic || null } : {}),
    ...(input.birthDate !== undefined ? { birthDate: input.birthDate } : {}),
    ...(input.passport !== undefined ? { passport: input.passport } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(addPhones ? { addPhones } : {}),
    ...(addEmails ? { addEmails } : {}),
  });
  const fields = Object.keys(input).filter((k) => k !== "version");
  await logDeal(db, by, deal, "client_data", "deal.client.data", { fields });
}

/** A car sold from the deal's stock unit becomes the client's in Orbit, with its full description. */
export async function deliverVehicle(db: Db, deal: DealRow, day: string): Promise<number | null> {
  if (deal.stockVehicleId === null) return deal.vehicleId;
  const car = await getStockVehicle(db, deal.stockVehicleId);
  const vehicleId = await attachVehicleByVin(
    db,
    deal.partyId,
    car.vin,
    { make: car.make, model: car.model, year: car.year },
    "orbit",
    day,
  );
  await db
    .update(vehicles)
    .set({
      bodyType: car.bodyType,
      fuel: car.fuel,
      drive: car.drive,
      color: car.color,
      updatedAt: new Date(),
    })
    .where(eq(vehicles.id, vehicleId));
  await execRows(
    db,
    sql`INSERT INTO mileage_readings (vehicle_id, read_on, km, source) VALUES (${vehicleId}, ${day}::date, ${car.mileageKm}, 'sale')`,
  );
  return vehicleId;
}
