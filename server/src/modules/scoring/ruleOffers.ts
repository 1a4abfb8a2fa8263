import type { CardVehicle, CardWorkOrder, Offer } from "@orbit/contracts";

/** What the rules look at: the parts of the client card they need. */
export interface OfferFacts {
  today: string;
  blocked: boolean;
  vehicles: readonly CardVehicle[];
  workOrders: readonly Pick<CardWorkOrder, "vehicleId" | "kind" | "status" | "openedAt" | "mileageKm">[];
  insurance: readonly {
    kind: "osago" | "kasko";
    vehicleId: number | null;
    endsOn: string;
    premiumRub: number;
  }[];
  credits: readonly { bank: string; endsOn: string }[];
  openDeals: number;
}

/**
 * The contact standards' rules, as the sources describe them: maintenance by time or estimated mileage,
 * OSAGO/KASKO renewal before expiry, the end of a credit, the end of the warranty, seasonal tyres, and
 * a trade-in offer in the fourth year of ownership. Until the predictive model knows better (or for a
 * client it cannot score) these are the offers, and each says why.
 */
export const OFFER_RULES = {
  maintenanceKm: 15_000,
  maintenanceMonths: 12,
  /** Invite this much before the interval runs out, by km or by time. */
  maintenanceLeadKm: 1_500,
  maintenanceLeadDays: 30,
  renewalLeadDays: 45,
  renewalGraceDays: 30,
  creditLeadDays: 120,
  warrantyLeadDays: 90,
  tradeInFromYears: 3,
  tradeInToYears: 6,
  value: {
    maintenance: 15_000,
    tyres: 4_500,
    extended_warranty: 45_000,
    trade_in: 250_000,
    credit_end: 200_000,
  },
} as const;

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * DAY).toISOString().slice(0, 10);
const carOf = (v: CardVehicle) => [v.make, v.model].filter(Boolean).join(" ") || v.vin || "";

export function ruleOffers(f: OfferFacts, rules = OFFER_RULES): Offer[] {
  if (f.blocked) return [];
  const offers: Offer[] = [];
  const month = Number(f.today.slice(5, 7));
  const current = f.vehicles.filter((v) => v.ownedTo === null);
  for (const v of current) {
    const done = f.workOrders
      .filter((w) => w.vehicleId === v.id && w.status === "delivered")
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    const lastService = done.find((w) => w.kind === "maintenance");
    const since = lastService ? lastService.openedAt.slice(0, 10) : (v.firstRegisteredOn ?? v.ownedFrom);
    const sinceKm = lastService?.mileageKm ?? 0;
    const kmLeft = sinceKm + rules.maintenanceKm - v.mileage.km;
    const daysLeft = daysBetween(f.today, addDays(since, Math.round(rules.maintenanceMonths * 30.44)));
    if (kmLeft <= rules.maintenanceLeadKm || daysLeft <= rules.maintenanceLeadDays) {
      const byKm = kmLeft <= rules.maintenanceLeadKm;
      offers.push({
        family: "maintenance",
        vehicleId: v.id,
        reason: {
          code: byKm ? "maintenance_due_km" : "maintenance_due_time",
          params: { car: carOf(v), km: v.mileage.km, sinceKm: v.mileage.km - sinceKm, since },
        },
        dueOn: byKm ? f.today : addDays(f.today, Math.max(0, daysLeft)),
        expectedValueRub: rules.value.maintenance,
        probability: null,
        source: "rules",
      });
    }
    if (v.warrantyUntil) {
      const left = daysBetween(f.today, v.warrantyUntil);
      if (left >= 0 && left <= rules.warrantyLeadDays) {
        offers.push({
          family: "extended_warranty",
          vehicleId: v.id,
          reason: { code: "warranty_ends", params: { car: carOf(v), on: v.warrantyUntil } },
          dueOn: v.warrantyUntil,
          expectedValueRub: rules.value.extended_warranty,
          probability: null,
          source: "rules",
        });
      }
    }
    const ownedYears = daysBetween(v.ownedFrom, f.today) / 365.25;
    if (f.openDeals === 0 && ownedYears >= rules.tradeInFromYears && ownedYears < rules.tradeInToYears) {
      offers.push({
        family: "trade_in",
        vehicleId: v.id,
        reason: { code: "trade_in_year", params: { car: carOf(v), years: Math.floor(ownedYears) + 1 } },
        dueOn: null,
        expectedValueRub: rules.value.trade_in,
        probability: null,
        source: "rules",
      });
    }
    const tyreSeason = month === 3 || month === 4 || month === 10 || month === 11;
    const changed = done.some(
      (w) => w.kind === "tyres" && daysBetween(w.openedAt.slice(0, 10), f.today) < 120,
    );
    if (tyreSeason && !changed) {
      offers.push({
        family: "tyres",
        vehicleId: v.id,
        reason: { code: month <= 4 ? "tyres_summer" : "tyres_winter", params: { car: carOf(v) } },
        dueOn: null,
        expectedValueRub: rules.value.tyres,
        probability: null,
        source: "rules",
      });
    }
  }
  // The newest policy of each kind per car says whether the car is covered now.
  const latest = new Map<string, OfferFacts["insurance"][number]>();
  for (const p of f.insurance) {
    const key = `${p.kind}:${p.vehicleId}`;
    const seen = latest.get(key);
    if (!seen || p.endsOn > seen.endsOn) latest.set(key, p);
  }
  for (const p of latest.values()) {
    const left = daysBetween(f.today, p.endsOn);
    const car = current.find((v) => v.id === p.vehicleId);
    if (!car || left > rules.renewalLeadDays || left < -rules.renewalGraceDays) continue;
    offers.push({
      family: "insurance_renewal",
      vehicleId: car.id,
      reason: {
        code: left >= 0 ? `${p.kind}_ends` : `${p.kind}_ended`,
        params: { car: carOf(car), on: p.endsOn },
      },
      // Two weeks before the end, or now if that is past.
      dueOn: [addDays(p.endsOn, -14), f.today].sort().at(-1) ?? f.today,
      expectedValueRub: Math.round(p.premiumRub),
      probability: null,
      source: "rules",
    });
  }
  for (const c of f.credits) {
    const left = daysBetween(f.today, c.endsOn);
    if (left >= 0 && left <= rules.creditLeadDays) {
      offers.push({
        family: "credit_end",
        vehicleId: null,
        reason: { code: "credit_ends", params: { bank: c.bank, on: c.endsOn } },
        dueOn: null,
        expectedValueRub: rules.value.credit_end,
        probability: null,
        source: "rules",
      });
    }
  }
  // Most urgent first; without a date, the more valuable first.
  return offers.sort(
    (a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || b.expectedValueRub - a.expectedValueRub,
  );
}
