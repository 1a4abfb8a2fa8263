import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { int } from "../../platform/db/database";
import type { SCENARIO_KINDS } from "./schema";

type Kind = (typeof SCENARIO_KINDS)[number];

/** What a marketer can set for each kind of scenario. */
export const SCENARIO_PARAMS = {
  viewed_segment: z.object({
    /** This many cars of one segment viewed... */
    views: z.number().int().min(2).max(100),
    /** ...within this many days... */
    withinDays: z.number().int().min(1).max(60),
    /** ...and then nothing for this many hours. */
    quietHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
  }),
  abandoned_booking: z.object({
    /** A booking started and not finished within this many minutes counts as abandoned. */
    afterMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    /** Only bookings abandoned in the last this many hours are called about. */
    withinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
  }),
  web_request: z.object({
    /** Requests received in the last this many hours. */
    withinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
  }),
  next_best_offer: z.object({
    /** Only these offer families (all when empty). */
    families: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)).max(20),
    /** The model's probability and the expected value (probability × value) an offer needs. */
    minProbability: z.number().min(0).max(1),
    minExpectedRub: z.number().int().min(0).max(10_000_000),
    /** At most this many calls a day from this scenario, the most valuable first. */
    dailyLimit: z.number().int().min(1).max(100_000),
  }),
} satisfies Record<Kind, z.ZodType>;

/** A booking or a request the client started is answered as service; browsing is answered with an offer. */
export const SCENARIO_PURPOSE: Record<Kind, "service" | "marketing"> = {
  viewed_segment: "marketing",
  abandoned_booking: "service",
  web_request: "service",
  // An offer the model found is a sales call: it needs the client's yes to offers by phone.
  next_best_offer: "marketing",
};

// The dealership an event names, if it is one: the payload comes from outside and may name anything.
// (CASE, because PostgreSQL may evaluate the two sides of an AND in either order.)
const namedDealership = sql.raw(`(SELECT d.id FROM dealerships d WHERE d.id =
   CASE WHEN e.payload->>'dealershipId' ~ '^[0-9]{1,9}$' THEN (e.payload->>'dealershipId')::int END)`);
// A request from someone new that names no dealership still reaches the call centre (which serves every
// dealership): it waits in the first dealership's queue rather than being lost.
const firstDealership = sql.raw("(SELECT min(id) FROM dealerships)");

export interface Scenario {
  id: number;
  kind: Kind;
  params: unknown;
}

/**
 * The clients a scenario finds now, from their web, portal and app events, in the same columns as the
 * contact standards' needs (see tasks/standards.ts NEED_COLUMNS).
 */
