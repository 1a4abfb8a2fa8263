import type { PgColumn } from "drizzle-orm/pg-core";
import { credits, deals, insurancePolicies } from "./deals/schema";
import { interactions } from "./engagement/schema";
import {
  consents,
  contactPoints,
  identityDocuments,
  partyAddresses,
  partyRelationships,
  partyRoles,
  sourceRecords,
} from "./identity/schema";
import { visitors, webEvents } from "./scenarios/schema";
import { workOrders } from "./service/schema";
import { lifecyclePoints, tasks } from "./tasks/schema";
import { vehicleOwnerships } from "./vehicles/schema";

/**
 * Every column, in any module, that points at a client. A merge re-points these from the merged
 * client to the survivor and remembers the row ids, so that an unmerge can point them back.
 * A module that adds a table referring to clients adds its column here.
 */
export interface PartyLink {
  /** The column that holds the client's id. */
  column: PgColumn;
  /** The row's own key, remembered by a merge so that an unmerge moves back exactly those rows. */
  key: PgColumn;
}

const link = (column: PgColumn, key: PgColumn): PartyLink => ({ column, key });

export const PARTY_LINKS: readonly PartyLink[] = [
  link(sourceRecords.partyId, sourceRecords.id),
  link(contactPoints.partyId, contactPoints.id),
  link(identityDocuments.partyId, identityDocuments.id),
  link(partyAddresses.partyId, partyAddresses.id),
  link(consents.partyId, consents.id),
  link(partyRoles.partyId, partyRoles.id),
  link(partyRelationships.partyId, partyRelationships.id),
  link(partyRelationships.relatedPartyId, partyRelationships.id),
  link(vehicleOwnerships.partyId, vehicleOwnerships.id),
  link(deals.partyId, deals.id),
  link(insurancePolicies.partyId, insurancePolicies.id),
  link(credits.partyId, credits.id),
  link(workOrders.partyId, workOrders.id),
  link(interactions.partyId, interactions.id),
  link(tasks.partyId, tasks.id),
  link(lifecyclePoints.partyId, lifecyclePoints.id),
  link(webEvents.partyId, webEvents.id),
  link(visitors.partyId, visitors.visitorId),
];
