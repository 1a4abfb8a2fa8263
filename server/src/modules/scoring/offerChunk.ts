import { type Family, offerValue } from "./families";
import { FEATURES } from "./features";
import { type CompiledModel, contributions, marginsInto, sigmoid } from "./gbdt/model";
import { type Reason, topReasons } from "./reasons";

export const OFFERS = {
  /** Offers kept per client: the card shows them, the scenario calls about the best. */
  maxOffers: 3,
  /** Below this an offer is not worth an employee's attention. */
  minProbability: 0.02,
} as const;

/** One family's live model, ready to score; plain data, so it can travel to a worker thread. */
export interface Scorer {
  family: Family;
  skipsOpenDeals: boolean;
  modelId: number;
  compiled: CompiledModel;
}

/** Cars of whole clients (a client's cars are adjacent), FEATURES.length columns a row. */
export interface CarChunk {
  rows: number;
  x: Float32Array;
  party: Int32Array;
  vehicle: Int32Array;
  /** 0 when the client has no home dealership. */
  dealership: Int32Array;
}

export interface ChosenOffer {
  partyId: number;
  vehicleId: number;
  dealershipId: number | null;
  family: string;
  rank: number;
  probability: number;
  valueRub: number;
  expectedRub: number;
  modelId: number;
  reasons: Reason[];
}

const premiumAt = FEATURES.indexOf("premium_rub");
const openDealsAt = FEATURES.indexOf("open_deals");

/**
 * Every client's best offers in a chunk of cars: each family's probability for each car, a
 * client-level offer (the next car, a credit) made once about the car it is likeliest for, ranked by
 * expected value (probability × value), the best few kept with the top reasons of each.
 */
export function chooseOffers(
  scorers: readonly Scorer[],
  chunk: CarChunk,
): { clients: number; offers: ChosenOffer[] } {
  const nF = FEATURES.length;
  const { rows, x, party } = chunk;
  const margins = scorers.map((s) => {
    const m = new Float64Array(rows);
    marginsInto(s.compiled, x, rows, nF, m);
    return m;
  });
  const offers: ChosenOffer[] = [];
  const candidates: { k: number; row: number; p: number; value: number; ev: number }[] = [];
  let clients = 0;
  for (let start = 0; start < rows; ) {
    let end = start + 1;
    while (end < rows && party[end] === party[start]) end++;
    clients++;
    candidates.length = 0;
    for (let k = 0; k < scorers.length; k++) {
      const s = scorers[k]!;
      let best = -1;
      for (let r = start; r < end; r++) {
        const p = sigmoid(margins[k]![r]!);
        if (p < OFFERS.minProbability || (s.skipsOpenDeals && x[r * nF + openDealsAt]! > 0)) continue;
        const value = offerValue(s.family, x[r * nF + premiumAt]!);
        const c = { k, row: r, p, value, ev: p * value };
        if (s.family.target.match === "vehicle") candidates.push(c);
        else if (best < 0) {
          best = candidates.length;
          candidates.push(c);
        } else if (c.ev > candidates[best]!.ev) candidates[best] = c;
      }
    }
    candidates.sort((a, b) => b.ev - a.ev);
    const kept = Math.min(OFFERS.maxOffers, candidates.length);
    for (let i = 0; i < kept; i++) {
      const c = candidates[i]!;
      const s = scorers[c.k]!;
      const row = x.subarray(c.row * nF, (c.row + 1) * nF);
      offers.push({
        partyId: party[c.row]!,
        vehicleId: chunk.vehicle[c.row]!,
        dealershipId: chunk.dealership[c.row] || null,
        family: s.family.code,
        rank: i + 1,
        probability: Number(c.p.toFixed(5)),
        valueRub: Math.round(c.value),
        expectedRub: Math.round(c.ev),
        modelId: s.modelId,
        reasons: topReasons(FEATURES, contributions(s.compiled, row), row),
      });
    }
    start = end;
  }
  return { clients, offers };
}

const csvJson = (v: unknown) => `"${JSON.stringify(v).replace(/"/g, '""')}"`;

/** The offers as COPY CSV lines of offer_scores (SCORE_COLUMNS' order). */
export function offersCsv(runId: number, offers: readonly ChosenOffer[]): string {
  let out = "";
  for (const o of offers)
    out += `${runId},${o.partyId},${o.vehicleId},${o.dealershipId ?? ""},${o.family},${o.rank},${o.probability},${o.valueRub},${o.expectedRub},${o.modelId},${csvJson(o.reasons)}\n`;
  return out;
}
