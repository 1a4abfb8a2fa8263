import { describe, expect, it } from "vitest";
import type { Family } from "./families";
import { FEATURES } from "./features";
import { compile, type GbdtModel } from "./gbdt/model";
import { type CarChunk, chooseOffers, chooseOffersCsv, reasonsCsv, type Scorer } from "./offerChunk";
import type { Reason } from "./reasons";
import { ScoringPool } from "./scoringPool";

const nF = FEATURES.length;
const at = (f: (typeof FEATURES)[number]) => FEATURES.indexOf(f);

/** A one-split model: the car's mileage above 50,000 km gives `high` log-odds, else `low`. */
function model(low: number, high: number): GbdtModel {
  return {
    kind: "gbdt-logistic",
    features: [...FEATURES],
    base: 0,
    trees: [
      {
        feature: [at("km"), -1, -1],
        threshold: [50_000, 0, 0],
        left: [1, 0, 0],
        right: [2, 0, 0],
        value: [(low + high) / 2, low, high],
      },
    ],
  };
}

function scorer(
  code: string,
  match: "vehicle" | "client",
  valueRub: number,
  low: number,
  high: number,
): Scorer {
  const family = {
    id: 1,
    code,
    target: { source: match === "client" ? "deal" : "work_order", kinds: [], match },
    horizonDays: 60,
    valueRub,
    purpose: "service",
    queue: "service",
    active: true,
  } as unknown as Family;
  return {
    family,
    skipsOpenDeals: match === "client",
    modelId: code.length,
    compiled: compile(model(low, high)),
  };
}

/** Cars as [party, vehicle, km, openDeals]. */
function chunkOf(cars: [number, number, number, number][]): CarChunk {
  const chunk: CarChunk = {
    rows: cars.length,
    x: new Float32Array(cars.length * nF).fill(Number.NaN),
    party: new Int32Array(cars.length),
    vehicle: new Int32Array(cars.length),
    dealership: new Int32Array(cars.length),
  };
  cars.forEach(([party, vehicle, km, open], r) => {
    chunk.party[r] = party;
    chunk.vehicle[r] = vehicle;
    chunk.dealership[r] = party === 1 ? 3 : 0;
    chunk.x[r * nF + at("km")] = km;
    chunk.x[r * nF + at("open_deals")] = open;
  });
  return chunk;
}

const scorers = [
  scorer("maintenance", "vehicle", 10_000, -1, 1), // p 0.27 / 0.73
  scorer("next_car", "client", 100_000, -6, -2), // p 0.0025 / 0.12
  scorer("tyres", "vehicle", 20_000, -5, -3), // p 0.0067 / 0.047
];

describe("choosing each client's best offers", () => {
  const cars = chunkOf([
    [1, 10, 80_000, 0],
    [1, 11, 20_000, 0],
    [2, 20, 90_000, 1],
  ]);

  it("ranks by expected value, makes a client-level offer once, and drops the improbable and the already sold", () => {
    const { clients, offers } = chooseOffers(scorers, cars);
    expect(clients).toBe(2);
    const brief = offers.map((o) => [o.partyId, o.vehicleId, o.family, o.rank]);
    expect(brief).toEqual([
      // Client 1: the next car (0.12 × 100,000) beats maintenance of the high-mileage car (0.73 × 10,000);
      // the next car is offered once, about that car; tyres at 20,000 km fall under the 2% floor.
      [1, 10, "next_car", 1],
      [1, 10, "maintenance", 2],
      [1, 11, "maintenance", 3],
      // Client 2 is in a deal already: no next car; maintenance, then tyres.
      [2, 20, "maintenance", 1],
      [2, 20, "tyres", 2],
    ]);
    expect(offers[0]).toMatchObject({ dealershipId: 3, valueRub: 100_000, expectedRub: 11_920 });
    expect(offers[3]!.dealershipId).toBeNull();
    expect(offers[0]!.reasons.length).toBeGreaterThan(0);
  });

  it("writes them as COPY lines of offer_scores", () => {
    const line = chooseOffersCsv(9, scorers, cars).csv.split("\n")[3];
    expect(line).toMatch(/^9,2,20,,maintenance,1,0\.73106,10000,7311,11,"\[.*\]"$/);
  });

  it("writes reasons as their JSON with the quotes doubled, as JSON.stringify would", () => {
    const viaJson = (v: unknown) => `"${JSON.stringify(v).replace(/"/g, '""')}"`;
    const samples: Reason[][] = [
      [],
      [{ code: "osago_ends_in", params: { days: 12 } }],
      [
        { code: "since_maintenance", params: { months: 14, km: 18_000.5 } },
        { code: "bought_here", params: {} },
        { code: "nps", params: { score: Number.NaN, odd: -0, big: 1e21, tiny: 1.5e-7 } },
      ],
      [{ code: 'quote"d', params: { 'k"ey': Number.POSITIVE_INFINITY } }],
    ];
    for (const reasons of samples) expect(reasonsCsv(reasons)).toBe(viaJson(reasons));
    const line = chooseOffersCsv(9, scorers, cars).csv.split("\n")[0]!;
    const field = line.slice(line.indexOf('"'));
    // What PostgreSQL reads back is the offer's reasons as JSON (a NaN becomes null).
    const reasons = chooseOffers(scorers, cars).offers[0]!.reasons;
    expect(JSON.parse(field.slice(1, -1).replace(/""/g, '"'))).toEqual(JSON.parse(JSON.stringify(reasons)));
  });

  it("scores the same in worker threads as in this one", async () => {
    const pool = new ScoringPool(2, { runId: 9, scorers });
    try {
      const chunks = [chunkOf([[1, 10, 80_000, 0]]), chunkOf([[2, 20, 90_000, 1]])];
      const expected = chunks.map((c) => chooseOffersCsv(9, scorers, c).csv);
      const scored = await Promise.all(chunks.map((c) => pool.score(c)));
      expect(scored.map((s) => s.csv)).toEqual(expected);
      expect(scored.map((s) => s.clients)).toEqual([1, 1]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
