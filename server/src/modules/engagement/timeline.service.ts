import type { TimelineEntry } from "@orbit/contracts";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { users } from "../staff/schema";
import { interactions } from "./schema";

/**
 * One page of the client's timeline, newest first: calls with their recordings, messages, visits,
 * web and app events, notes. `before` is the id of the last entry already shown.
 */
export async function clientTimeline(
  db: Db,
  partyId: number,
  page: { before?: number; limit: number },
): Promise<{ entries: TimelineEntry[]; more: boolean }> {
  const rows = await db
    .select({ i: interactions, employee: users.fullName })
    .from(interactions)
    .leftJoin(users, eq(users.id, interactions.userId))
    .where(and(eq(interactions.partyId, partyId), page.before ? lt(interactions.id, page.before) : undefined))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(page.limit + 1);
  return {
    more: rows.length > page.limit,
    entries: rows.slice(0, page.limit).map(({ i, employee }) => ({
      id: i.id,
      at: i.occurredAt.toISOString(),
      channel: i.channel,
      direction: i.direction,
      dealershipId: i.dealershipId,
      employee,
      vehicleId: i.vehicleId,
      subject: i.subject,
      outcome: i.outcome,
      durationS: i.durationS,
      recordingUrl: i.recordingUrl,
      refType: i.refType,
      refId: i.refId,
    })),
  };
}
