import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { DEAL_KINDS, POLICY_KINDS } from "../deals/schema";
import { WORK_ORDER_KINDS } from "../service/schema";

/**
 * What counts as a client taking an offer: a work order, a won deal, a policy sold by the group or a
 * credit of the given kinds, for the car itself or anything the client does, within the horizon.
 */
export const FamilyTarget = z
  .object({
    source: z.enum(["work_order", "deal", "policy", "credit"]),
    kinds: z.array(z.string().min(1).max(40)).max(10),
    match: z.enum(["vehicle", "client"]),
  })
  .superRefine((t, ctx) => {
    const allowed: readonly string[] =
      t.source === "work_order"
        ? WORK_ORDER_KINDS
        : t.source === "deal"
          ? DEAL_KINDS
          : t.source === "policy"
            ? POLICY_KINDS
            : [];
    t.kinds.forEach((k, i) => {
      if (!allowed.includes(k))
        ctx.addIssue({ code: "custom", path: ["kinds", i], message: `not a ${t.source} kind: ${k}` });
    });
  });
export type FamilyTarget = z.infer<typeof FamilyTarget>;

export interface Family {
  id: number;
  code: string;
  target: FamilyTarget;
  horizonDays: number;
  valueRub: number;
  purpose: "service" | "marketing";
  queue: "sales" | "service" | "finance" | "call_center";
  active: boolean;
}

const kinds = (k: readonly string[]) => sql`${sql.param([...k])}::text[]`;

/**
 * 1 when the client took the family's offer within the horizon after the row's day, else 0; over rows
 * of `c` (party_id, vehicle_id) on the day `t`. Correlated EXISTS, each on an index of the history table.
 */
export function labelSql(f: Family, t: SQL): SQL {
  const { source, match } = f.target;
  const any = f.target.kinds.length === 0;
  const within = (col: SQL) => sql`${col} > ${t} AND ${col} <= ${t} + ${sql.raw(String(f.horizonDays))}`;
  const who = (alias: string) =>
    match === "vehicle"
      ? sql.raw(`${alias}.vehicle_id = c.vehicle_id AND ${alias}.party_id = c.party_id`)
      : sql.raw(`${alias}.party_id = c.party_id`);
  switch (source) {
    case "work_order":
      return sql`(EXISTS (SELECT 1 FROM work_orders x WHERE ${match === "vehicle" ? sql.raw("x.vehicle_id = c.vehicle_id") : who("x")}
                   AND x.status NOT IN ('cancelled', 'no_show') AND ${within(sql`x.opened_at::date`)}
                   ${any ? sql`` : sql`AND x.kind = ANY(${kinds(f.target.kinds)})`}))::int`;
    case "deal":
      return sql`(EXISTS (SELECT 1 FROM deals x WHERE ${who("x")}
                   AND x.status = 'won' AND ${within(sql`x.closed_at::date`)}
                   ${any ? sql`` : sql`AND x.kind = ANY(${kinds(f.target.kinds)})`}))::int`;
    case "policy":
      return sql`(EXISTS (SELECT 1 FROM insurance_policies x WHERE ${who("x")}
                   AND x.dealership_id IS NOT NULL AND ${within(sql`x.starts_on`)}
                   ${any ? sql`` : sql`AND x.kind = ANY(${kinds(f.target.kinds)})`}))::int`;
    case "credit":
      return sql`(EXISTS (SELECT 1 FROM credits x WHERE ${who("x")} AND ${within(sql`x.starts_on`)}))::int`;
  }
}

/**
 * The offer's value for one car: the family's value, except a renewal is worth the premium the client
 * paid last time when Orbit knows it.
 */
export function offerValue(f: Pick<Family, "code" | "target" | "valueRub">, premiumRub: number): number {
  if (f.target.source === "policy" && !Number.isNaN(premiumRub) && premiumRub > 0)
    return Math.round(premiumRub);
  return f.valueRub;
}

/**
 * A client already in a deal is being sold to: the next car or a credit is not an offer to make then,
 * so such rows are neither learned from, tested on, nor scored for these families.
 */
export function skipsOpenDeals(f: Pick<Family, "target">): boolean {
  return f.target.match === "client" && (f.target.source === "deal" || f.target.source === "credit");
}
