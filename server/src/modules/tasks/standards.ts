import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { int } from "../../platform/db/database";
import { OWNER_OF_CAR_FIRST } from "../vehicles/ownership";
import type { STANDARD_KINDS } from "./schema";

type Kind = (typeof STANDARD_KINDS)[number];

/** The parameters each kind of standard takes; a manager edits these, Orbit checks them. */
export const STANDARD_PARAMS = {
  after_delivery: z.object({
    /** Calls this many days after delivery... */
    days: z.array(z.number().int().min(1).max(3650)).min(1).max(10),
    /** ...then every this many months while the client keeps the car (0: never). */
    everyMonths: z.number().int().min(0).max(60),
    windowDays: z.number().int().min(1).max(60),
  }),
  maintenance: z.object({
    intervalKm: z.number().int().min(1000).max(100_000),
    intervalMonths: z.number().int().min(1).max(48),
    /** Invite this much before the interval runs out. */
    leadKm: z.number().int().min(0).max(20_000),
    leadDays: z.number().int().min(0).max(180),
    windowDays: z.number().int().min(7).max(180),
    /** A car overdue for longer is not invited again (the point was missed); its next one will be. */
    maxOverdueDays: z.number().int().min(0).max(730).default(45),
  }),
  insurance_renewal: z.object({
    policyKinds: z.array(z.enum(["osago", "kasko"])).min(1),
    leadDays: z.number().int().min(1).max(180),
    graceDays: z.number().int().min(0).max(90),
  }),
  credit_end: z.object({ leadDays: z.number().int().min(1).max(365) }),
  warranty_end: z.object({ leadDays: z.number().int().min(1).max(365) }),
  seasonal_tyres: z.object({
    springMonths: z.array(z.number().int().min(1).max(12)).min(1),
    autumnMonths: z.array(z.number().int().min(1).max(12)).min(1),
    /** A car whose tyres were changed this recently is not invited. */
    recentDays: z.number().int().min(0).max(365),
  }),
  trade_in: z.object({
    /** The year of ownership to offer in: 4 is "the fourth year". */
    ownershipYear: z.number().int().min(1).max(15),
  }),
} satisfies Record<Kind, z.ZodType>;

/**
 * Why a standard calls: for the client's own car and purchase (service: allowed unless the client said
 * no) or to sell (marketing: only with the client's yes to offers by phone).
 */
export const STANDARD_PURPOSE: Record<Kind, "service" | "marketing"> = {
  after_delivery: "service",
  maintenance: "service",
  warranty_end: "service",
  seasonal_tyres: "service",
  insurance_renewal: "marketing",
  credit_end: "marketing",
  trade_in: "marketing",
};

export type StandardParams<K extends Kind> = z.infer<(typeof STANDARD_PARAMS)[K]>;

export interface Standard {
  id: number;
  code: string;
  kind: Kind;
  params: unknown;
}

/**
 * A need the standards see today: who to contact about what, when, and until when. `ownerUserId` is the
 * employee who owns the relationship (the salesperson of the deal), for routing.
 */
export const NEED_COLUMNS = sql.raw(
  "party_id, vehicle_id, dealership_id, owner_user_id, need_key, reason_code, reason_params, due_on, window_end, lifecycle_kind, window_start",
);

const car = sql.raw(`nullif(concat_ws(' ', v.make, v.model), '')`);
// The client's cars on the day: each once, with the client, even where two ownership rows survive a merge.
const carsOn = (t: SQL) => sql`(SELECT DISTINCT ON (o.vehicle_id) o.vehicle_id, o.party_id, o.valid_from
    FROM vehicle_ownerships o JOIN parties p ON p.id = o.party_id AND p.status = 'active'
   WHERE o.valid_from <= ${t} AND (o.valid_to IS NULL OR o.valid_to > ${t})
   ORDER BY ${OWNER_OF_CAR_FIRST})`;

/**
 * The SQL that finds one kind's needs for a day, all clients at once (null when the standard has nothing
 * to find that day, like tyres out of season). Each returns NEED_COLUMNS; the evaluator adds the contact
 * policy, routing and the tasks themselves. Only what was known on the day counts (visits before it,
 * cars owned on it), so a past day can be evaluated too: that is how the lifecycle history is rebuilt.
 */
