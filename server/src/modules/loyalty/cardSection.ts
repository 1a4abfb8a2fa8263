import type { CardLoyalty } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

const SHOWN = 20;

/** The client's points: the balance and the latest movements with what each was for. */
export function loyaltySection(partyId: number): SQL {
  return sql`json_build_object(
      'balance', (SELECT balance FROM loyalty_accounts WHERE kind = 'client' AND party_id = ${partyId}),
      'movements', coalesce((SELECT json_agg(x ORDER BY x.at DESC, x.id DESC) FROM (
        SELECT m.id, m.at, m.reason, CASE WHEN a.kind = 'client' THEN m.points ELSE -m.points END AS points,
               m.details, m.work_order_id, m.expires_at
          FROM loyalty_movements m JOIN loyalty_accounts a ON a.id = m.to_account_id
         WHERE m.party_id = ${partyId} ORDER BY m.at DESC, m.id DESC LIMIT ${SHOWN}) x), '[]'))`;
}

export interface LoyaltyJson {
  balance: number | string | null;
  movements: {
    id: number;
    at: string;
    reason: CardLoyalty["movements"][number]["reason"];
    points: number | string;
    details: Record<string, unknown>;
    work_order_id: number | null;
    expires_at: string | null;
  }[];
}

export function toLoyalty(json: LoyaltyJson | null): CardLoyalty {
  return {
    balance: Number(json?.balance ?? 0),
    movements: (json?.movements ?? []).map((m) => ({
      id: Number(m.id),
      at: new Date(m.at).toISOString(),
      reason: m.reason,
      points: Number(m.points),
      details: m.details,
      workOrderId: m.work_order_id,
      expiresAt: m.expires_at ? new Date(m.expires_at).toISOString() : null,
    })),
  };
}
