import type { DuplicateCandidate } from "@orbit/contracts";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { loadMatchRecords, type Matcher, refreshKeysFor } from "./matching.service";
import { mergeParties } from "./merge.service";
import { loadIdentity } from "./partyStore";
import { matchCandidates, matchKeys } from "./schema";

/**
 * The review queue: undecided pairs, most probable first. Each pair is judged again on the clients
 * as they are now (a merge since may have brought the birth date that settles it); a pair that is no
 * longer likely leaves the queue as dismissed, and a changed score is saved with its explanation.
 */
export async function listCandidates(
  db: Db,
  matcher: Matcher,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: DuplicateCandidate[] }> {
  const items: DuplicateCandidate[] = [];
  let offset = page.offset;
  while (items.length < page.limit) {
    const rows = await db
      .select()
      .from(matchCandidates)
      .where(eq(matchCandidates.status, "pending"))
      .orderBy(desc(matchCandidates.probability), asc(matchCandidates.id))
      .limit(page.limit - items.length)
      .offset(offset);
    if (rows.length === 0) break;
    const records = await loadMatchRecords(db, [...new Set(rows.flatMap((r) => [r.partyA, r.partyB]))]);
    for (const r of rows) {
      const a = records.get(r.partyA);
      const b = records.get(r.partyB);
      const live = a && b && a.kind === b.kind ? matcher.score(a.kind, a.record, b.record) : null;
      if (!live || live.probability < matcher.reviewAt) {
        await db
          .update(matchCandidates)
          .set({ status: "dismissed", decidedAt: new Date() })
          .where(eq(matchCandidates.id, r.id));
        continue;
      }
      offset++;
      if (Math.abs(live.probability - r.probability) > 1e-9) {
        await db
          .update(matchCandidates)
          .set({ probability: live.probability, weight: live.weight, explanation: live.fields })
          .where(eq(matchCandidates.id, r.id));
      }
      // One after the other: inside a transaction every query shares one connection.
      const ia = await loadIdentity(db, r.partyA);
      const ib = await loadIdentity(db, r.partyB);
      if (!ia || !ib) continue;
      items.push({
        id: r.id,
        probability: live.probability,
        weight: live.weight,
        explanation: live.fields,
        createdAt: r.createdAt.toISOString(),
        a: ia,
        b: ib,
      });
    }
  }
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(matchCandidates)
    .where(eq(matchCandidates.status, "pending"));
  return { total: count?.n ?? 0, items };
}

async function pendingCandidate(db: Db, id: number) {
  const [c] = await db.select().from(matchCandidates).where(eq(matchCandidates.id, id)).for("update");
  if (!c) throw notFound("Duplicate pair");
  if (c.status !== "pending") throw conflict(`This pair was decided already (${c.status.replace("_", " ")})`);
  return c;
}

/** An employee confirms the pair is one client; by default the older record survives. */
export async function confirmDuplicate(
  db: Db,
  by: ActingAs,
  matcher: Matcher,
  candidateId: number,
  survivorId?: number,
): Promise<{ mergeId: number; survivorId: number }> {
  const c = await pendingCandidate(db, candidateId);
  const survivor = survivorId ?? c.partyA;
  if (survivor !== c.partyA && survivor !== c.partyB)
    throw invalid("body.survivorId", "must be one of the pair");
  const merged = survivor === c.partyA ? c.partyB : c.partyA;
  const mergeId = await mergeParties(db, by, {
    survivorId: survivor,
    mergedId: merged,
    decidedBy: "employee",
    probability: c.probability,
    explanation: c.explanation,
  });
  await db
    .update(matchCandidates)
    .set({ status: "merged", decidedByUserId: by.userId, decidedAt: new Date() })
    .where(eq(matchCandidates.id, candidateId));
  await db.delete(matchKeys).where(eq(matchKeys.partyId, merged));
  await refreshKeysFor(db, matcher, [survivor]);
  return { mergeId, survivorId: survivor };
}

/** An employee says the two are different clients; matching will not propose the pair again. */
export async function rejectDuplicate(db: Db, by: ActingAs, candidateId: number): Promise<void> {
  const c = await pendingCandidate(db, candidateId);
  await db
    .update(matchCandidates)
    .set({ status: "not_duplicate", decidedByUserId: by.userId, decidedAt: new Date() })
    .where(eq(matchCandidates.id, candidateId));
  await recordAction(db, by, {
    entityType: "client",
    entityId: c.partyA,
    action: "not_duplicate",
    processStep: "identity.review",
    after: { otherClientId: c.partyB, probability: c.probability },
  });
}
