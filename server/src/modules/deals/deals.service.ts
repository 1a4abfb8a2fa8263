import type { ClientDataInput, DealCreate, DealUpdate } from "@orbit/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { invalid, refused } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { editClient } from "../identity/clients.service";
import { clientEssentials } from "../identity/essentials.service";
import type { Matcher } from "../identity/matching.service";
import { parties } from "../identity/schema";
import type { ActingAs, Actor } from "../staff/actor";
import { getStockVehicle, releaseFromDeal, reserveForDeal } from "../stock/stock.service";
import {
  attachVehicleByVin,
  describeVehicle,
  ownsVehicle,
  recordMileage,
} from "../vehicles/vehicles.service";
import { assertMayWork, type DealRow, loadDeal, processOf } from "./dealState";
import { activeProcess } from "./processes/processes.service";
import { dealSteps, deals } from "./schema";

export const kopecks = (rub: number) => Math.round(rub * 100);

/** Every change to a deal lands in the action log under the deal, with the process step it belongs to. */
export async function logDeal(
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

export async function touch(db: Db, id: number, set: Partial<typeof deals.$inferInsert>) {
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
    if (patch.clientVehicleId !== null && !(await ownsVehicle(db, deal.partyId, patch.clientVehicleId)))
      throw invalid("body.clientVehicleId", "not a car the client owns");
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
  await describeVehicle(db, vehicleId, {
    bodyType: car.bodyType,
    fuel: car.fuel,
    drive: car.drive,
    color: car.color,
  });
  await recordMileage(db, vehicleId, day, car.mileageKm, "sale");
  return vehicleId;
}
