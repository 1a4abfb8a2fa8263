import type { PointsStatement } from "@orbit/contracts";
import { eq, sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { toRule } from "./config.service";
import { inTime, monthBounds, ruleAmount } from "./points";
import { pointsRules } from "./schema";

/** Points are the contact centre's motivation: they apply to operators (and their head taking calls). */
const EARNERS = new Set(["call_center_operator", "call_center_head"]);

async function rulesFor(db: Db, event: string) {
  return (
    await db
      .select()
      .from(pointsRules)
      .where(eq(pointsRules.event, event as never))
  )
    .map(toRule)
    .filter((r) => r.active);
}

/** The stake: the size of the pick-up charge, which "x3" multiplies. */
async function stake(db: Db): Promise<number> {
  const [rule] = await rulesFor(db, "call_answered");
  return rule?.points ?? 0;
}

async function credit(
  db: Db,
  e: { userId: number; code: string; points: number; callId: number; at: Date; partyId: number | null },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO points_ledger (user_id, at, rule_code, points, call_id, party_id)
        VALUES (${e.userId}, ${e.at.toISOString()}::timestamptz, ${e.code}, ${e.points}, ${e.callId}, ${e.partyId})
        ON CONFLICT (user_id, rule_code, call_id) DO NOTHING`,
  );
}

/** Wilgood: picking up an incoming call charges the operator's account (-50 by default). */
export async function chargeOnAnswer(
  db: Db,
  c: { callId: number; userId: number; role: string; at: Date; partyId: number | null },
): Promise<void> {
  if (!EARNERS.has(c.role)) return;
  const s = await stake(db);
  for (const rule of await rulesFor(db, "call_answered")) {
    await credit(db, {
      userId: c.userId,
      code: rule.code,
      points: ruleAmount(rule, s),
      callId: c.callId,
      at: c.at,
      partyId: c.partyId,
    });
  }
}

/** ...and gives it back when the client is passed to a service advisor within the set time. */
export async function creditHandover(
  db: Db,
  c: { callId: number; userId: number; role: string; answeredAt: Date; at: Date; partyId: number | null },
): Promise<number> {
  if (!EARNERS.has(c.role)) return 0;
  const s = await stake(db);
  let total = 0;
  for (const rule of await rulesFor(db, "handover_in_time")) {
    if (!inTime(c.answeredAt, c.at, rule.withinS)) continue;
    const points = ruleAmount(rule, s);
    await credit(db, {
      userId: c.userId,
      code: rule.code,
      points,
      callId: c.callId,
      at: c.at,
      partyId: c.partyId,
    });
    total += points;
  }
  return total;
}

/**
 * ...and three times the stake (to the operator and the advisor who received the client) once the
 * client booked on the call actually comes in. Run periodically; the ledger's key makes it run once.
 */
export async function settleArrivals(db: Db): Promise<number> {
  const s = await stake(db);
  let credited = 0;
  for (const rule of await rulesFor(db, "client_arrived")) {
    const points = ruleAmount(rule, s);
    const rows = await execRows<{ n: number }>(
      db,
      sql`WITH arrived AS (
            SELECT c.id AS call_id, c.user_id, w.advisor_id, c.party_id, coalesce(w.opened_at, now()) AS at
              FROM calls c JOIN work_orders w ON w.id = c.handover_id
              JOIN users u ON u.id = c.user_id
             WHERE c.handover_type = 'work_order'
               AND w.status IN ('arrived', 'in_work', 'waiting_parts', 'ready', 'delivered')
               AND u.role IN ('call_center_operator', 'call_center_head')),
          earners AS (
            SELECT call_id, user_id, party_id, at FROM arrived
            UNION SELECT call_id, advisor_id, party_id, at FROM arrived WHERE ${rule.alsoAdvisor} AND advisor_id IS NOT NULL),
          ins AS (
            INSERT INTO points_ledger (user_id, at, rule_code, points, call_id, party_id)
            SELECT user_id, at, ${rule.code}, ${points}, call_id, party_id FROM earners
            ON CONFLICT (user_id, rule_code, call_id) DO NOTHING RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
    );
    credited += rows[0]?.n ?? 0;
  }
  return credited;
}

export async function pointsStatement(
  db: Db,
  userId: number,
  month = dealerDay().slice(0, 7),
): Promise<PointsStatement> {
  const [user] = await execRows<{ full_name: string }>(
    db,
    sql`SELECT full_name FROM users WHERE id = ${userId}`,
  );
  if (!user) throw notFound("Employee");
  const { from, to } = monthBounds(month);
  const entries = await execRows<{
    at: Date;
    code: string;
    points: number;
    call_id: number | null;
    client: string | null;
  }>(
    db,
    sql`SELECT l.at, l.rule_code AS code, l.points, l.call_id, p.display_name AS client
          FROM points_ledger l LEFT JOIN parties p ON p.id = l.party_id
         WHERE l.user_id = ${userId}
           AND l.at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Moscow'
           AND l.at < (${to}::date)::timestamp AT TIME ZONE 'Europe/Moscow'
         ORDER BY l.at, l.id`,
  );
  const byRule = new Map<string, { count: number; points: number }>();
  for (const e of entries) {
    const r = byRule.get(e.code) ?? { count: 0, points: 0 };
    r.count++;
    r.points += e.points;
    byRule.set(e.code, r);
  }
  return {
    userId,
    userName: user.full_name,
    month,
    total: entries.reduce((s, e) => s + e.points, 0),
    byRule: [...byRule].map(([code, r]) => ({ code, ...r })),
    entries: entries.map((e) => ({
      at: new Date(e.at).toISOString(),
      code: e.code,
      points: e.points,
      callId: e.call_id,
      clientName: e.client,
    })),
  };
}

/** Everyone's month at a glance, for the head of the contact centre. */
export async function pointsLeaderboard(db: Db, month = dealerDay().slice(0, 7)) {
  const { from, to } = monthBounds(month);
  const rows = await execRows<{ user_id: number; full_name: string; total: number }>(
    db,
    sql`SELECT u.id AS user_id, u.full_name, coalesce(sum(l.points), 0)::int AS total
          FROM users u LEFT JOIN points_ledger l ON l.user_id = u.id
               AND l.at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Moscow'
               AND l.at < (${to}::date)::timestamp AT TIME ZONE 'Europe/Moscow'
         WHERE u.active AND (u.role IN ('call_center_operator', 'call_center_head') OR l.id IS NOT NULL)
         GROUP BY u.id ORDER BY total DESC, u.full_name`,
  );
  return rows.map((r) => ({ userId: r.user_id, userName: r.full_name, total: r.total }));
}
