import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { dealProcesses, dealSteps, deals } from "./schema";

/**
 * The process a lead's deal follows: a new or used car sale, or, for a client called about trading in their
 * car, the purchase with trade-in (on credit when the client wants it).
 */
const PROCESS_OF = { new_car: "new_car", used_car: "used_car", trade_in: "combined" } as const;

/**
 * A new sale opened from a call or a scenario: the salesperson's open deal with the client, on the
 * process of its kind, so the salesperson continues it in the guided deal screen.
 */
export async function openDeal(
  db: Db,
  lead: {
    dealershipId: number;
    partyId: number;
    kind: "new_car" | "used_car" | "trade_in";
    source: "call" | "web" | "scenario";
    salespersonId: number;
    tradeInVehicleId: number | null;
  },
  by?: ActingAs,
): Promise<{ id: number }> {
  const [process] = await db
    .select()
    .from(dealProcesses)
    .where(and(eq(dealProcesses.code, PROCESS_OF[lead.kind]), eq(dealProcesses.active, true)));
  const now = new Date();
  const [row] = await db
    .insert(deals)
    .values({
      ...lead,
      kind: process?.dealKind ?? lead.kind,
      processId: process?.id ?? null,
      status: "open",
      openedAt: now,
      updatedAt: now,
    })
    .returning({ id: deals.id });
  if (!row) throw new Error("deal insert returned nothing");
  if (process) {
    const steps = (process.definition as { steps: { code: string }[] }).steps;
    await db
      .insert(dealSteps)
      .values(steps.map((s, position) => ({ dealId: row.id, code: s.code, position })));
  }
  if (by)
    await recordAction(db, by, {
      entityType: "deal",
      entityId: row.id,
      action: "open",
      processStep: "deal.open",
      after: { process: process?.code ?? null, version: process?.version ?? null, source: lead.source },
      dealershipId: lead.dealershipId,
    });
  return row;
}
