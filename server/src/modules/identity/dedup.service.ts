import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../platform/db/database";
import type { ActingAs } from "../staff/actor";
import { deduplicate, type MatchRecord } from "./matching";
import {
  type LoadedParty,
  loadMatchRecords,
  type Matcher,
  queueCandidate,
  refreshKeysFor,
} from "./matching.service";
import { mergeParties } from "./merge.service";
import { matchKeys, parties } from "./schema";

export interface DedupSummary {
  records: number;
  pairsCompared: number;
  merged: number;
  queued: number;
  seconds: number;
}

/** Every active client of a kind with what the matcher compares, read in pages. */
export async function loadAllMatchRecords(
  database: Database,
  kind: "person" | "company",
): Promise<LoadedParty[]> {
  const out: LoadedParty[] = [];
  let after = 0;
  for (;;) {
    const page = await database.db
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.kind, kind), eq(parties.status, "active"), gt(parties.id, after)))
      .orderBy(asc(parties.id))
      .limit(5000);
    if (page.length === 0) return out;
    after = page[page.length - 1]!.id;
    const loaded = await loadMatchRecords(
      database.db,
      page.map((p) => p.id),
    );
    for (const p of page) {
      const l = loaded.get(p.id);
      if (l) out.push(l);
    }
  }
}

/**
 * The batch run over all clients (after a bulk load, or nightly): the engine clusters the records,
 * Orbit merges each cluster into its oldest client and queues the uncertain pairs for review.
 * Merges are committed in groups, so a long run can be interrupted without half-merged clients.
 */
export async function deduplicateAll(
  database: Database,
  by: ActingAs,
  matcher: Matcher,
  kind: "person" | "company",
): Promise<DedupSummary> {
  const started = Date.now();
  const loaded = await loadAllMatchRecords(database, kind);
  const records: MatchRecord[] = loaded.map((l) => l.record);
  const result = deduplicate(records, matcher.params(kind));
  const idOf = (i: number) => loaded[i]!.id;
  const recordOf = new Map(loaded.map((l) => [l.id, l.record]));
  const explain = (a: number, b: number) => matcher.score(kind, recordOf.get(a)!, recordOf.get(b)!);

  let merged = 0;
  const clusters = result.clusters.map((c) => c.map(idOf).sort((a, b) => a - b));
  for (let i = 0; i < clusters.length; i += 50) {
    await database.db.transaction(async (tx) => {
      for (const cluster of clusters.slice(i, i + 50)) {
        const [survivor, ...rest] = cluster as [number, ...number[]];
        for (const id of rest) {
          const match = explain(survivor, id);
          await mergeParties(tx, by, {
            survivorId: survivor,
            mergedId: id,
            decidedBy: "auto",
            probability: match.probability,
            explanation: match.fields,
          });
          await tx.delete(matchKeys).where(eq(matchKeys.partyId, id));
          merged++;
        }
        await refreshKeysFor(tx, matcher, [survivor]);
      }
    });
  }
  // Pairs for review are judged again on the clients as they are after the merges: a merge may have
  // brought the missing birth date that settles it either way.
  const survivorOf = new Map<number, number>();
  for (const cluster of clusters) for (const id of cluster) survivorOf.set(id, cluster[0]!);
  const current = (i: number) => survivorOf.get(idOf(i)) ?? idOf(i);
  const pairs = new Map<string, [number, number]>();
  for (const p of result.pairs) {
    if (p.decision !== "review") continue;
    const a = Math.min(current(p.a), current(p.b));
    const b = Math.max(current(p.a), current(p.b));
    if (a !== b) pairs.set(`${a}:${b}`, [a, b]);
  }
  let queued = 0;
  const list = [...pairs.values()];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    await database.db.transaction(async (tx) => {
      const fresh = await loadMatchRecords(tx, [...new Set(chunk.flat())]);
      for (const [a, b] of chunk) {
        const ra = fresh.get(a);
        const rb = fresh.get(b);
        if (!ra || !rb) continue;
        const match = matcher.score(kind, ra.record, rb.record);
        if (match.probability < matcher.reviewAt) continue;
        await queueCandidate(tx, matcher, a, b, match);
        queued++;
      }
    });
  }
  return {
    records: records.length,
    pairsCompared: result.pairsCompared,
    merged,
    queued,
    seconds: (Date.now() - started) / 1000,
  };
}
