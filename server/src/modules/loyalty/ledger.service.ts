import type { LoyaltyMovement, LoyaltySummary } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { refused } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import {
  cashback,
  DEFAULT_RULES,
  expiringPoints,
  expiryOf,
  LoyaltyRules,
  maxSpend,
  spendRefusal,
  type Tier,
  tierOf,
} from "./rules";

type ProgrammeAccount = "issued" | "redeemed" | "expired";
export type MovementReason =
  | "sign_up"
  | "first_review"
  | "cashback"
  | "spend"
  | "refund"
  | "expiry"
  | "adjustment";

export async function loadRules(db: Db): Promise<LoyaltyRules> {
  const [row] = await execRows<{ rules: unknown }>(db, sql`SELECT rules FROM loyalty_rules WHERE id = 1`);
  const parsed = LoyaltyRules.safeParse(row?.rules);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

async function clientAccount(db: Db, partyId: number): Promise<number> {
  await db.execute(
    sql`INSERT INTO loyalty_accounts (kind, party_id) VALUES ('client', ${partyId}) ON CONFLICT DO NOTHING`,
  );
  const [row] = await execRows<{ id: number }>(
    db,
    sql`SELECT id FROM loyalty_accounts WHERE kind = 'client' AND party_id = ${partyId}`,
  );
  return row!.id;
}

interface Movement {
  key: string;
  partyId: number;
  /** Points come to the client from a programme account, or go from the client to it. */
  direction: "in" | "out";
  programme: ProgrammeAccount;
  points: number;
  reason: MovementReason;
  details?: Record<string, unknown>;
  workOrderId?: number | null;
  expiresAt?: Date | null;
}

const isCheckViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23514" || e?.cause?.code === "23514";
};

/**
 * Posts one movement. A key already posted changes nothing (returns false): earning, spending and
 * refunding can be retried safely. The database refuses a movement that would take the client below zero.
 */
