import type { ClientCard } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { dealsSection, productsSection, toDeals, toProducts } from "../deals/cardSection";
import { timelineSection, toTimeline } from "../engagement/cardSection";
import { identitySection, toIdentity } from "../identity/cardSection";
import { type LoyaltyJson, loyaltySection, toLoyalty } from "../loyalty/cardSection";
import { type ModelOffersJson, mergeOffers, modelOffersSection } from "../scoring/cardSection";
import { ruleOffers } from "../scoring/ruleOffers";
import { serviceTotalsSection, toWorkOrders, workOrdersSection } from "../service/cardSection";
import {
  type LifecyclePointJson,
  lifecycleSection,
  type OpenTaskJson,
  openTasksSection,
  toLifecycle,
  toOpenTasks,
} from "../tasks/cardSection";
import { toVehicles, vehiclesSection } from "../vehicles/cardSection";

export const TIMELINE_PAGE = 30;
const WORK_ORDERS_SHOWN = 50;

type Sections = {
  identity: Parameters<typeof toIdentity>[0] | null;
  vehicles: Parameters<typeof toVehicles>[0];
  deals: Parameters<typeof toDeals>[0];
  products: Parameters<typeof toProducts>[0];
  workOrders: Parameters<typeof toWorkOrders>[0];
  service: { visits: number; kopecks: number | string };
  timeline: Parameters<typeof toTimeline>[0];
  tasks: OpenTaskJson[];
  lifecycle: LifecyclePointJson[];
  offers: ModelOffersJson | null;
  loyalty: LoyaltyJson | null;
};

/**
 * The client on one screen: identity and contacts, cars with their estimated mileage, deals, service
 * history, insurance and credits, the latest of the timeline, and what to offer now. Each module
 * writes its own part of the query; together they are one prepared statement, one round trip, because
 * the card is the most frequent read in Orbit.
 */
export async function clientCard(
  database: Database,
  partyId: number,
  today = dealerDay(),
): Promise<ClientCard | null> {
  const [row] = await database.prepared<{ card: Sections }>(
    "client_card",
    sql`SELECT json_build_object(
        'identity', ${identitySection(partyId)},
        'vehicles', ${vehiclesSection(partyId)},
        'deals', ${dealsSection(partyId)},
        'products', ${productsSection(partyId)},
        'workOrders', ${workOrdersSection(partyId, WORK_ORDERS_SHOWN)},
        'service', ${serviceTotalsSection(partyId)},
        'timeline', ${timelineSection(partyId, TIMELINE_PAGE)},
        'tasks', ${openTasksSection(partyId)},
        'lifecycle', ${lifecycleSection(partyId)},
        'offers', ${modelOffersSection(partyId)},
        'loyalty', ${loyaltySection(partyId)}) AS card`,
  );
  const s = row?.card;
  if (!s?.identity || s.identity.party.status === "anonymised") return null;
  const identity = toIdentity(s.identity);
  const vehicles = toVehicles(s.vehicles, today);
  const deals = toDeals(s.deals);
  const { insurance, credits } = toProducts(s.products);
  const workOrders = toWorkOrders(s.workOrders);
  const rules = ruleOffers({
    today,
    blocked: identity.blocked,
    vehicles,
    workOrders,
    insurance,
    credits,
    openDeals: deals.filter((d) => d.status === "open").length,
  });
  // A blocked client gets no offers at all; scores may predate the block.
  const offers = identity.blocked ? [] : mergeOffers(s.offers, rules);
  return {
    identity,
    vehicles,
    deals,
    workOrders,
    insurance: insurance.map(({ vehicleId: _, ...p }) => p),
    credits,
    timeline: toTimeline(s.timeline, TIMELINE_PAGE),
    offers,
    offerModels: { families: s.offers?.families ?? [], scoredOn: s.offers?.scoredOn ?? null },
    tasks: toOpenTasks(s.tasks),
    lifecycle: toLifecycle(s.lifecycle),
    loyalty: toLoyalty(s.loyalty),
    totals: {
      salesRub: deals.filter((d) => d.status === "won").reduce((sum, d) => sum + (d.amountRub ?? 0), 0),
      serviceRub: Number(s.service.kopecks) / 100,
      visits: Number(s.service.visits),
    },
  };
}