export function scenarioNeedsQuery(scenario: Scenario, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (scenario.kind) {
    case "viewed_segment": {
      const p = SCENARIO_PARAMS.viewed_segment.parse(scenario.params);
      return sql`SELECT e.party_id, NULL::int AS vehicle_id, pa.home_dealership_id AS dealership_id, NULL::int AS owner_user_id,
                 'scenario:' || ${int(scenario.id)} || ':' || e.party_id || ':' || (e.payload->>'segment') || ':' || to_char(${at}, 'IYYY-IW') AS need_key,
                 'viewed_segment' AS reason_code,
                 jsonb_build_object('segment', e.payload->>'segment', 'views', count(*), 'models',
                   (array_agg(DISTINCT e.payload->>'model'))[1:5]) AS reason_params,
                 (${at} AT TIME ZONE 'Europe/Moscow')::date AS due_on, (${at} AT TIME ZONE 'Europe/Moscow' + interval '7 days')::date AS window_end,
                 NULL::text AS lifecycle_kind, NULL::date AS window_start
            FROM web_events e JOIN parties pa ON pa.id = e.party_id
           WHERE e.type = 'car_view' AND e.party_id IS NOT NULL AND e.payload ? 'segment'
             AND e.occurred_at > ${at} - make_interval(days => ${int(p.withinDays)})
             AND pa.home_dealership_id IS NOT NULL
           GROUP BY e.party_id, pa.home_dealership_id, e.payload->>'segment'
          HAVING count(*) >= ${int(p.views)} AND max(e.occurred_at) < ${at} - make_interval(hours => ${int(p.quietHours)})
             AND NOT EXISTS (SELECT 1 FROM web_events later WHERE later.party_id = e.party_id
                              AND later.occurred_at >= ${at} - make_interval(hours => ${int(p.quietHours)}))`;
    }
    case "abandoned_booking": {
      const p = SCENARIO_PARAMS.abandoned_booking.parse(scenario.params);
      return sql`SELECT e.party_id, NULL::int AS vehicle_id,
                 coalesce(${namedDealership}, pa.home_dealership_id) AS dealership_id, NULL::int AS owner_user_id,
                 'scenario:' || ${int(scenario.id)} || ':booking:' || (e.payload->>'draftId') AS need_key,
                 'abandoned_booking' AS reason_code,
                 jsonb_build_object('work', e.payload->>'work', 'startedAt', e.occurred_at) AS reason_params,
                 (${at} AT TIME ZONE 'Europe/Moscow')::date AS due_on, (${at} AT TIME ZONE 'Europe/Moscow' + interval '3 days')::date AS window_end,
                 NULL::text AS lifecycle_kind, NULL::date AS window_start
            FROM web_events e JOIN parties pa ON pa.id = e.party_id
           WHERE e.type = 'booking_started' AND e.party_id IS NOT NULL AND e.payload ? 'draftId'
             AND e.occurred_at BETWEEN ${at} - make_interval(hours => ${int(p.withinHours)}) AND ${at} - make_interval(mins => ${int(p.afterMinutes)})
             AND coalesce(${namedDealership}, pa.home_dealership_id) IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM web_events done WHERE done.type = 'booking_completed'
                              AND done.visitor_id = e.visitor_id AND done.payload->>'draftId' = e.payload->>'draftId')`;
    }
    case "next_best_offer": {
      const p = SCENARIO_PARAMS.next_best_offer.parse(scenario.params);
      const today = sql`(${at} AT TIME ZONE 'Europe/Moscow')::date`;
      const key = sql`'nbo:' || s.family || ':' || s.party_id || ':' || coalesce(s.vehicle_id, 0) || ':' || to_char(${today}, 'YYYY-MM')`;
      // Each client's best offer of the latest scoring that clears the bars and was not called about this
      // month, the most valuable first, up to what is left of today's limit.
      return sql`SELECT b.party_id, b.vehicle_id, b.dealership_id, NULL::int AS owner_user_id, b.need_key,
                 'next_best_offer' AS reason_code, b.reason_params,
                 ${today} AS due_on, ${today} + 14 AS window_end, NULL::text AS lifecycle_kind, NULL::date AS window_start
            FROM (SELECT DISTINCT ON (s.party_id) s.party_id, s.vehicle_id, s.expected_rub,
                         coalesce(s.dealership_id, pa.home_dealership_id) AS dealership_id, ${key} AS need_key,
                         jsonb_build_object('family', s.family, 'probability', s.probability, 'valueRub', s.value_rub,
                           'expectedRub', s.expected_rub, 'reasons', s.reasons, 'car', nullif(concat_ws(' ', v.make, v.model), '')) AS reason_params
                    FROM offer_scores s
                    JOIN parties pa ON pa.id = s.party_id AND pa.status = 'active'
                    JOIN offer_families f ON f.code = s.family AND f.active
                    LEFT JOIN vehicles v ON v.id = s.vehicle_id
                   WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE finished_at IS NOT NULL)
                     AND s.probability >= ${p.minProbability} AND s.expected_rub >= ${int(p.minExpectedRub)}
                     ${p.families.length ? sql`AND s.family = ANY(${sql.param(p.families)}::text[])` : sql``}
                     AND coalesce(s.dealership_id, pa.home_dealership_id) IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.need_key = ${key})
                   ORDER BY s.party_id, s.expected_rub DESC) b
           ORDER BY b.expected_rub DESC, b.party_id
           LIMIT greatest(0, ${int(p.dailyLimit)} - (SELECT count(*) FROM tasks t WHERE t.source = 'scenario'
                   AND t.source_id = ${int(scenario.id)} AND t.created_at >= (${today}::timestamp AT TIME ZONE 'Europe/Moscow')))`;
    }
    case "web_request": {
      const p = SCENARIO_PARAMS.web_request.parse(scenario.params);
      return sql`SELECT e.party_id, NULL::int AS vehicle_id,
                 coalesce(${namedDealership}, pa.home_dealership_id, ${firstDealership}) AS dealership_id, NULL::int AS owner_user_id,
                 'scenario:' || ${int(scenario.id)} || ':request:' || e.id AS need_key,
                 'web_request' AS reason_code,
                 jsonb_build_object('topic', e.payload->>'topic', 'request', e.payload) AS reason_params,
                 (${at} AT TIME ZONE 'Europe/Moscow')::date AS due_on, (${at} AT TIME ZONE 'Europe/Moscow' + interval '2 days')::date AS window_end,
                 NULL::text AS lifecycle_kind, NULL::date AS window_start
            FROM web_events e JOIN parties pa ON pa.id = e.party_id
           WHERE e.type = 'request_submitted' AND e.party_id IS NOT NULL
             AND e.occurred_at > ${at} - make_interval(hours => ${int(p.withinHours)})`;
    }
  }
}
