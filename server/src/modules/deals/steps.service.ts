import type { DealProcess, ProcessStep } from "@orbit/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { forbidden, HttpError, invalid, notFound, refused } from "../../platform/http/errors";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { recordAction } from "../audit/service";
import type { ActingAs, Actor } from "../staff/actor";
import { canAccessDealership } from "../staff/scope";
import { markSold, releaseFromDeal, takeIntoStock } from "../stock/stock.service";
import { cancelHandoffs, completeHandoff, openHandoff } from "../tasks/handoffs.service";
import { endOwnership } from "../vehicles/vehicles.service";
import { assertDealScope, type DealRow, dealFacts, loadDeal, processOf } from "./dealState";
import { deliverVehicle } from "./deals.service";
import { missingFields } from "./fields";
import {
  creditOffers,
  credits,
  dealAccessories,
  dealSteps,
  deals,
  insurancePolicies,
  insuranceQuotes,
  tradeInAppraisals,
} from "./schema";

/** What must be there before a specialist can start: the car to appraise, the amount to apply for. */
const BEFORE_HANDOFF = {
  appraisal: ["tradeIn.vehicle"],
  credit_application: ["credit.application"],
  insurance_quote: [],
} as const;

async function stepOf(
  db: Db,
  deal: DealRow,
  code: string,
): Promise<{ process: DealProcess; step: ProcessStep }> {
  const process = await processOf(db, deal);
  const step = process?.steps.find((s) => s.code === code);
  if (!process || !step) throw notFound(`Step "${code}"`);
  return { process, step };
}

async function stepStatus(db: Db, dealId: number, code: string) {
  const [row] = await db
    .select()
    .from(dealSteps)
    .where(and(eq(dealSteps.dealId, dealId), eq(dealSteps.code, code)));
  if (!row) throw notFound(`Step "${code}"`);
  return row;
}

/**
 * Passes a step to the specialist of its queue (the trade-in appraiser, F&I) as a task with the step's SLA.
 * The step waits until the specialist completes it in the same deal; the task then closes by itself.
 */
export async function handOff(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  code: string,
  note: string | null,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertDealScope(actor, deal);
  if (deal.status !== "open") throw refused("deal_closed", `This deal is ${deal.status}`);
  const { step } = await stepOf(db, deal, code);
  if (!step.handoff) throw invalid("params.step", "this step is not handed to a specialist");
  const mine = deal.salespersonId === actor.userId || step.roles.includes(actor.role);
  if (!mine && !["admin", "director", "sales_manager"].includes(actor.role))
    throw forbidden("You do not work on this deal");
  const state = await stepStatus(db, id, code);
  if (state.status !== "todo")
    throw state.status === "done"
      ? refused("step_done", "This step is done")
      : refused("step_waiting", "This step is already with a specialist");
  const lacking = missingFields([...BEFORE_HANDOFF[step.handoff.kind]], await dealFacts(db, deal));
  if (lacking.length) throw stepIncomplete(code, lacking, "before passing it on");
  const [car] = await execRows<{ label: string | null }>(
    db,
    sql`SELECT nullif(concat_ws(' ', v.make, v.model, v.year::text), '') AS label FROM vehicles v
         WHERE v.id = ${step.handoff.kind === "appraisal" ? deal.tradeInVehicleId : -1}
        UNION ALL SELECT nullif(concat_ws(' ', s.make, s.model, s.year::text), '') FROM stock_vehicles s
         WHERE s.id = ${step.handoff.kind === "appraisal" ? -1 : (deal.stockVehicleId ?? -1)}`,
  );
  const task = await openHandoff(db, by, {
    dealId: id,
    stepCode: code,
    kind: step.handoff.kind,
    queue: step.handoff.queue,
    slaHours: step.handoff.slaHours,
    partyId: deal.partyId,
    dealershipId: deal.dealershipId,
    vehicleId: step.handoff.kind === "appraisal" ? deal.tradeInVehicleId : deal.vehicleId,
    note,
    params: { from: actor.fullName, ...(car?.label ? { car: car.label } : {}) },
  });
  const now = new Date();
  await db
    .update(dealSteps)
    .set({ status: "waiting", handedOffAt: now })
    .where(and(eq(dealSteps.dealId, id), eq(dealSteps.code, code)));
  await recordAction(db, by, {
    entityType: "deal",
    entityId: id,
    action: "handoff",
    processStep: `deal.${code}.handoff`,
    after: {
      taskId: task.id,
      kind: step.handoff.kind,
      queue: step.handoff.queue,
      slaHours: step.handoff.slaHours,
      note,
    },
    dealershipId: deal.dealershipId,
  });
}

