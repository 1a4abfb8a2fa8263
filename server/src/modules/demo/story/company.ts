import { segmentOf } from "../../engagement/segments";
import type { Matcher } from "../../identity/matching.service";
import { generateCompany } from "../companies";
import { dayToIso } from "../dates";
import type { Rng } from "../random";
import { typeAsStaff } from "../staffTyping";
import { typedCompanyInput, typedPersonInput } from "../typedToInput";
import type { DemoWorld, WorldDealership } from "../world";
import { closeCard, dmsOf, openCard, type PendingCard } from "./card";
import type { ClientStory } from "./context";
import { recordOwnership } from "./garage";
import type { StoryResult } from "./person";
import { purchase } from "./sales";
import { serviceHistory } from "./service";
import { drawTraits } from "./traits";

/** Fleets in the demo stay small enough to read on a card. */
const MAX_FLEET = 12;

/**
 * A corporate client: the company, the people the dealer talks to there (each a client of their own,
 * linked as contact persons), and its fleet, bought and serviced at its home dealership.
 */
export function companyStory(
  w: DemoWorld,
  matcher: Matcher,
  rng: Rng,
  index: number,
  home: WorldDealership,
): StoryResult {
  const company = generateCompany(rng, { asOf: dayToIso(w.today), city: home.city });
  const partyId = w.nextId("party");
  const firstDay = rng.int(w.today - 5 * 365, w.today - 30);
  const source = dmsOf(home.code);
  const c: ClientStory = {
    w,
    rng,
    partyId,
    kind: "company",
    home,
    firstDay,
    activity: [],
    purchases: 0,
    consent: { calls: true, sms: rng.chance(0.4), email: rng.chance(0.6) },
    hasEmail: true,
    duplicates: new Map(),
    premium: true,
    traits: drawTraits(rng),
  };
  const card = openCard(w, matcher, {
    partyId,
    input: typedCompanyInput(company, rng),
    sourceSystem: source,
    sourceKey: `${home.code}-ORG-${10_000 + index}`,
    dealershipId: home.id,
    day: firstDay,
    consent: c.consent,
  });
  const cards: PendingCard[] = [card];

  for (const contact of company.contacts) {
    const personId = w.nextId("party");
    const personCard = openCard(w, matcher, {
      partyId: personId,
      input: typedPersonInput(typeAsStaff(contact.person, rng).record),
      sourceSystem: source,
      sourceKey: `${home.code}-ORG-${10_000 + index}-${personId}`,
      dealershipId: home.id,
      day: firstDay,
      consent: { calls: true, sms: false, email: true },
    });
    cards.push(personCard);
    w.add("party_relationships", [
      personId,
      partyId,
      "contact_person_of",
      contact.position,
      dayToIso(firstDay),
      source,
    ]);
    w.add("party_roles", [personId, "contact_person", home.id, dayToIso(firstDay)]);
  }

  const fleet = Math.min(MAX_FLEET, company.fleetSize);
  for (let k = 0; k < fleet; k++) {
    const day = Math.min(w.today - 1, rng.int(firstDay, firstDay + 3 * 365));
    if (!home.sells) break;
    const car = purchase(c, {
      day,
      condition: rng.chance(0.85) ? "new" : "used",
      residence: company.residence,
      sourceSystem: source,
      fleet: true,
    });
    serviceHistory(c, car, {
      usual: home,
      others: [],
      tyres: rng.chance(0.6),
      since: firstDay,
      cardAt: () => partyId,
    });
    recordOwnership(c, car, source);
  }

  const segment = segmentOf({
    today: w.today,
    firstContactDay: firstDay,
    activityDays: c.activity,
    purchases: c.purchases,
    blocked: false,
  });
  const manager = w.personalManager(home.id);
  closeCard(w, card, { segment, blocked: false, personalManagerId: manager, homeDealershipId: home.id });
  for (const person of cards.slice(1)) {
    closeCard(w, person, {
      segment: "active",
      blocked: false,
      personalManagerId: manager,
      homeDealershipId: home.id,
    });
  }
  return { cards };
}
