import type { CardVehicle } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { type OfferFacts, ruleOffers } from "./ruleOffers";

const car = (over: Partial<CardVehicle> = {}): CardVehicle => ({
  id: 1,
  vin: "XTA21099011234567",
  plate: "А123ВС77",
  make: "Lada",
  model: "Vesta",
  year: 2023,
  color: null,
  role: "owner",
  ownedFrom: "2023-05-01",
  ownedTo: null,
  warrantyUntil: "2026-05-01",
  firstRegisteredOn: "2023-05-01",
  mileage: { km: 40_000, kmPerYear: 18_000, basis: "readings", lastReading: null },
  ...over,
});
const facts = (over: Partial<OfferFacts>): OfferFacts => ({
  today: "2026-06-15",
  blocked: false,
  vehicles: [car()],
  workOrders: [],
  insurance: [],
  credits: [],
  openDeals: 0,
  ...over,
});
const families = (f: OfferFacts) => ruleOffers(f).map((o) => `${o.family}:${o.reason.code}`);

describe("ruleOffers", () => {
  it("invites to maintenance when the estimated mileage reaches the interval", () => {
    const f = facts({
      workOrders: [
        {
          vehicleId: 1,
          kind: "maintenance",
          status: "delivered",
          openedAt: "2026-03-01T09:00:00Z",
          mileageKm: 26_000,
        },
      ],
    });
    expect(families(f)).toContain("maintenance:maintenance_due_km");
    const [m] = ruleOffers(f);
    expect(m?.reason.params).toMatchObject({ km: 40_000, sinceKm: 14_000 });
  });

  it("invites by time when a car drives little but a year has passed", () => {
    const f = facts({
      vehicles: [car({ mileage: { km: 5_000, kmPerYear: 4_000, basis: "readings", lastReading: null } })],
      workOrders: [
        {
          vehicleId: 1,
          kind: "maintenance",
          status: "delivered",
          openedAt: "2025-06-20T09:00:00Z",
          mileageKm: 1_000,
        },
      ],
    });
    expect(families(f)).toContain("maintenance:maintenance_due_time");
  });

  it("offers a renewal before OSAGO ends, not when a newer policy covers the car", () => {
    const ending = { kind: "osago" as const, vehicleId: 1, endsOn: "2026-07-10", premiumRub: 9_000 };
    expect(families(facts({ insurance: [ending] }))).toContain("insurance_renewal:osago_ends");
    const renewed = { ...ending, endsOn: "2027-07-10" };
    expect(families(facts({ insurance: [ending, renewed] }))).not.toContain("insurance_renewal:osago_ends");
  });

  it("offers trade-in in the fourth year of ownership unless a deal is open", () => {
    const f = facts({ vehicles: [car({ ownedFrom: "2023-03-01" })] });
    expect(families(f)).toContain("trade_in:trade_in_year");
    expect(families({ ...f, openDeals: 1 })).not.toContain("trade_in:trade_in_year");
  });

  it("offers nothing to a client who asked not to be contacted", () => {
    expect(
      ruleOffers(
        facts({
          blocked: true,
          insurance: [{ kind: "kasko", vehicleId: 1, endsOn: "2026-06-20", premiumRub: 50_000 }],
        }),
      ),
    ).toEqual([]);
  });

  it("puts what is due first, and the more valuable of two due the same day", () => {
    const f = facts({
      vehicles: [car({ warrantyUntil: "2026-08-01" })],
      insurance: [{ kind: "kasko", vehicleId: 1, endsOn: "2026-06-25", premiumRub: 50_000 }],
      credits: [{ bank: "ВТБ", endsOn: "2026-09-01" }],
    });
    expect(families(f)).toEqual([
      "insurance_renewal:kasko_ends",
      "maintenance:maintenance_due_km",
      "extended_warranty:warranty_ends",
      "trade_in:trade_in_year",
      "credit_end:credit_ends",
    ]);
  });
});
