import { segmentOf } from "../../engagement/segments";
import type { Matcher } from "../../identity/matching.service";
import { dayToIso } from "../dates";
import { generatePerson } from "../people";
import type { Rng } from "../random";
import { typeAsStaff } from "../staffTyping";
import { typedPersonInput } from "../typedToInput";
import type { DemoWorld, WorldDealership } from "../world";
import { closeCard, dmsOf, openCard, type PendingCard } from "./card";
import { everydayContacts } from "./contacts";
import type { ClientStory } from "./context";
import { acquireCar, type OwnedCar, recordOwnership, warrantyEndOf } from "./garage";
import { purchase, unclosedDeal } from "./sales";
import { serviceHistory } from "./service";
import { drawTraits, extendedWarranty, nextCarDay, shoppingFootprint, tyreClientChance } from "./traits";

export interface StoryResult {
  cards: PendingCard[];
}

const FIVE_YEARS = 5 * 365;

/**
 * A private client's five years with the group: bought a car here (maybe with a trade-in, credit and
 * insurance, maybe a second one later) or came only for service with a car bought elsewhere; serviced
 * it, sometimes at another dealership of the city, which then typed them in as a new client.
 */
export function personStory(
  w: DemoWorld,
  matcher: Matcher,
  rng: Rng,
  index: number,
  home: WorldDealership,
): StoryResult {
  const city = home.city;
  const person = generatePerson(rng, {
    asOf: dayToIso(w.today),
    city,
    index,
    isEmailTaken: (e) => w.isEmailTaken(e),
  });
  if (person.email) w.takeEmail(person.email);
  const partyId = w.nextId("party");
  const firstDay = rng.int(w.today - FIVE_YEARS, w.today - 7);
  const c: ClientStory = {
    w,
    rng,
    partyId,
    kind: "person",
    home,
    firstDay,
    activity: [],
    purchases: 0,
    consent: { calls: rng.chance(0.92), sms: rng.chance(0.62), email: rng.chance(0.45) },
    hasEmail: false,
    duplicates: new Map(),
    premium: false,
    traits: drawTraits(rng),
  };
  const typed = (r: Rng) => {
    const input = typedPersonInput(typeAsStaff(person, r).record);
    if (person.driverLicence && r.chance(0.3)) input.driverLicence = person.driverLicence.number;
    return input;
  };
  const consentFor = c.consent;
  const main = openCard(w, matcher, {
    partyId,
    input: typed(rng),
    sourceSystem: dmsOf(home.code),
    sourceKey: `${home.code}-${index}`,
    dealershipId: home.id,
    day: firstDay,
    consent: consentFor,
  });
  c.hasEmail = main.record.emails.length > 0;
  const cards: PendingCard[] = [main];

  const sameCity = w.dealerships.filter((d) => d.city === city && d.id !== home.id);
  // The duplicate card another dealership makes the first time the client turns up there (half the time
  // staff find the client; the other half they type them in anew).
  const cardAt = (d: WorldDealership, day: number): number => {
    if (d.id === home.id) return partyId;
    const existing = c.duplicates.get(d.id);
    if (existing !== undefined) return existing;
    if (!rng.chance(0.5)) {
      c.duplicates.set(d.id, partyId);
      return partyId;
    }
    const dupeId = w.nextId("party");
    c.duplicates.set(d.id, dupeId);
    const r = rng.fork(`dupe/${d.id}`);
    const input = typed(r);
    // Some clients changed their number since, and the other dealership did not ask for the birth date:
    // these are the uncertain pairs an employee decides in the review queue.
    if (r.chance(0.3)) {
      input.phones = [`+79${String(r.int(0, 999_999_999)).padStart(9, "0")}`];
      if (r.chance(0.6)) delete input.birthDate;
    }
    cards.push(
      openCard(w, matcher, {
        partyId: dupeId,
        input,
        sourceSystem: dmsOf(d.code),
        sourceKey: `${d.code}-D${index}`,
        dealershipId: d.id,
        day,
        consent: consentFor,
      }),
    );
    return dupeId;
  };

  const cars: OwnedCar[] = [];
  const source = dmsOf(home.code);
  // Each car may be followed by the next, bought here with the old one in trade-in after weeks of browsing.
  const nextCars = (from: OwnedCar) => {
    let car = from;
    for (let n = 0; n < 3; n++) {
      const day = nextCarDay(c, car, c.traits);
      if (day === null || day <= car.from) return;
      shoppingFootprint(c, day);
      car = purchase(c, {
        day,
        condition: "new",
        residence: person.residence,
        tradeIn: car,
        sourceSystem: source,
      });
      cars.push(car);
    }
  };
  if (home.sells && rng.chance(0.6)) {
    const buyDay = Math.min(w.today - 1, firstDay + rng.int(3, 40));
    let tradeIn: OwnedCar | undefined;
    if (rng.chance(0.25)) {
      tradeIn = acquireCar(c, {
        registeredDay: buyDay - rng.int(3, 9) * 365,
        residence: person.residence,
        ownerPartyId: partyId,
        from: buyDay - rng.int(2, 6) * 365,
        sourceSystem: source,
      });
      cars.push(tradeIn);
    }
    const first = purchase(c, {
      day: buyDay,
      condition: rng.chance(0.75) ? "new" : "used",
      residence: person.residence,
      ...(tradeIn ? { tradeIn } : {}),
      sourceSystem: source,
    });
    cars.push(first);
    nextCars(first);
  } else {
    const own = acquireCar(c, {
      registeredDay: firstDay - rng.int(0, 8) * 365 - rng.int(0, 300),
      residence: person.residence,
      ownerPartyId: partyId,
      from: firstDay - rng.int(0, 200),
      sourceSystem: source,
    });
    cars.push(own);
    // A service client may buy their next car here too, with their own car in trade-in.
    if (home.sells) nextCars(own);
  }
  if (rng.chance(0.12)) unclosedDeal(c, rng.int(firstDay, w.today - 1), false);
  if (home.sells && w.today - firstDay < 60 && rng.chance(0.3))
    unclosedDeal(c, rng.int(firstDay, w.today), true);

  const tyres = rng.chance(tyreClientChance(c.traits));
  for (const car of cars) {
    if (car.from >= firstDay) extendedWarranty(c, car, c.traits, warrantyEndOf(car));
    const before = new Set(c.duplicates.values());
    serviceHistory(c, car, { usual: home, others: sameCity, tyres, since: firstDay, cardAt });
    recordOwnership(c, car, source);
    // A duplicate card made while this car was serviced owns the car in that dealership's DMS.
    for (const [dealershipId, dupeId] of c.duplicates) {
      if (dupeId !== partyId && !before.has(dupeId)) {
        const d = w.dealerships.find((x) => x.id === dealershipId);
        recordOwnership(c, { ...car, ownerPartyId: dupeId }, dmsOf(d?.code ?? home.code));
      }
    }
    if (car.model.comfort === "premium" || car.model.comfort === "business") c.premium = true;
  }
  everydayContacts(c, cars);

  const blocked = rng.chance(0.015);
  const segment = segmentOf({
    today: w.today,
    firstContactDay: firstDay,
    activityDays: c.activity,
    purchases: c.purchases,
    blocked,
  });
  const manager = c.premium ? w.personalManager(home.id) : null;
  closeCard(w, main, { segment, blocked, personalManagerId: manager, homeDealershipId: home.id });
  for (const dupe of cards.slice(1)) {
    closeCard(w, dupe, {
      segment,
      blocked: false,
      personalManagerId: null,
      homeDealershipId: dupe.req.dealershipId,
    });
  }
  return { cards };
}
