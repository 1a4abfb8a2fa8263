import type { Db } from "../../platform/db/database";
import { deals } from "./schema";

/** A new sale opened from a call or a scenario: the salesperson's open deal with the client. */
export async function openDeal(
  db: Db,
  lead: {
    dealershipId: number;
    partyId: number;
    kind: "new_car" | "used_car" | "trade_in";
    source: "call" | "web" | "scenario";
    salespersonId: number;
    tradeInVehicleId: number | null;
  },
): Promise<{ id: number }> {
  const [row] = await db
    .insert(deals)
    .values({ ...lead, status: "open", openedAt: new Date() })
    .returning({ id: deals.id });
  return row!;
}