export function stepIncomplete(code: string, missing: readonly string[], when = "to complete it") {
  return new HttpError(
    400,
    "step_incomplete",
    `Step "${code}" still needs ${missing.join(", ")} ${when}`,
    missing.map((field) => ({ field, message: "required" })),
  );
}

/**
 * Completes a step once everything it requires is there; the closing step also needs every other step
 * done, and closes the deal as won. A hand-off's task closes with its step. Each completion is in the action
 * log as "deal.<step>" with how long the step took, for cycle times per step.
 */
export async function completeStep(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  code: string,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  assertDealScope(actor, deal);
  if (deal.status !== "open") throw refused("deal_closed", `This deal is ${deal.status}`);
  const { process, step } = await stepOf(db, deal, code);
  if (!step.roles.includes(actor.role) && actor.role !== "admin" && actor.role !== "director")
    throw forbidden(`This step is done by: ${step.roles.join(", ")}`);
  const state = await stepStatus(db, id, code);
  if (state.status === "done") throw refused("step_done", "This step is done already");
  const missing = missingFields(step.requires, await dealFacts(db, deal));
  if (missing.length) throw stepIncomplete(code, missing);
  const all = await db.select().from(dealSteps).where(eq(dealSteps.dealId, id));
  if (step.closes) {
    const open = process.steps.filter(
      (s) => s.code !== code && all.find((r) => r.code === s.code)?.status !== "done",
    );
    if (open.length)
      throw refused("steps_open", `Complete the other steps first: ${open.map((s) => s.code).join(", ")}`);
  }
  const now = new Date();
  await db
    .update(dealSteps)
    .set({ status: "done", completedAt: now, completedByUserId: actor.userId })
    .where(and(eq(dealSteps.dealId, id), eq(dealSteps.code, code)));
  const taskId = step.handoff ? await completeHandoff(db, by, id, code) : null;
  const position = process.steps.indexOf(step);
  const prev = position > 0 ? all.find((r) => r.code === process.steps[position - 1]!.code) : undefined;
  const startedAt = state.handedOffAt ?? prev?.completedAt ?? deal.openedAt;
  await recordAction(db, by, {
    entityType: "deal",
    entityId: id,
    action: "step",
    processStep: `deal.${code}`,
    after: {
      step: code,
      position,
      seconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
      ...(taskId ? { taskId } : {}),
    },
    dealershipId: deal.dealershipId,
  });
  if (step.closes) await closeWon(db, by, deal);
}

/**
 * The deal is won: the car becomes the client's and leaves the stock, the trade-in car leaves the client and
 * joins the used stock, the chosen credit and policies become the client's products, and the deal's amount
 * is the car and the equipment sold.
 */