export function needsQuery(standard: Standard, today: string): SQL | null {
  const t = sql`${today}::date`;
  switch (standard.kind) {
    case "after_delivery": {
      const p = STANDARD_PARAMS.after_delivery.parse(standard.params);
      // The fixed days after delivery, then every n months from the last fixed day while the car is kept.
      const last = Math.max(...p.days);
      const offsets = sql`SELECT unnest(${sql.param(p.days)}::int[]) AS d`;
      const repeats = p.everyMonths
        ? sql`UNION ALL SELECT ${int(last)} + (${p.everyMonths * 30.44}::numeric * k)::int FROM generate_series(1, 20) k`
        : sql``;
      return sql`SELECT d.party_id, d.vehicle_id, d.dealership_id, d.salesperson_id AS owner_user_id,
                 'after_delivery:' || d.id || ':' || o.d AS need_key,
                 CASE WHEN o.d <= ${int(last)} THEN 'after_delivery_day' ELSE 'owner_check_in' END AS reason_code,
                 jsonb_build_object('days', o.d, 'car', ${car}, 'deliveredOn', d.delivered_on) AS reason_params,
                 (d.delivered_on + o.d) AS due_on, (d.delivered_on + o.d + ${int(p.windowDays)}) AS window_end,
                 'delivery_follow_up' AS lifecycle_kind, (d.delivered_on + o.d) AS window_start
            FROM deals d
            JOIN (${offsets} ${repeats}) o ON d.delivered_on + o.d BETWEEN ${t} - ${int(p.windowDays)} AND ${t}
            LEFT JOIN vehicles v ON v.id = d.vehicle_id
           WHERE d.status = 'won' AND d.delivered_on IS NOT NULL
             AND d.delivered_on >= ${t} - (${int(last)} + 20 * ${int(p.everyMonths * 31)} + ${int(p.windowDays)})
             AND EXISTS (SELECT 1 FROM vehicle_ownerships x WHERE x.vehicle_id = d.vehicle_id AND x.party_id = d.party_id
                          AND x.valid_from <= ${t} AND (x.valid_to IS NULL OR x.valid_to > ${t}))`;
    }
    case "maintenance": {
      const p = STANDARD_PARAMS.maintenance.parse(standard.params);
      // The model's own maintenance interval (the service catalog's schedule) where there is one, the
      // standard's parameters otherwise. Today's mileage from the car's last two readings (the card's
      // estimator does the careful work; a campaign over a million cars takes the straight line), and
      // the last maintenance.
      return sql`SELECT c.party_id, c.vehicle_id, coalesce(ls.dealership_id, pa.home_dealership_id) AS dealership_id,
                 NULL::int AS owner_user_id,
                 'maintenance:' || c.vehicle_id || ':' || coalesce(ls.on_day, v.first_registered_on, c.valid_from) AS need_key,
                 CASE WHEN est.km - coalesce(ls.km, 0) >= iv.km - ${int(p.leadKm)} THEN 'maintenance_due_km' ELSE 'maintenance_due_time' END AS reason_code,
                 jsonb_build_object('car', ${car}, 'km', est.km, 'sinceKm', est.km - coalesce(ls.km, 0),
                   'since', coalesce(ls.on_day, v.first_registered_on, c.valid_from)) AS reason_params,
                 ${t} AS due_on, ${t} - floor(greatest(due.by_km, due.by_time))::int + ${int(p.windowDays)} AS window_end,
                 'maintenance' AS lifecycle_kind, ${t} - floor(greatest(due.by_km, due.by_time))::int AS window_start
            FROM ${carsOn(t)} c
            JOIN vehicles v ON v.id = c.vehicle_id
            JOIN parties pa ON pa.id = c.party_id
            LEFT JOIN maintenance_schedules ms ON ms.make = v.make AND ms.model = v.model
            CROSS JOIN LATERAL (SELECT coalesce(ms.interval_km, ${int(p.intervalKm)}) AS km,
                                       coalesce(ms.interval_months, ${int(p.intervalMonths)}) AS months) iv
            LEFT JOIN LATERAL (
              SELECT w.opened_at::date AS on_day, w.mileage_km AS km, w.dealership_id FROM work_orders w
               WHERE w.vehicle_id = c.vehicle_id AND w.kind = 'maintenance' AND w.status = 'delivered'
                 AND w.opened_at < ${t}
               ORDER BY w.opened_at DESC LIMIT 1) ls ON true
            -- The last reading and the one before it: two index entries read backwards, not the car's whole history.
            LEFT JOIN LATERAL (
              SELECT x.read_on, x.km, lead(x.read_on) OVER w AS prev_on, lead(x.km) OVER w AS prev_km
                FROM (SELECT r.read_on, r.km FROM mileage_readings r WHERE r.vehicle_id = c.vehicle_id AND r.read_on <= ${t}
                       ORDER BY r.read_on DESC LIMIT 2) x
              WINDOW w AS (ORDER BY x.read_on DESC) ORDER BY x.read_on DESC LIMIT 1) r ON true
            CROSS JOIN LATERAL (SELECT CASE WHEN r.prev_on IS NOT NULL AND r.read_on - r.prev_on >= 60 AND r.km >= r.prev_km
                        THEN least(274.0, (r.km - r.prev_km)::numeric / (r.read_on - r.prev_on)) ELSE 41.0 END AS rate) rt
            CROSS JOIN LATERAL (SELECT coalesce(r.km, 0) + greatest(0, ${t} - coalesce(r.read_on, v.first_registered_on, c.valid_from))
                 * rt.rate AS km, rt.rate) est0
            CROSS JOIN LATERAL (SELECT round(est0.km)::int AS km) est
            CROSS JOIN LATERAL (SELECT
                 -- Days since the car became due by mileage (at its daily rate) and by time; negative: not yet.
                 (est.km - coalesce(ls.km, 0) - (iv.km - ${int(p.leadKm)})) / greatest(est0.rate, 1.0) AS by_km,
                 ${t} - (coalesce(ls.on_day, v.first_registered_on, c.valid_from)
                         + make_interval(months => iv.months) - make_interval(days => ${int(p.leadDays)}))::date AS by_time) due
           -- Due since whichever came first; overdue for longer than maxOverdueDays is a missed point, not today's call.
           WHERE greatest(due.by_km, due.by_time) BETWEEN 0 AND ${int(p.maxOverdueDays)}`;
    }
    case "insurance_renewal": {
      const p = STANDARD_PARAMS.insurance_renewal.parse(standard.params);
      return sql`SELECT x.party_id, x.vehicle_id, coalesce(x.dealership_id, pa.home_dealership_id) AS dealership_id,
                 x.sold_by_id AS owner_user_id,
                 'renewal:' || x.kind || ':' || x.id AS need_key,
                 x.kind || CASE WHEN x.ends_on >= ${t} THEN '_ends' ELSE '_ended' END AS reason_code,
                 jsonb_build_object('car', ${car}, 'on', x.ends_on) AS reason_params,
                 greatest(${t}, x.ends_on - 14) AS due_on, x.ends_on + ${int(p.graceDays)} AS window_end,
                 x.kind AS lifecycle_kind, x.ends_on - ${int(p.leadDays)} AS window_start
            FROM (SELECT DISTINCT ON (ip.vehicle_id, ip.kind) ip.* FROM insurance_policies ip
                   WHERE ip.kind = ANY(${sql.param(p.policyKinds)}::text[]) AND ip.vehicle_id IS NOT NULL
                     AND ip.ends_on >= ${t} - ${int(p.graceDays)} AND ip.starts_on <= ${t}
                   ORDER BY ip.vehicle_id, ip.kind, ip.ends_on DESC) x
            JOIN ${carsOn(t)} c ON c.vehicle_id = x.vehicle_id AND c.party_id = x.party_id
            JOIN vehicles v ON v.id = x.vehicle_id
            JOIN parties pa ON pa.id = x.party_id
           WHERE x.ends_on BETWEEN ${t} - ${int(p.graceDays)} AND ${t} + ${int(p.leadDays)}`;
    }
    case "credit_end": {
      const p = STANDARD_PARAMS.credit_end.parse(standard.params);
      return sql`SELECT cr.party_id, cr.vehicle_id, coalesce(cr.dealership_id, pa.home_dealership_id) AS dealership_id,
                 d.salesperson_id AS owner_user_id,
                 'credit_end:' || cr.id AS need_key, 'credit_ends' AS reason_code,
                 jsonb_build_object('bank', cr.bank, 'on', cr.ends_on) AS reason_params,
                 ${t} AS due_on, cr.ends_on AS window_end,
                 'credit' AS lifecycle_kind, cr.ends_on - ${int(p.leadDays)} AS window_start
            FROM credits cr
            JOIN parties pa ON pa.id = cr.party_id AND pa.status = 'active'
            LEFT JOIN deals d ON d.id = cr.deal_id
           WHERE cr.ends_on BETWEEN ${t} AND ${t} + ${int(p.leadDays)} AND cr.starts_on <= ${t}`;
    }
    case "warranty_end": {
      const p = STANDARD_PARAMS.warranty_end.parse(standard.params);
      return sql`SELECT c.party_id, c.vehicle_id, pa.home_dealership_id AS dealership_id, NULL::int AS owner_user_id,
                 'warranty:' || v.id || ':' || v.warranty_until AS need_key, 'warranty_ends' AS reason_code,
                 jsonb_build_object('car', ${car}, 'on', v.warranty_until) AS reason_params,
                 ${t} AS due_on, v.warranty_until AS window_end,
                 'warranty' AS lifecycle_kind, v.warranty_until - ${int(p.leadDays)} AS window_start
            FROM ${carsOn(t)} c
            JOIN vehicles v ON v.id = c.vehicle_id
            JOIN parties pa ON pa.id = c.party_id
           WHERE v.warranty_until BETWEEN ${t} AND ${t} + ${int(p.leadDays)} AND pa.home_dealership_id IS NOT NULL`;
    }
    case "seasonal_tyres": {
      const p = STANDARD_PARAMS.seasonal_tyres.parse(standard.params);
      const month = Number(today.slice(5, 7));
      const season = p.springMonths.includes(month)
        ? "spring"
        : p.autumnMonths.includes(month)
          ? "autumn"
          : null;
      if (!season) return null;
      const months = season === "spring" ? p.springMonths : p.autumnMonths;
      const start = `${today.slice(0, 4)}-${String(Math.min(...months)).padStart(2, "0")}-01`;
      const end = `${today.slice(0, 4)}-${String(Math.max(...months)).padStart(2, "0")}-01`;
      // Those who changed tyres with the group before: a tyre-change invitation is a service client's, not a cold call.
      return sql`SELECT c.party_id, c.vehicle_id, t.dealership_id, NULL::int AS owner_user_id,
                 'tyres:' || c.vehicle_id || ':' || ${today.slice(0, 4)} || '-' || ${season} AS need_key,
                 ${season === "spring" ? "tyres_summer" : "tyres_winter"} AS reason_code,
                 jsonb_build_object('car', ${car}) AS reason_params,
                 ${t} AS due_on, (${end}::date + interval '1 month' - interval '1 day')::date AS window_end,
                 'tyres' AS lifecycle_kind, ${start}::date AS window_start
            FROM ${carsOn(t)} c
            JOIN vehicles v ON v.id = c.vehicle_id
            JOIN LATERAL (SELECT w.dealership_id, w.opened_at FROM work_orders w
                           WHERE w.vehicle_id = c.vehicle_id AND w.kind = 'tyres' AND w.opened_at < ${t}
                           ORDER BY w.opened_at DESC LIMIT 1) t ON true
           WHERE t.opened_at < ${t} - ${int(p.recentDays)}`;
    }
    case "trade_in": {
      const p = STANDARD_PARAMS.trade_in.parse(standard.params);
      const from = (p.ownershipYear - 1) * 365;
      return sql`SELECT c.party_id, c.vehicle_id, d.dealership_id, d.salesperson_id AS owner_user_id,
                 'trade_in:' || c.vehicle_id || ':' || ${int(p.ownershipYear)} AS need_key, 'trade_in_year' AS reason_code,
                 jsonb_build_object('car', ${car}, 'years', ${int(p.ownershipYear)}) AS reason_params,
                 ${t} AS due_on, (c.valid_from + ${int(from + 365)})::date AS window_end,
                 'trade_in' AS lifecycle_kind, (c.valid_from + ${int(from)})::date AS window_start
            FROM ${carsOn(t)} c
            JOIN vehicles v ON v.id = c.vehicle_id
            JOIN deals d ON d.vehicle_id = c.vehicle_id AND d.party_id = c.party_id AND d.status = 'won'
           WHERE c.valid_from BETWEEN ${t} - ${int(from + 365)} AND ${t} - ${int(from)}
             AND NOT EXISTS (SELECT 1 FROM deals o WHERE o.party_id = c.party_id AND o.status = 'open')`;
    }
  }
}
