import { type SQL, sql } from "drizzle-orm";
import { segmentSql } from "../engagement/segments";
import { OWNER_OF_CAR_FIRST } from "../vehicles/ownership";

/**
 * What the propensity models see of a client's car on a day: one row per car a client owns that day,
 * built for every client at once in SQL. Only what was known on the day counts (visits before it,
 * policies started by it, events up to it), so the same query builds training rows for any past day
 * and today's rows for scoring.
 */
export const FEATURES = [
  "car_age_years",
  "owned_years",
  "km",
  "km_per_year",
  "days_since_maintenance",
  "km_since_maintenance",
  "maintenance_per_year",
  "days_since_visit",
  "visits_2y",
  "repairs_2y",
  "no_shows",
  "service_spend_2y",
  "tyres_2y",
  "days_since_tyres",
  "month",
  "warranty_days_left",
  "osago_days_left",
  "kasko_days_left",
  "policies_here",
  "premium_rub",
  "credit_days_left",
  "bought_here",
  "new_car",
  "car_price_m",
  "purchases",
  "days_since_purchase",
  "open_deals",
  "lost_deals_1y",
  "extended_warranties",
  "web_views_30d",
  "web_views_90d",
  "web_offer_pages_90d",
  "days_since_web",
  "calls_1y",
  "reach_rate_1y",
  "nps",
  "offers_accepted_1y",
  "offers_refused_1y",
  "offers_ignored_1y",
  "segment",
  "company",
  "client_years",
] as const;
export type Feature = (typeof FEATURES)[number];

/** Segments as an ordered code: the model splits them like any number. */
export const SEGMENT_CODES = ["new", "active", "loyal", "returning", "lapsed"] as const;

export interface FeatureQueryOptions {
  /** The day the rows describe. */
  day: string;
  /** Only one client in `every` (a different sample each `salt`): training needs a sample, not everyone. */
  sample?: { every: number; salt: number };
  /** Only these clients (the card, a test). */
  partyIds?: readonly number[];
  /**
   * Take the segment the daily run stored on each client (by the same rules) instead of working it out
   * from the history again: for today's scoring of everyone, where that is the costliest part.
   */
  storedSegment?: boolean;
}

/**
 * The rows: party_id, vehicle_id, dealership_id, then FEATURES in order, every one a number or NULL
 * (missing). Set-wise: one pass over each history table, grouped by car or client.
 */