async function closeWon(db: Db, by: ActingAs, deal: DealRow): Promise<void> {
  const now = new Date();
  const day =
    deal.deliveryPlannedOn && deal.deliveryPlannedOn <= dealerDay(now)
      ? deal.deliveryPlannedOn
      : dealerDay(now);
  const vehicleId = await deliverVehicle(db, deal, day);
  if (deal.stockVehicleId !== null) await markSold(db, deal.stockVehicleId, day);

  let tradeInStockId: number | null = null;
  if (deal.tradeInVehicleId !== null && deal.tradeInAcceptedKopecks !== null) {
    await endOwnership(db, deal.tradeInVehicleId, deal.partyId, day);
    const [appraisal] = await db
      .select()
      .from(tradeInAppraisals)
      .where(eq(tradeInAppraisals.dealId, deal.id))
      .orderBy(desc(tradeInAppraisals.id))
      .limit(1);
    const [car] = await execRows<{
      vin: string | null;
      make: string | null;
      model: string | null;
      year: number | null;
      body_type: string | null;
      drive: string | null;
      fuel: string | null;
      color: string | null;
    }>(
      db,
      sql`SELECT vin, make, model, year, body_type, drive, fuel, color FROM vehicles WHERE id = ${deal.tradeInVehicleId}`,
    );
    if (car?.vin && car.make && car.model && car.year) {
      tradeInStockId = await takeIntoStock(db, {
        dealershipId: deal.dealershipId,
        vin: car.vin,
        make: car.make,
        model: car.model,
        year: car.year,
        bodyType: car.body_type as never,
        drive: car.drive as never,
        fuel: car.fuel as never,
        color: car.color,
        mileageKm: appraisal?.mileageKm ?? 0,
        appraisalKopecks: appraisal?.valueKopecks ?? deal.tradeInAcceptedKopecks,
      });
    }
  }

  const [offer] = await db
    .select()
    .from(creditOffers)
    .where(and(eq(creditOffers.dealId, deal.id), eq(creditOffers.chosen, true)));
  if (offer) {
    await db.insert(credits).values({
      partyId: deal.partyId,
      vehicleId,
      dealershipId: deal.dealershipId,
      dealId: deal.id,
      bank: offer.bank,
      principalKopecks: offer.principalKopecks,
      ratePct: offer.ratePct,
      termMonths: offer.termMonths,
      monthlyPaymentKopecks: offer.monthlyPaymentKopecks,
      startsOn: day,
      endsOn: sql`(${day}::date + make_interval(months => ${offer.termMonths}))::date` as unknown as string,
    });
  }
  const quotes = await db
    .select()
    .from(insuranceQuotes)
    .where(and(eq(insuranceQuotes.dealId, deal.id), eq(insuranceQuotes.chosen, true)));
  for (const q of quotes) {
    await db.insert(insurancePolicies).values({
      partyId: deal.partyId,
      vehicleId,
      dealershipId: deal.dealershipId,
      dealId: deal.id,
      kind: q.kind,
      insurer: q.insurer,
      number: q.kind === "osago" ? `ХХХ ${String(deal.id).padStart(10, "0")}` : `КАСКО-${deal.id}-${q.id}`,
      startsOn: day,
      endsOn: sql`(${day}::date + 364)` as unknown as string,
      premiumKopecks: q.premiumKopecks,
      soldById: by.userId,
    });
  }
  const [extras] = await execRows<{ total: number | null }>(
    db,
    sql`SELECT sum(price_kopecks * quantity)::bigint AS total FROM ${dealAccessories} WHERE deal_id = ${deal.id}`,
  );
  const amount = Number(deal.vehiclePriceKopecks ?? 0) + Number(extras?.total ?? 0);
  await db
    .update(deals)
    .set({
      status: "won",
      closedAt: now,
      deliveredOn: day,
      vehicleId,
      amountKopecks: amount > 0 ? amount : (offer?.principalKopecks ?? null),
      updatedAt: now,
    })
    .where(eq(deals.id, deal.id));
  await recordAction(db, by, {
    entityType: "deal",
    entityId: deal.id,
    action: "won",
    processStep: "deal.won",
    after: {
      vehicleId,
      amountKopecks: amount,
      creditOfferId: offer?.id ?? null,
      policies: quotes.map((q) => q.kind),
      tradeInStockId,
      cycleSeconds: Math.round((now.getTime() - deal.openedAt.getTime()) / 1000),
    },
    dealershipId: deal.dealershipId,
  });
}

/** A lost deal frees its car and calls off its specialists' tasks. */
export async function loseDeal(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  reason: string,
): Promise<void> {
  const deal = await loadDeal(db, id, true);
  if (!canAccessDealership(actor, deal.dealershipId)) throw forbidden("This deal is another dealership's");
  const owner =
    deal.salespersonId === actor.userId || ["admin", "director", "sales_manager"].includes(actor.role);
  if (!owner) throw forbidden("Only the deal's salesperson or a manager closes it");
  if (deal.status !== "open") throw refused("deal_closed", `This deal is ${deal.status}`);
  if (deal.stockVehicleId !== null) await releaseFromDeal(db, deal.stockVehicleId, id);
  await cancelHandoffs(db, by, id);
  const now = new Date();
  await db
    .update(deals)
    .set({ status: "lost", lostReason: reason, closedAt: now, updatedAt: now })
    .where(eq(deals.id, id));
  await recordAction(db, by, {
    entityType: "deal",
    entityId: id,
    action: "lost",
    processStep: "deal.lost",
    after: { reason, cycleSeconds: Math.round((now.getTime() - deal.openedAt.getTime()) / 1000) },
    dealershipId: deal.dealershipId,
  });
}
