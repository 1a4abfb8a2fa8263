/**
 * The monthly payment of an annuity loan, in kopecks, rounded to the kopeck as banks state it:
 * P·r / (1 − (1 + r)^−n) with r the monthly rate. A zero rate (a manufacturer's subsidised programme)
 * divides the principal evenly.
 */
export function annuityPayment(principalKopecks: number, ratePct: number, termMonths: number): number {
  if (principalKopecks <= 0) return 0;
  const r = ratePct / 1200;
  if (r === 0) return Math.round(principalKopecks / termMonths);
  return Math.round((principalKopecks * r) / (1 - (1 + r) ** -termMonths));
}

export interface OfferCost {
  monthlyKopecks: number;
  /** Everything paid to the bank over the term. */
  totalKopecks: number;
  overpaymentKopecks: number;
}

export function offerCost(principalKopecks: number, ratePct: number, termMonths: number): OfferCost {
  const monthlyKopecks = annuityPayment(principalKopecks, ratePct, termMonths);
  const totalKopecks = monthlyKopecks * termMonths;
  return { monthlyKopecks, totalKopecks, overpaymentKopecks: totalKopecks - principalKopecks };
}

/** The principal a monthly payment carries: the inverse of the annuity, for matching cars to a budget. */
export function principalFor(monthlyKopecks: number, ratePct: number, termMonths: number): number {
  const r = ratePct / 1200;
  if (r === 0) return monthlyKopecks * termMonths;
  return Math.floor((monthlyKopecks * (1 - (1 + r) ** -termMonths)) / r);
}
