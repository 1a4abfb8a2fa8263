import type { Segment } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/** What the segment rules look at, as day numbers (days since 1970-01-01). */
export interface SegmentFacts {
  today: number;
  firstContactDay: number;
  /** Days with a purchase or a service visit, any order. */
  activityDays: readonly number[];
  purchases: number;
  blocked: boolean;
}

export const SEGMENT_RULES = {
  newForDays: 180,
  activeWithinDays: 365,
  /** A pause this long before the latest activity makes an active client a returning one. */
  returningGapDays: 365,
  loyalPurchases: 2,
  loyalVisits: 5,
} as const;

/**
 * The client segments of the sources (new, active, loyal, returning, lapsed, blocked), by rules a
 * marketer can read: each segment gets its own offers and contact rhythm.
 */
export function segmentOf(f: SegmentFacts, rules = SEGMENT_RULES): Segment {
  if (f.blocked) return "blocked";
  const days = [...f.activityDays].sort((a, b) => a - b);
  const last = days.at(-1) ?? f.firstContactDay;
  const sinceLast = f.today - last;
  if (f.today - f.firstContactDay <= rules.newForDays) return "new";
  if (sinceLast > rules.activeWithinDays) return "lapsed";
  const previous = days.length >= 2 ? (days[days.length - 2] as number) : null;
  if (previous !== null && last - previous >= rules.returningGapDays) return "returning";
  const visits = days.length - f.purchases;
  if (f.purchases >= rules.loyalPurchases || visits >= rules.loyalVisits) return "loyal";
  return "active";
}

/**
 * The same rules for every client at once, in SQL, over each client's won car deals (by delivery day)
 * and delivered work orders (by opening day). Kept beside segmentOf: a test checks the two agree.
 * Returns the expression; `f` names the columns of the row it is evaluated on.
 */
export function segmentSql(
  f: {
    today: SQL;
    firstDay: SQL;
    /** The latest and the one before it; NULL when there are none. */
    last: SQL;
    previous: SQL;
    days: SQL;
    purchases: SQL;
    blocked: SQL;
  },
  rules = SEGMENT_RULES,
): SQL {
  const last = sql`coalesce(${f.last}, ${f.firstDay})`;
  return sql`CASE
      WHEN ${f.blocked} THEN 'blocked'
      WHEN ${f.today} - ${f.firstDay} <= ${sql.raw(String(rules.newForDays))} THEN 'new'
      WHEN ${f.today} - ${last} > ${sql.raw(String(rules.activeWithinDays))} THEN 'lapsed'
      WHEN ${f.previous} IS NOT NULL AND ${f.last} - ${f.previous} >= ${sql.raw(String(rules.returningGapDays))} THEN 'returning'
      WHEN ${f.purchases} >= ${sql.raw(String(rules.loyalPurchases))}
        OR ${f.days} - ${f.purchases} >= ${sql.raw(String(rules.loyalVisits))} THEN 'loyal'
      ELSE 'active' END`;
}
