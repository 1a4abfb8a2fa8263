import { dayToIso } from "../dates";
import type { Rng } from "../random";
import { moment } from "../world";
import { type ClientStory, call, interaction, rub } from "./context";
import type { OwnedCar } from "./garage";

/**
 * What a client is like, unseen by Orbit but driving what they do, so that their history says something
 * about their future the way a real client's does: a loyal client keeps servicing at the dealership,
 * renews insurance there, changes tyres there and buys the extended warranty; a client inclined to
 * change cars browses the site for weeks before buying the next one, sooner the more they drive.
 * Drawn from the client's own fork, so adding them reshuffles no other draw.
 */
export interface Traits {
  /** 0..1: how much of the car's life the client brings to the group. */
  loyalty: number;
  /** 0..1: appetite for the next car. */
  upgrade: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function drawTraits(rng: Rng): Traits {
  const r = rng.fork("traits");
  return { loyalty: clamp01(r.normal(0.55, 0.25)), upgrade: clamp01(r.normal(0.35, 0.25)) };
}

/** How a client keeps the maintenance schedule: skipped visits, and when they stop coming. */
export function visitHabits(t: Traits) {
  return {
    skipShare: 0.22 - 0.18 * t.loyalty,
    stopShare: { underWarranty: 0.08 - 0.07 * t.loyalty, after: 0.35 - 0.3 * t.loyalty },
  };
}

/** The chance to renew a policy at the dealership, from the base rate of its kind. */
export const renewalChance = (t: Traits, base: number) => Math.min(0.97, base * (0.35 + 1.1 * t.loyalty));

export const tyreClientChance = (t: Traits) => 0.08 + 0.5 * t.loyalty;

/**
 * The day a client buys their next car from the group, or null: each year of ownership from the second
 * on carries a chance that grows with the years, the client's appetite and the car's mileage.
 */
export function nextCarDay(c: ClientStory, car: OwnedCar, t: Traits): number | null {
  const r = c.rng.fork(`next-car/${car.vehicleId}`);
  const drives = Math.min(2, car.profile.kmPerYear / 20_000);
  for (let year = 1; year <= 8; year++) {
    const hazard = year < 2 ? 0.02 : t.upgrade * (0.12 + 0.08 * (year - 2)) * (0.6 + 0.4 * drives);
    if (r.chance(hazard)) {
      const day = car.from + (year - 1) * 365 + r.int(0, 364);
      return day < c.w.today ? day : null;
    }
  }
  return null;
}

/**
 * The weeks before buying a car: views of cars of the class the client wants, the trade-in and credit
 * pages. What the digital-footprint features see coming.
 */
export function shoppingFootprint(c: ClientStory, buyDay: number): void {
  const r = c.rng.fork(`shopping/${buyDay}`);
  const visitor = `v-${c.partyId}-s${buyDay}`;
  const start = buyDay - r.int(15, 80);
  c.w.add("visitors", [visitor, c.partyId, moment(start, 1200), moment(start, 1200)]);
  const views = r.int(3, 12);
  for (let k = 0; k < views; k++) {
    const day = r.int(start, buyDay - 1);
    if (day >= c.w.today) continue;
    const page = k % 4 === 3 ? r.pick(["/trade-in", "/credit", "/used"]) : null;
    c.w.add("web_events", [
      `demo-${c.partyId}-s${buyDay}-${k}`,
      "site",
      page ? "page_view" : "car_view",
      moment(day, r.int(18 * 60, 23 * 60)),
      visitor,
      c.partyId,
      JSON.stringify(page ? { page } : { segment: r.pick(["crossover", "suv", "sedan"]), model: "" }),
    ]);
  }
}

/**
 * Near the end of the factory warranty a loyal owner still driving the car buys the dealership's
 * extended warranty (a deal of its own, sold by F&I).
 */
export function extendedWarranty(c: ClientStory, car: OwnedCar, t: Traits, warrantyEnd: number): void {
  const r = c.rng.fork(`warranty/${car.vehicleId}`);
  const day = warrantyEnd - r.int(5, 80);
  if (day > c.w.today || day <= car.from || (car.to !== null && car.to <= day)) return;
  if (!r.chance(0.03 + 0.45 * t.loyalty * t.loyalty)) return;
  const fi = c.w.staff(c.home.id, "fi_specialist", r.next());
  const dealId = c.w.nextId("deal");
  c.w.add("deals", [
    dealId,
    c.home.id,
    c.partyId,
    "extended_warranty",
    "won",
    "call",
    fi,
    car.vehicleId,
    null,
    rub(r.int(25, 65) * 1000),
    moment(day - r.int(1, 10), r.int(10 * 60, 18 * 60)),
    moment(day, r.int(10 * 60, 18 * 60)),
    dayToIso(day),
    null,
  ]);
  call(c, day - 1, "out", c.home.id, fi, "Продление гарантии", {
    vehicleId: car.vehicleId,
    outcome: "reached",
  });
  interaction(c.w, {
    partyId: c.partyId,
    day,
    minute: r.int(10 * 60, 18 * 60),
    channel: "visit",
    direction: "in",
    dealershipId: c.home.id,
    userId: fi,
    subject: "Оформление продлённой гарантии",
    refType: "deal",
    refId: dealId,
    vehicleId: car.vehicleId,
  });
}
