import { COMFORT_CLASSES, type MatchReason, type Needs, type StockVehicle } from "@orbit/contracts";
import { annuityPayment, principalFor } from "../deals/credit";

/**
 * Matching a car to what the client needs rather than to a model name: a client asking for a Mercedes GLE
 * wants a five-seat four-wheel-drive crossover with some clearance and comfort within a monthly budget, so a
 * Haval H9, a Tank 500 or a used Land Cruiser fits too. Hard limits (seats, budget with a little room, new or
 * used, mileage, availability) decide whether a car is shown; the rest ranks it, and every part says why.
 */

export interface Candidate extends StockVehicle {}

export interface Match {
  vehicle: Candidate;
  score: number;
  monthlyKopecks: number;
  reasons: MatchReason[];
}

/** Weights of the parts of the score; they add up to 100. */
const W = { body: 25, drive: 12, clearance: 12, comfort: 13, budget: 20, location: 12, availability: 6 };

/** A car over budget by up to this share is still shown (a discount or a larger down payment may bridge it). */
export const BUDGET_TOLERANCE = 0.1;

/** Bodies a client who asks for one would also look at. */
const KIN: Partial<Record<Candidate["bodyType"], readonly Candidate["bodyType"][]>> = {
  crossover: ["suv"],
  suv: ["crossover"],
  sedan: ["liftback"],
  liftback: ["sedan", "hatchback"],
  hatchback: ["liftback"],
  wagon: ["crossover"],
  minivan: ["van"],
  van: ["minivan"],
};

const comfortRank = (c: Candidate["comfortClass"]) => COMFORT_CLASSES.indexOf(c);
const rub = (kopecks: number) => Math.round(kopecks / 100);

function reason(code: string, fits: boolean, params: MatchReason["params"] = {}): MatchReason {
  return { code, fits, params };
}

/** What the client's money allows for this car: its monthly payment and how far over the budget it is. */
export function affordability(
  needs: Needs,
  priceKopecks: number,
): { monthlyKopecks: number; overShare: number; headroomKopecks: number | null } {
  const tradeIn = Math.round(needs.tradeInRub * 100);
  const down = Math.round(needs.downPaymentRub * 100);
  const principal = Math.max(0, priceKopecks - tradeIn - down);
  const monthlyKopecks = annuityPayment(principal, needs.ratePct, needs.termMonths);
  let overShare = 0;
  let headroomKopecks: number | null = null;
  if (needs.budgetRub !== undefined) {
    const limit = Math.round(needs.budgetRub * 100);
    const own = Math.max(0, priceKopecks - tradeIn);
    overShare = Math.max(overShare, own / limit - 1);
    headroomKopecks = limit - own;
  }
  if (needs.monthlyRub !== undefined) {
    const limit = Math.round(needs.monthlyRub * 100);
    overShare = Math.max(overShare, monthlyKopecks / limit - 1);
    const monthlyHeadroom = limit - monthlyKopecks;
    headroomKopecks = headroomKopecks === null ? monthlyHeadroom : Math.min(headroomKopecks, monthlyHeadroom);
  }
  return { monthlyKopecks, overShare, headroomKopecks };
}

/**
 * The dearest car the client's money can reach (with the tolerance), in kopecks, or null without a budget:
 * the database leaves out dearer cars before scoring. A kopeck of slack per rouble keeps it a superset of
 * what scoreVehicle accepts.
 */
export function priceCeiling(needs: Needs): number | null {
  const tradeIn = Math.round(needs.tradeInRub * 100);
  const down = Math.round(needs.downPaymentRub * 100);
  const limits: number[] = [];
  if (needs.budgetRub !== undefined)
    limits.push(Math.ceil(needs.budgetRub * 100 * (1 + BUDGET_TOLERANCE)) + tradeIn);
  if (needs.monthlyRub !== undefined) {
    const monthly = Math.ceil(needs.monthlyRub * 100 * (1 + BUDGET_TOLERANCE));
    limits.push(
      principalFor(monthly, needs.ratePct, needs.termMonths) + tradeIn + down + needs.termMonths * 100,
    );
  }
  return limits.length ? Math.min(...limits) + 100 : null;
}

