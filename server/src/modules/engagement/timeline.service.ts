import type { TimelinePage } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { type TimelineCursor, timelineSection, toTimeline } from "./cardSection";

/** One page of the client's timeline, newest first; `before` is where the previous page ended. */
export async function clientTimeline(
  db: Db,
  partyId: number,
  page: { before?: TimelineCursor; limit: number },
): Promise<TimelinePage> {
  const [row] = await execRows<{ t: Parameters<typeof toTimeline>[0] }>(
    db,
    sql`SELECT ${timelineSection(partyId, page.limit, page.before)} AS t`,
  );
  return toTimeline(row?.t ?? [], page.limit);
}
