import { Needs, type NeedsInput } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { affordability, type Candidate, priceCeiling, rankMatches, scoreVehicle } from "./matching";

let nextId = 1;
function car(over: Partial<Candidate>): Candidate {
  return {
    id: nextId++,
    dealershipId: 1,
    dealershipName: "Орбита Haval Алтуфьево",
    city: "Москва",
    vin: `XW8ZZZ${String(nextId).padStart(11, "0")}`,
    make: "Haval",
    model: "Jolion",
    trim: null,
    year: 2026,
    condition: "new",
    status: "in_stock",
    bodyType: "crossover",
    seats: 5,
    drive: "fwd",
    fuel: "petrol",
    groundClearanceMm: 180,
    comfortClass: "comfort",
    color: null,
    mileageKm: 0,
    priceRub: 2_500_000,
    arrivedOn: "2026-10-01",
    soldOn: null,
    reservedByDealId: null,
    ...over,
  };
}

const needs = (n: NeedsInput) => Needs.parse(n);

// The client came in asking for a Mercedes GLE: what they need is a five-seat AWD crossover with clearance,
// business comfort, about 90,000 a month after their old car.
const gleNeeds = needs({
  bodyTypes: ["crossover", "suv"],
  minSeats: 5,
  awd: true,
  minClearanceMm: 200,
  comfort: "business",
  monthlyRub: 90_000,
  downPaymentRub: 500_000,
  tradeInRub: 1_200_000,
  termMonths: 60,
  ratePct: 16,
  city: "Москва",
});