/** Scores one car against the needs, or null when a hard limit rules it out. */
export function scoreVehicle(
  needs: Needs,
  v: Candidate,
  where: { dealershipId?: number | undefined; city?: string | undefined },
): Match | null {
  if (v.status === "sold") return null;
  if (needs.condition !== "any" && v.condition !== needs.condition) return null;
  if (needs.minSeats !== undefined && v.seats < needs.minSeats) return null;
  if (needs.maxMileageKm !== undefined && v.mileageKm > needs.maxMileageKm) return null;
  const priceKopecks = Math.round(v.priceRub * 100);
  const money = affordability(needs, priceKopecks);
  if (money.overShare > BUDGET_TOLERANCE) return null;

  const reasons: MatchReason[] = [];
  let score = 0;

  if (needs.bodyTypes.length === 0) score += W.body;
  else if (needs.bodyTypes.includes(v.bodyType)) {
    score += W.body;
    reasons.push(reason("body", true, { body: v.bodyType }));
  } else if (needs.bodyTypes.some((b) => KIN[b]?.includes(v.bodyType))) {
    score += W.body * 0.6;
    reasons.push(reason("bodyKin", true, { body: v.bodyType }));
  } else reasons.push(reason("bodyOther", false, { body: v.bodyType }));

  if (needs.minSeats !== undefined) reasons.push(reason("seats", true, { seats: v.seats }));

  if (!needs.awd) score += W.drive;
  else if (v.drive === "awd") {
    score += W.drive;
    reasons.push(reason("awd", true));
  } else reasons.push(reason("noAwd", false, { drive: v.drive }));

  if (needs.minClearanceMm === undefined) score += W.clearance;
  else if (v.groundClearanceMm >= needs.minClearanceMm) {
    score += W.clearance;
    reasons.push(reason("clearance", true, { mm: v.groundClearanceMm }));
  } else {
    const short = needs.minClearanceMm - v.groundClearanceMm;
    score += W.clearance * Math.max(0, 1 - short / 40);
    reasons.push(reason("clearanceLow", false, { mm: v.groundClearanceMm, wanted: needs.minClearanceMm }));
  }

  if (needs.comfort === undefined) score += W.comfort;
  else {
    const gap = comfortRank(v.comfortClass) - comfortRank(needs.comfort);
    if (gap >= 0) {
      score += W.comfort;
      reasons.push(reason("comfort", true, { comfort: v.comfortClass }));
    } else {
      score += gap === -1 ? W.comfort * 0.4 : 0;
      reasons.push(reason("comfortLow", false, { comfort: v.comfortClass }));
    }
  }

  const budgeted = needs.budgetRub !== undefined || needs.monthlyRub !== undefined;
  if (!budgeted) score += W.budget;
  else if (money.overShare <= 0) {
    score += W.budget;
    if (needs.monthlyRub !== undefined)
      reasons.push(reason("monthly", true, { monthly: rub(money.monthlyKopecks) }));
    else reasons.push(reason("budget", true, { headroom: rub(money.headroomKopecks ?? 0) }));
  } else {
    score += W.budget * (1 - money.overShare / BUDGET_TOLERANCE) * 0.5;
    reasons.push(reason("overBudget", false, { percent: Math.ceil(money.overShare * 100) }));
  }
  if (needs.tradeInRub > 0) reasons.push(reason("tradeIn", true, { tradeIn: needs.tradeInRub }));

  if (where.dealershipId !== undefined && v.dealershipId === where.dealershipId) {
    score += W.location;
    reasons.push(reason("sameDealership", true, { dealership: v.dealershipName }));
  } else if (where.city && v.city === where.city) {
    score += W.location * 0.75;
    reasons.push(reason("sameCity", true, { city: where.city, dealership: v.dealershipName }));
  } else if (where.city || where.dealershipId !== undefined) {
    score += W.location * 0.2;
    reasons.push(reason("otherCity", false, { city: v.city ?? "", dealership: v.dealershipName }));
  } else score += W.location;

  // A reserved car reaches scoring only when it is held for the deal asking: it is as good as in stock.
  if (v.status === "in_stock") score += W.availability;
  else if (v.status === "in_transit") {
    score += W.availability * 0.5;
    reasons.push(reason("inTransit", false));
  } else {
    score += W.availability;
    reasons.push(reason("reserved", true));
  }

  if (v.condition === "used") reasons.push(reason("used", true, { km: v.mileageKm, year: v.year }));
  return { vehicle: v, score: Math.round(score * 10) / 10, monthlyKopecks: money.monthlyKopecks, reasons };
}

/**
 * The best matches, best first; a tie goes to the car nearer the client's money (the cheaper monthly
 * payment) and then the lower id, so the order is stable.
 */
export function rankMatches(
  needs: Needs,
  candidates: readonly Candidate[],
  limit: number,
): { considered: number; matches: Match[] } {
  const where = { dealershipId: needs.dealershipId, city: needs.city };
  const matches: Match[] = [];
  for (const v of candidates) {
    const m = scoreVehicle(needs, v, where);
    if (m) matches.push(m);
  }
  matches.sort(
    (a, b) => b.score - a.score || a.monthlyKopecks - b.monthlyKopecks || a.vehicle.id - b.vehicle.id,
  );
  return { considered: candidates.length, matches: matches.slice(0, limit) };
}