export async function post(db: Db, by: ActingAs, m: Movement): Promise<boolean> {
  if (!(m.points > 0)) return false;
  const client = await clientAccount(db, m.partyId);
  const [programme] = await execRows<{ id: number }>(
    db,
    sql`SELECT id FROM loyalty_accounts WHERE kind = ${m.programme}`,
  );
  const [from, to] = m.direction === "in" ? [programme!.id, client] : [client, programme!.id];
  let inserted: { id: number }[];
  try {
    inserted = await db.transaction((sp) =>
      execRows<{ id: number }>(
        sp,
        sql`INSERT INTO loyalty_movements (idempotency_key, from_account_id, to_account_id, points, party_id, reason, details, work_order_id, expires_at)
            VALUES (${m.key}, ${from}, ${to}, ${m.points}, ${m.partyId}, ${m.reason}, ${JSON.stringify(m.details ?? {})}::jsonb,
                    ${m.workOrderId ?? null}, ${m.expiresAt?.toISOString() ?? null}::timestamptz)
            ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      ),
    );
  } catch (err) {
    if (isCheckViolation(err)) throw refused("not_enough_points", "Not enough points");
    throw err;
  }
  if (inserted.length === 0) return false;
  await recordAction(db, by, {
    entityType: "loyalty_movement",
    entityId: inserted[0]!.id,
    action: `loyalty:${m.reason}`,
    processStep: `loyalty.${m.reason}`,
    after: { partyId: m.partyId, points: m.direction === "in" ? m.points : -m.points, ...m.details },
  });
  return true;
}

export async function balanceOf(db: Db, partyId: number): Promise<number> {
  const [row] = await execRows<{ balance: string }>(
    db,
    sql`SELECT balance FROM loyalty_accounts WHERE kind = 'client' AND party_id = ${partyId}`,
  );
  return Number(row?.balance ?? 0);
}

/** What the client paid for service over the 12 months before `now` (the tier's measure). */
async function paidLastYear(db: Db, partyId: number, now: Date, exceptWorkOrderId?: number): Promise<number> {
  const [row] = await execRows<{ kopecks: string }>(
    db,
    sql`SELECT coalesce(sum(amount_kopecks), 0) AS kopecks FROM work_orders
         WHERE party_id = ${partyId} AND status = 'delivered' AND id <> ${exceptWorkOrderId ?? 0}
           AND closed_at > ${now.toISOString()}::timestamptz - interval '12 months'`,
  );
  return Math.floor(Number(row?.kopecks ?? 0) / 100);
}

export async function tierFor(db: Db, partyId: number, now = new Date()): Promise<Tier> {
  return tierOf(await loadRules(db), await paidLastYear(db, partyId, now));
}

/** Points the client put on a work order (spent less refunded). */
export async function pointsOnWorkOrder(db: Db, workOrderId: number): Promise<number> {
  const [row] = await execRows<{ points: string }>(
    db,
    sql`SELECT coalesce(sum(CASE WHEN reason = 'spend' THEN points WHEN reason = 'refund' THEN -points ELSE 0 END), 0) AS points
          FROM loyalty_movements WHERE work_order_id = ${workOrderId}`,
  );
  return Number(row?.points ?? 0);
}

export async function grantSignUp(db: Db, by: ActingAs, partyId: number, now = new Date()): Promise<boolean> {
  const rules = await loadRules(db);
  return post(db, by, {
    key: `sign_up:${partyId}`,
    partyId,
    direction: "in",
    programme: "issued",
    points: rules.signUpPoints,
    reason: "sign_up",
    expiresAt: expiryOf(rules, now),
  });
}

export async function grantFirstReview(
  db: Db,
  by: ActingAs,
  partyId: number,
  workOrder: { id: number; number: string },
  now = new Date(),
): Promise<boolean> {
  const rules = await loadRules(db);
  return post(db, by, {
    key: `first_review:${partyId}`,
    partyId,
    direction: "in",
    programme: "issued",
    points: rules.firstReviewPoints,
    reason: "first_review",
    details: { number: workOrder.number },
    workOrderId: workOrder.id,
    expiresAt: expiryOf(rules, now),
  });
}

/**
 * Cashback for a delivered work order, by the client's tier, on what was paid in money (points put on
 * the order earn nothing). Called in the delivery's transaction; a repeat earns nothing more.
 */
export async function earnCashback(
  db: Db,
  by: ActingAs,
  w: { id: number; number: string; partyId: number; amountKopecks: number },
  now = new Date(),
): Promise<number> {
  const rules = await loadRules(db);
  const tier = tierOf(rules, await paidLastYear(db, w.partyId, now, w.id));
  const billRub = Math.floor(w.amountKopecks / 100);
  const paidWithPoints = await pointsOnWorkOrder(db, w.id);
  const points = cashback(tier, billRub, paidWithPoints);
  const done = await post(db, by, {
    key: `cashback:${w.id}`,
    partyId: w.partyId,
    direction: "in",
    programme: "issued",
    points,
    reason: "cashback",
    details: {
      number: w.number,
      tier: tier.code,
      percent: tier.cashbackPercent,
      paidRub: billRub - paidWithPoints,
    },
    workOrderId: w.id,
    expiresAt: expiryOf(rules, now),
  });
  return done ? points : 0;
}

/** Puts points on a work order's bill: at most the rules' share of it and the client's balance. */
export async function spendOnWorkOrder(
  db: Db,
  by: ActingAs,
  w: { id: number; number: string; partyId: number; amountKopecks: number },
  points: number,
  field = "body.points",
): Promise<void> {
  const rules = await loadRules(db);
  const billRub = Math.floor(w.amountKopecks / 100);
  const already = await pointsOnWorkOrder(db, w.id);
  const why = spendRefusal(rules, billRub - already, await balanceOf(db, w.partyId), points);
  if (why === "over_share" || why === "over_balance") {
    const most = maxSpend(rules, billRub, await balanceOf(db, w.partyId)) - already;
    throw refused(
      why === "over_share" ? "points_over_share" : "not_enough_points",
      `${field}: at most ${Math.max(0, most)} points may pay this bill`,
    );
  }
  if (why) throw refused("points_invalid", `${field}: a whole positive number of points`);
  await post(db, by, {
    key: `spend:${w.id}:${already}`,
    partyId: w.partyId,
    direction: "out",
    programme: "redeemed",
    points,
    reason: "spend",
    details: { number: w.number, billRub },
    workOrderId: w.id,
  });
}

/** A cancelled or missed visit gives back the points put on it. */
export async function refundWorkOrder(
  db: Db,
  by: ActingAs,
  w: { id: number; number: string; partyId: number },
): Promise<void> {
  const points = await pointsOnWorkOrder(db, w.id);
  await post(db, by, {
    key: `refund:${w.id}`,
    partyId: w.partyId,
    direction: "in",
    programme: "redeemed",
    points,
    reason: "refund",
    details: { number: w.number },
    workOrderId: w.id,
  });
}

/**
 * Lapses what is left of earned points past their date, for every client who has any: the oldest
 * points are taken to have been spent first. One movement per client per day.
 */
export async function expireDue(
  db: Db,
  by: ActingAs,
  now = new Date(),
): Promise<{ clients: number; points: number }> {
  const due = await execRows<{ party_id: number }>(
    db,
    sql`SELECT DISTINCT m.party_id FROM loyalty_movements m JOIN loyalty_accounts a ON a.id = m.to_account_id AND a.kind = 'client'
         WHERE m.expires_at <= ${now.toISOString()}::timestamptz`,
  );
  let clients = 0;
  let total = 0;
  for (const { party_id: partyId } of due) {
    const rows = await execRows<{ direction: "in" | "out"; points: string; expires_at: Date | null }>(
      db,
      sql`SELECT CASE WHEN a.kind = 'client' THEN 'in' ELSE 'out' END AS direction, m.points, m.expires_at
            FROM loyalty_movements m JOIN loyalty_accounts a ON a.id = m.to_account_id WHERE m.party_id = ${partyId}`,
    );
    const lots = rows
      .filter((r) => r.direction === "in")
      .map((r) => ({ points: Number(r.points), expiresAt: r.expires_at ? new Date(r.expires_at) : null }));
    const out = rows.filter((r) => r.direction === "out").reduce((s, r) => s + Number(r.points), 0);
    const points = Math.min(expiringPoints(lots, out, now), await balanceOf(db, partyId));
    const day = now.toISOString().slice(0, 10);
    if (
      await post(db, by, {
        key: `expiry:${partyId}:${day}`,
        partyId,
        direction: "out",
        programme: "expired",
        points,
        reason: "expiry",
        details: { on: day },
      })
    ) {
      clients++;
      total += points;
    }
  }
  return { clients, points: total };
}

/** The client's balance, tier and movements, newest first: the portal's page and the staff card's section. */
export async function loyaltySummary(
  db: Db,
  partyId: number,
  now = new Date(),
  limit = 50,
): Promise<LoyaltySummary> {
  const rules = await loadRules(db);
  const paid = await paidLastYear(db, partyId, now);
  const tier = tierOf(rules, paid);
  const rows = await execRows<{
    id: number;
    at: Date;
    reason: MovementReason;
    points: string;
    incoming: boolean;
    details: Record<string, unknown>;
    work_order_id: number | null;
    expires_at: Date | null;
  }>(
    db,
    sql`SELECT m.id, m.at, m.reason, m.points, a.kind = 'client' AS incoming, m.details, m.work_order_id, m.expires_at
          FROM loyalty_movements m JOIN loyalty_accounts a ON a.id = m.to_account_id
         WHERE m.party_id = ${partyId} ORDER BY m.at DESC, m.id DESC LIMIT ${limit}`,
  );
  const movements: LoyaltyMovement[] = rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    reason: r.reason,
    points: r.incoming ? Number(r.points) : -Number(r.points),
    details: r.details,
    workOrderId: r.work_order_id,
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
  }));
  return {
    balance: await balanceOf(db, partyId),
    tier: tier.code,
    cashbackPercent: tier.cashbackPercent,
    paidRubLastYear: paid,
    maxSpendShare: rules.maxSpendShare,
    movements,
  };
}