export function featureQuery(o: FeatureQueryOptions): SQL {
  const t = sql`${o.day}::date`;
  const ts = sql`(${o.day}::date)::timestamptz`;
  const sampled = o.sample
    ? sql`AND mod(abs(hashint4(o.party_id + ${o.sample.salt}::int * 7919)), ${o.sample.every}::int) = 0`
    : sql``;
  const only = o.partyIds ? sql`AND o.party_id = ANY(${sql.param([...o.partyIds])}::int[])` : sql``;
  const segment = segmentSql({
    today: t,
    firstDay: sql`c.created_at::date`,
    last: sql`act.latest[1]`,
    previous: sql`act.latest[2]`,
    days: sql`coalesce(act.days, 0)`,
    purchases: sql`coalesce(act.purchases, 0)`,
    blocked: sql`false`,
  });
  // For everyone (the nightly scoring) each history table is grouped whole, without joining the cars:
  // the same numbers for every car and client in the result, and no materialised CTE in the way of a
  // parallel plan, so PostgreSQL groups on every core. For a sample or a few clients, joining the
  // cars first is what keeps the query small.
  const everyone = !o.sample && !o.partyIds;
  const onCar = (t: SQL) => (everyone ? sql`` : sql`JOIN cars c ON c.vehicle_id = ${t}.vehicle_id`);
  const ofClient = (t: SQL) => (everyone ? sql`` : sql`JOIN clients k ON k.party_id = ${t}.party_id`);
  // Each client's latest two days of activity and counts, for the segment as of the day.
  const activity = o.storedSegment
    ? sql``
    : sql`act AS (
      SELECT a.party_id, (array_agg(a.day ORDER BY a.day DESC))[1:2] AS latest, count(*) AS days, sum(a.purchase) AS purchases
        FROM (SELECT d.party_id, d.delivered_on AS day, 1 AS purchase FROM deals d ${ofClient(sql`d`)}
               WHERE d.status = 'won' AND d.kind IN ('new_car', 'used_car') AND d.delivered_on < ${t}
              UNION ALL
              SELECT w.party_id, w.opened_at::date, 0 FROM work_orders w ${ofClient(sql`w`)}
               WHERE w.status = 'delivered' AND w.opened_at < ${ts}) a
       GROUP BY a.party_id),`;
  return sql`WITH cars AS ${everyone ? sql`` : sql`MATERIALIZED`} (
      SELECT DISTINCT ON (o.vehicle_id) o.vehicle_id, o.party_id, o.valid_from,
             p.home_dealership_id, p.kind, p.created_at, p.segment
        FROM vehicle_ownerships o JOIN parties p ON p.id = o.party_id AND p.status = 'active' AND NOT p.blocked
       WHERE o.valid_from <= ${t} AND (o.valid_to IS NULL OR o.valid_to > ${t}) ${sampled} ${only}
       ORDER BY ${OWNER_OF_CAR_FIRST}),
    ${everyone ? sql`` : sql`clients AS MATERIALIZED (SELECT DISTINCT party_id FROM cars),`}
    wo AS (
      SELECT w.vehicle_id,
             max(w.opened_at) FILTER (WHERE w.kind = 'maintenance' AND w.status = 'delivered')::date AS last_maint,
             max(w.mileage_km) FILTER (WHERE w.kind = 'maintenance' AND w.status = 'delivered') AS maint_km,
             count(*) FILTER (WHERE w.kind = 'maintenance' AND w.status = 'delivered') AS maint_n,
             max(w.opened_at) FILTER (WHERE w.status = 'delivered')::date AS last_visit,
             count(*) FILTER (WHERE w.status = 'delivered' AND w.opened_at > ${ts} - interval '730 days') AS visits_2y,
             count(*) FILTER (WHERE w.kind = 'repair' AND w.status = 'delivered' AND w.opened_at > ${ts} - interval '730 days') AS repairs_2y,
             count(*) FILTER (WHERE w.status = 'no_show') AS no_shows,
             sum(w.amount_kopecks) FILTER (WHERE w.status = 'delivered' AND w.opened_at > ${ts} - interval '730 days') AS spend_2y,
             count(*) FILTER (WHERE w.kind = 'tyres' AND w.status = 'delivered' AND w.opened_at > ${ts} - interval '730 days') AS tyres_2y,
             max(w.opened_at) FILTER (WHERE w.kind = 'tyres' AND w.status = 'delivered')::date AS last_tyres
        FROM work_orders w ${onCar(sql`w`)}
       WHERE w.opened_at < ${ts}
       GROUP BY w.vehicle_id),
    mr AS (
      SELECT r.vehicle_id, min(r.read_on) AS first_on, max(r.read_on) AS last_on, min(r.km) AS first_km, max(r.km) AS last_km
        FROM mileage_readings r ${onCar(sql`r`)}
       WHERE r.read_on <= ${t} GROUP BY r.vehicle_id),
    ins AS (
      SELECT ip.vehicle_id,
             max(ip.ends_on) FILTER (WHERE ip.kind = 'osago') AS osago_end,
             max(ip.ends_on) FILTER (WHERE ip.kind = 'kasko') AS kasko_end,
             count(*) FILTER (WHERE ip.dealership_id IS NOT NULL) AS here,
             max(ip.premium_kopecks) AS premium
        FROM insurance_policies ip ${onCar(sql`ip`)}
       WHERE ip.starts_on <= ${t} GROUP BY ip.vehicle_id),
    cr AS (
      SELECT cr.party_id, max(cr.ends_on) FILTER (WHERE cr.ends_on >= ${t} - 180) AS credit_end
        FROM credits cr ${ofClient(sql`cr`)}
       WHERE cr.starts_on <= ${t} GROUP BY cr.party_id),
    dl AS (
      SELECT d.party_id,
             count(*) FILTER (WHERE d.status = 'won' AND d.kind IN ('new_car', 'used_car') AND d.closed_at < ${ts}) AS purchases,
             max(d.closed_at) FILTER (WHERE d.status = 'won' AND d.kind IN ('new_car', 'used_car') AND d.closed_at < ${ts})::date AS last_purchase,
             count(*) FILTER (WHERE d.opened_at < ${ts} AND (d.closed_at IS NULL OR d.closed_at >= ${ts})) AS open_deals,
             count(*) FILTER (WHERE d.status = 'lost' AND d.closed_at < ${ts} AND d.closed_at > ${ts} - interval '365 days') AS lost_1y,
             count(*) FILTER (WHERE d.status = 'won' AND d.kind = 'extended_warranty' AND d.closed_at < ${ts}) AS warranties
        FROM deals d ${ofClient(sql`d`)} GROUP BY d.party_id),
    bought AS (
      SELECT d.vehicle_id, d.party_id, max(d.amount_kopecks) AS price, bool_or(d.kind = 'new_car') AS new_car
        FROM deals d ${everyone ? sql`` : sql`JOIN cars c ON c.vehicle_id = d.vehicle_id AND c.party_id = d.party_id`}
       WHERE d.status = 'won' AND d.kind IN ('new_car', 'used_car') AND d.closed_at < ${ts}
       GROUP BY d.vehicle_id, d.party_id),
    ${activity}
    web AS (
      SELECT e.party_id,
             count(*) FILTER (WHERE e.type = 'car_view' AND e.occurred_at > ${ts} - interval '30 days') AS views_30,
             count(*) FILTER (WHERE e.type = 'car_view' AND e.occurred_at > ${ts} - interval '90 days') AS views_90,
             count(*) FILTER (WHERE e.payload->>'page' IN ('/trade-in', '/credit', '/used') AND e.occurred_at > ${ts} - interval '90 days') AS offer_pages,
             max(e.occurred_at)::date AS last_web
        FROM web_events e ${ofClient(sql`e`)}
       WHERE e.occurred_at < ${ts} AND e.occurred_at > ${ts} - interval '365 days'
       GROUP BY e.party_id),
    calls AS (
      SELECT i.party_id,
             count(*) FILTER (WHERE i.channel = 'call') AS calls,
             count(*) FILTER (WHERE i.channel = 'call' AND i.outcome = 'reached') AS reached,
             avg(substr(i.outcome, 5)::int) FILTER (WHERE i.outcome LIKE 'nps:%') AS nps
        FROM interactions i ${ofClient(sql`i`)}
       WHERE i.occurred_at < ${ts} AND i.occurred_at > ${ts} - interval '365 days'
         AND ((i.channel = 'call' AND i.direction = 'out') OR (i.channel = 'sms' AND i.direction = 'in'))
       GROUP BY i.party_id),
    offers AS (
      SELECT tk.party_id,
             count(*) FILTER (WHERE tk.outcome IN ('reached', 'booked')) AS accepted,
             count(*) FILTER (WHERE tk.outcome = 'refused') AS refused,
             count(*) FILTER (WHERE tk.outcome IN ('no_answer', 'wrong_number') OR tk.status = 'expired') AS ignored
        FROM tasks tk ${ofClient(sql`tk`)}
       WHERE tk.created_at < ${ts} AND tk.created_at > ${ts} - interval '365 days'
       GROUP BY tk.party_id)
    SELECT c.party_id, c.vehicle_id, c.home_dealership_id AS dealership_id,
           round(((${t} - coalesce(v.first_registered_on, c.valid_from)) / 365.25)::numeric, 2) AS car_age_years,
           round(((${t} - c.valid_from) / 365.25)::numeric, 2) AS owned_years,
           round(est.km) AS km,
           round(est.rate * 365) AS km_per_year,
           ${t} - coalesce(wo.last_maint, v.first_registered_on, c.valid_from) AS days_since_maintenance,
           round(est.km - coalesce(wo.maint_km, mr.first_km, 0)) AS km_since_maintenance,
           round((coalesce(wo.maint_n, 0) / greatest(0.5, (${t} - c.valid_from) / 365.25))::numeric, 2) AS maintenance_per_year,
           ${t} - wo.last_visit AS days_since_visit,
           coalesce(wo.visits_2y, 0) AS visits_2y,
           coalesce(wo.repairs_2y, 0) AS repairs_2y,
           coalesce(wo.no_shows, 0) AS no_shows,
           round(coalesce(wo.spend_2y, 0) / 100000.0) AS service_spend_2y,
           coalesce(wo.tyres_2y, 0) AS tyres_2y,
           ${t} - wo.last_tyres AS days_since_tyres,
           extract(month FROM ${t})::int AS month,
           v.warranty_until - ${t} AS warranty_days_left,
           ins.osago_end - ${t} AS osago_days_left,
           ins.kasko_end - ${t} AS kasko_days_left,
           coalesce(ins.here, 0) AS policies_here,
           round(ins.premium / 100.0) AS premium_rub,
           cr.credit_end - ${t} AS credit_days_left,
           CASE WHEN bought.vehicle_id IS NULL THEN 0 ELSE 1 END AS bought_here,
           CASE WHEN bought.new_car THEN 1 WHEN bought.vehicle_id IS NOT NULL THEN 0 END AS new_car,
           round(bought.price / 1e8, 2) AS car_price_m,
           coalesce(dl.purchases, 0) AS purchases,
           ${t} - dl.last_purchase AS days_since_purchase,
           coalesce(dl.open_deals, 0) AS open_deals,
           coalesce(dl.lost_1y, 0) AS lost_deals_1y,
           coalesce(dl.warranties, 0) AS extended_warranties,
           coalesce(web.views_30, 0) AS web_views_30d,
           coalesce(web.views_90, 0) AS web_views_90d,
           coalesce(web.offer_pages, 0) AS web_offer_pages_90d,
           ${t} - web.last_web AS days_since_web,
           coalesce(calls.calls, 0) AS calls_1y,
           round(calls.reached::numeric / nullif(calls.calls, 0), 2) AS reach_rate_1y,
           round(calls.nps, 1) AS nps,
           coalesce(offers.accepted, 0) AS offers_accepted_1y,
           coalesce(offers.refused, 0) AS offers_refused_1y,
           coalesce(offers.ignored, 0) AS offers_ignored_1y,
           array_position(ARRAY['new', 'active', 'loyal', 'returning', 'lapsed'], ${o.storedSegment ? sql`c.segment` : segment}) - 1 AS segment,
           CASE WHEN c.kind = 'company' THEN 1 ELSE 0 END AS company,
           round(((${t} - c.created_at::date) / 365.25)::numeric, 2) AS client_years
      FROM cars c
      JOIN vehicles v ON v.id = c.vehicle_id
      LEFT JOIN wo ON wo.vehicle_id = c.vehicle_id
      LEFT JOIN mr ON mr.vehicle_id = c.vehicle_id
      LEFT JOIN ins ON ins.vehicle_id = c.vehicle_id
      LEFT JOIN bought ON bought.vehicle_id = c.vehicle_id AND bought.party_id = c.party_id
      LEFT JOIN cr ON cr.party_id = c.party_id
      LEFT JOIN dl ON dl.party_id = c.party_id
      ${o.storedSegment ? sql`` : sql`LEFT JOIN act ON act.party_id = c.party_id`}
      LEFT JOIN web ON web.party_id = c.party_id
      LEFT JOIN calls ON calls.party_id = c.party_id
      LEFT JOIN offers ON offers.party_id = c.party_id
      -- Today's mileage on the straight line through the car's first and last readings (a typical rate
      -- when they are too close together), as the maintenance standard estimates it.
      CROSS JOIN LATERAL (SELECT CASE WHEN mr.last_on - mr.first_on >= 60 AND mr.last_km > mr.first_km
                                      THEN least(274.0, (mr.last_km - mr.first_km)::numeric / (mr.last_on - mr.first_on))
                                      ELSE 41.0 END AS rate) r0
      CROSS JOIN LATERAL (SELECT coalesce(mr.last_km, 0) + greatest(0, ${t} - coalesce(mr.last_on, v.first_registered_on, c.valid_from)) * r0.rate AS km,
                                 r0.rate) est
     ORDER BY c.party_id, c.vehicle_id`;
}
