import { type Family, offerValue } from "./families";
import { FEATURES } from "./features";
import { codeModel } from "./gbdt/codegen";
import { type CompiledModel, contributionsInto, sigmoid } from "./gbdt/model";
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
/** The margin below which a probability is under the floor: no need to take its exponent. */
const minMargin = Math.log(OFFERS.minProbability / (1 - OFFERS.minProbability));

/** Where an offer chosen by chooseOffersInto goes: a CSV line or an object, as the caller needs. */
export type OfferSink = (
  scorer: Scorer,
  chunk: CarChunk,
  row: number,
  rank: number,
  probability: number,
  value: number,
) => void;

/**
 * Every client's best offers in a chunk of cars: each family's probability for each car, a
 * client-level offer (the next car, a credit) made once about the car it is likeliest for, ranked by
 * expected value (probability × value), the best few handed to `sink`. Candidates live in typed
 * arrays, not objects: a night's run weighs millions of them. Returns the number of clients.
 */
export function chooseOffersInto(scorers: readonly Scorer[], chunk: CarChunk, sink: OfferSink): number {
  const nF = FEATURES.length;
  const { rows, x, party } = chunk;
  const margins = scorers.map((s) => {
    const m = new Float64Array(rows);
    codeModel(s.compiled).margins(x, rows, nF, m);
    return m;
  });
  let capacity = 64;
  let candScorer = new Int32Array(capacity);
  let candRow = new Int32Array(capacity);
  let candP = new Float64Array(capacity);
  let candValue = new Float64Array(capacity);
  let candEv = new Float64Array(capacity);
  let order = new Int32Array(capacity);
  const room = (n: number) => {
    if (n < capacity) return;
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (len: number) => T)(capacity);
      b.set(a);
      return b;
    };
    candScorer = more(candScorer);
    candRow = more(candRow);
    candP = more(candP);
    candValue = more(candValue);
    candEv = more(candEv);
    order = new Int32Array(capacity);
  };
  let clients = 0;
  for (let start = 0; start < rows; ) {
    let end = start + 1;
    while (end < rows && party[end] === party[start]) end++;
    clients++;
    let n = 0;
    for (let k = 0; k < scorers.length; k++) {
      const s = scorers[k]!;
      const margin = margins[k]!;
      const perCar = s.family.target.match === "vehicle";
      let best = -1;
      for (let r = start; r < end; r++) {
        if (margin[r]! < minMargin || (s.skipsOpenDeals && x[r * nF + openDealsAt]! > 0)) continue;
        const p = sigmoid(margin[r]!);
        if (p < OFFERS.minProbability) continue;
        const value = offerValue(s.family, x[r * nF + premiumAt]!);
        const ev = p * value;
        let at = n;
        if (!perCar && best >= 0) {
          if (ev <= candEv[best]!) continue;
          at = best;
        } else {
          room(n + 1);
          if (!perCar) best = n;
          n++;
        }
        candScorer[at] = k;
        candRow[at] = r;
        candP[at] = p;
        candValue[at] = value;
        candEv[at] = ev;
      }
    }
    // The few candidates of one client, best expected value first (stable, like Array.sort).
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && candEv[order[j - 1]!]! < candEv[i]!) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
    }
    const kept = Math.min(OFFERS.maxOffers, n);
    for (let i = 0; i < kept; i++) {
      const c = order[i]!;
      sink(scorers[candScorer[c]!]!, chunk, candRow[c]!, i + 1, candP[c]!, candValue[c]!);
    }
    start = end;
  }
  return clients;
}

// One buffer for every explanation a thread makes: a night's run explains a million offers.
const shares = new Float64Array(FEATURES.length);

/** The top reasons of the offer the scorer makes for a row of the chunk. */
export function offerReasons(scorer: Scorer, chunk: CarChunk, row: number): Reason[] {
  const nF = FEATURES.length;
  const features = chunk.x.subarray(row * nF, (row + 1) * nF);
  return topReasons(FEATURES, contributionsInto(scorer.compiled, features, shares), features);
}

/** chooseOffersInto, with the offers as objects. */
export function chooseOffers(
  scorers: readonly Scorer[],
  chunk: CarChunk,
): { clients: number; offers: ChosenOffer[] } {
  const offers: ChosenOffer[] = [];
  const clients = chooseOffersInto(scorers, chunk, (s, c, row, rank, p, value) =>
    offers.push({
      partyId: c.party[row]!,
      vehicleId: c.vehicle[row]!,
      dealershipId: c.dealership[row] || null,
      family: s.family.code,
      rank,
      probability: Number(p.toFixed(5)),
      valueRub: Math.round(value),
      expectedRub: Math.round(p * value),
      modelId: s.modelId,
      reasons: offerReasons(s, c, row),
    }),
  );
  return { clients, offers };
}

const quoted = new Map<string, string>();
/** A JSON string with its quotes doubled for a CSV field; the few codes and names are done once. */
function csvQuoted(s: string): string {
  let q = quoted.get(s);
  if (q === undefined) {
    q = JSON.stringify(s).replace(/"/g, '""');
    quoted.set(s, q);
  }
  return q;
}

/**
 * Reasons as a CSV field holding their JSON, the very text JSON.stringify would give with its quotes
 * doubled, written straight: a night's run writes a million of them.
 */
export function reasonsCsv(reasons: readonly Reason[]): string {
  let out = '"[';
  for (let i = 0; i < reasons.length; i++) {
    const r = reasons[i]!;
    out += `${i ? "," : ""}{""code"":${csvQuoted(r.code)},""params"":{`;
    let first = true;
    for (const key in r.params) {
      const v = r.params[key]!;
      out += `${first ? "" : ","}${csvQuoted(key)}:${Number.isFinite(v) ? String(v) : "null"}`;
      first = false;
    }
    out += "}}";
  }
  return `${out}]"`;
}

/** A chunk's offers as COPY CSV lines of offer_scores (SCORE_COLUMNS' order), with no object per offer. */
export function chooseOffersCsv(
  runId: number,
  scorers: readonly Scorer[],
  chunk: CarChunk,
): { clients: number; offers: number; csv: string } {
  const lines: string[] = [];
  const clients = chooseOffersInto(scorers, chunk, (s, c, row, rank, p, value) => {
    lines.push(
      `${runId},${c.party[row]},${c.vehicle[row]},${c.dealership[row] || ""},${s.family.code},${rank},${Number(p.toFixed(5))},${Math.round(value)},${Math.round(p * value)},${s.modelId},${reasonsCsv(offerReasons(s, c, row))}\n`,
    );
  });
  return { clients, offers: lines.length, csv: lines.join("") };
}
