import type { ClientCard } from "@orbit/contracts";
import type { Db } from "../../platform/db/database";
import { clientCredits, clientDeals, clientInsurance } from "../deals/deals.service";
import { clientTimeline } from "../engagement/timeline.service";
import { loadIdentity } from "../identity/partyStore";
import { ruleOffers } from "../scoring/ruleOffers";
import { clientWorkOrders } from "../service/workOrders.service";
import { clientVehicles } from "../vehicles/vehicles.service";

export const TIMELINE_PAGE = 30;

/**
 * The client on one screen: identity and contacts, cars with their estimated mileage, deals, service
 * history, insurance and credits, the latest of the timeline, and what to offer now. The parts come
 * from their modules, read side by side on the pool (not in a transaction).
 */
export async function clientCard(
  db: Db,
  partyId: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<ClientCard | null> {
  const identity = await loadIdentity(db, partyId);
  if (!identity || identity.status === "anonymised") return null;
  const [vehicles, deals, workOrders, insurance, credits, timeline] = await Promise.all([
    clientVehicles(db, partyId, today),
    clientDeals(db, partyId),
    clientWorkOrders(db, partyId),
    clientInsurance(db, partyId),
    clientCredits(db, partyId),
    clientTimeline(db, partyId, { limit: TIMELINE_PAGE }),
  ]);
  const offers = ruleOffers({
    today,
    blocked: identity.blocked,
    vehicles,
    workOrders,
    insurance,
    credits,
    openDeals: deals.filter((d) => d.status === "open").length,
  });
  const delivered = workOrders.filter((w) => w.status === "delivered");
  return {
    identity,
    vehicles,
    deals,
    workOrders,
    insurance: insurance.map(({ vehicleId: _, ...p }) => p),
    credits,
    timeline,
    offers,
    totals: {
      salesRub: deals.filter((d) => d.status === "won").reduce((sum, d) => sum + (d.amountRub ?? 0), 0),
      serviceRub: delivered.reduce((sum, w) => sum + w.amountRub, 0),
      visits: delivered.length,
    },
  };
}