describe("matching stock to needs", () => {
  const tank = car({
    make: "Tank",
    model: "500",
    bodyType: "suv",
    seats: 7,
    drive: "awd",
    groundClearanceMm: 224,
    comfortClass: "business",
    priceRub: 5_200_000,
  });
  const cruiser = car({
    make: "Toyota",
    model: "Land Cruiser Prado",
    condition: "used",
    year: 2021,
    mileageKm: 64_000,
    bodyType: "suv",
    drive: "awd",
    groundClearanceMm: 215,
    comfortClass: "business",
    priceRub: 4_900_000,
    dealershipId: 5,
    dealershipName: "Орбита Пулково",
    city: "Санкт-Петербург",
  });
  const jolion = car({ model: "Jolion", priceRub: 2_300_000 });
  const sedan = car({
    make: "Kia",
    model: "K5",
    bodyType: "sedan",
    comfortClass: "business",
    drive: "fwd",
    groundClearanceMm: 155,
    priceRub: 3_500_000,
  });
  const threeSeat = car({ make: "Lada", model: "Largus", bodyType: "van", seats: 2, priceRub: 1_500_000 });
  const tooDear = car({
    make: "Lexus",
    model: "LX",
    bodyType: "suv",
    drive: "awd",
    groundClearanceMm: 230,
    comfortClass: "premium",
    priceRub: 17_000_000,
  });
  const sold = car({
    make: "Tank",
    model: "300",
    status: "sold",
    bodyType: "suv",
    drive: "awd",
    groundClearanceMm: 224,
    comfortClass: "business",
  });

  it("ranks any brand, new or used, by fit; rules out what cannot do (seats, budget, sold)", () => {
    const { considered, matches } = rankMatches(
      gleNeeds,
      [sedan, jolion, tooDear, threeSeat, cruiser, sold, tank],
      10,
    );
    expect(considered).toBe(7);
    const names = matches.map((m) => m.vehicle.model);
    expect(names.slice(0, 2)).toEqual(["500", "Land Cruiser Prado"]);
    expect(names).not.toContain("LX");
    expect(names).not.toContain("Largus");
    expect(names).not.toContain("300");
    expect(names.indexOf("K5")).toBeGreaterThan(names.indexOf("Jolion"));
  });

  it("says why a car fits and where it falls short", () => {
    const m = scoreVehicle(gleNeeds, cruiser, { city: "Москва" })!;
    const codes = m.reasons.map((r) => `${r.code}:${r.fits}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "body:true",
        "seats:true",
        "awd:true",
        "clearance:true",
        "comfort:true",
        "monthly:true",
        "tradeIn:true",
        "otherCity:false",
        "used:true",
      ]),
    );
    const j = scoreVehicle(gleNeeds, jolion, { city: "Москва" })!;
    expect(j.reasons.map((r) => `${r.code}:${r.fits}`)).toEqual(
      expect.arrayContaining(["noAwd:false", "clearanceLow:false", "comfortLow:false", "sameCity:true"]),
    );
    expect(j.score).toBeLessThan(m.score);
  });

  it("counts the trade-in and the down payment before the monthly payment", () => {
    const a = affordability(gleNeeds, 520_000_000);
    // 5,200,000 − 1,200,000 − 500,000 = 3,500,000 at 16% over 60 months.
    expect(a.monthlyKopecks).toBe(8_511_320);
    expect(a.overShare).toBe(0);
    const noTradeIn = affordability({ ...gleNeeds, tradeInRub: 0 }, 520_000_000);
    expect(noTradeIn.overShare).toBeGreaterThan(0.1);
  });

  it("keeps a car a little over budget, lower, and says by how much", () => {
    const cash = needs({ budgetRub: 2_000_000 });
    const near = scoreVehicle(cash, car({ priceRub: 2_150_000 }), {})!;
    const within = scoreVehicle(cash, car({ priceRub: 1_900_000 }), {})!;
    expect(near.reasons).toContainEqual({ code: "overBudget", fits: false, params: { percent: 8 } });
    expect(within.reasons).toContainEqual({ code: "budget", fits: true, params: { headroom: 100_000 } });
    expect(near.score).toBeLessThan(within.score);
    expect(scoreVehicle(cash, car({ priceRub: 2_300_000 }), {})).toBeNull();
  });

  it("prefers the client's own dealership, then the city, and a car in stock over one on its way", () => {
    const here = car({ dealershipId: 3 });
    const town = car({ dealershipId: 4 });
    const away = car({ dealershipId: 5, city: "Санкт-Петербург" });
    const coming = car({ dealershipId: 3, status: "in_transit" });
    const n = needs({ dealershipId: 3, city: "Москва" });
    const order = rankMatches(n, [away, coming, town, here], 10).matches.map((m) => m.vehicle.id);
    expect(order[0]).toBe(here.id);
    expect(order[3]).toBe(away.id);
    const score = (c: Candidate) => scoreVehicle(n, c, { dealershipId: 3, city: "Москва" })!.score;
    expect(score(coming)).toBeLessThan(score(here));
    expect(score(town)).toBeLessThan(score(here));
  });

  it("lets the database leave out only cars the money cannot reach", () => {
    expect(priceCeiling(needs({}))).toBeNull();
    for (const n of [
      gleNeeds,
      needs({ budgetRub: 2_000_000, tradeInRub: 300_000 }),
      needs({ monthlyRub: 40_000, budgetRub: 3_000_000 }),
    ]) {
      const ceiling = priceCeiling(n)!;
      const kept = (kopecks: number) => scoreVehicle(n, car({ priceRub: kopecks / 100 }), {}) !== null;
      // The dearest car the scoring keeps, found by halving: it is under the ceiling, and close to it.
      let lo = 100;
      let hi = ceiling * 2;
      while (hi - lo > 100) {
        const mid = Math.floor((lo + hi) / 2);
        if (kept(mid)) lo = mid;
        else hi = mid;
      }
      expect(lo).toBeLessThanOrEqual(ceiling);
      expect(ceiling - lo).toBeLessThan(ceiling * 0.001);
    }
  });

  it("asks nothing of what the client did not say", () => {
    const m = scoreVehicle(needs({}), car({}), {})!;
    expect(m.score).toBe(100);
    expect(m.reasons).toEqual([]);
  });

  it("holds to new or used and to mileage", () => {
    const used = car({ condition: "used", mileageKm: 120_000 });
    expect(scoreVehicle(needs({ condition: "new" }), used, {})).toBeNull();
    expect(scoreVehicle(needs({ maxMileageKm: 100_000 }), used, {})).toBeNull();
    expect(scoreVehicle(needs({ condition: "used", maxMileageKm: 150_000 }), used, {})).not.toBeNull();
  });
});
