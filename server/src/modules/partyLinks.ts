import type { PgColumn } from "drizzle-orm/pg-core";
import { credits, deals, insurancePolicies } from "./deals/schema";
import { interactions } from "./engagement/schema";
import {
  consents,
  contactPoints,
  identityDocuments,
  partyRelationships,
  partyRoles,
  sourceRecords,
} from "./identity/schema";
import { workOrders } from "./service/schema";
import { vehicleOwnerships } from "./vehicles/schema";

/**
 * Every column, in any module, that points at a client. A merge re-points these from the merged
 * client to the survivor and remembers the row ids, so that an unmerge can point them back.
 * A module that adds a table referring to clients adds its column here.
 */
export const PARTY_LINKS: readonly PgColumn[] = [
  sourceRecords.partyId,
  contactPoints.partyId,
  identityDocuments.partyId,
  consents.partyId,
  partyRoles.partyId,
  partyRelationships.partyId,
  partyRelationships.relatedPartyId,
  vehicleOwnerships.partyId,
  deals.partyId,
  insurancePolicies.partyId,
  credits.partyId,
  workOrders.partyId,
  interactions.partyId,
];
