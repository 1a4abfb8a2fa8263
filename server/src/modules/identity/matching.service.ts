import type { FieldComparison, GoldenRecord } from "@orbit/contracts";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { ActingAs } from "../staff/actor";
import type { ClientRecord } from "./clientRecord";
import type { MatchRecord, ModelParams } from "./matching/types";
import { mergeParties } from "./merge.service";
import { currentVins } from "./partyStore";
import { contactPoints, identityDocuments, matchCandidates, matchKeys, parties } from "./schema";

export interface Match {
  probability: number;
  weight: number;
  fields: FieldComparison[];
}

/** The trained matching model as the services use it (see identity/matcher.ts). */
export interface Matcher {
  readonly modelId: number | null;
  readonly autoMergeAt: number;
  readonly reviewAt: number;
  /** The trained parameters, for batch runs of the engine. */
  params(kind: "person" | "company"): ModelParams;
  keys(kind: "person" | "company", record: MatchRecord): string[];
  score(kind: "person" | "company", a: MatchRecord, b: MatchRecord): Match;
}

export interface LoadedParty {
  id: number;
  kind: "person" | "company";
  record: MatchRecord;
}

/** The engine's view of a client straight from a normalised record and its golden record (no database). */
export function matchRecordOf(r: ClientRecord, golden: GoldenRecord): MatchRecord {
  return {
    lastName: golden.lastName,
    firstName: golden.firstName,
    patronymic: golden.patronymic,
    birthDate: golden.birthDate,
    name: golden.companyName,
    inn: golden.inn,
    phones: r.phones.map((p) => p.value),
    emails: r.emails.map((e) => e.value),
    documents: r.documents.map((d) => `${d.kind}:${d.value}`),
    vins: r.vins.map((v) => v.value),
  };
}

/** What the matcher compares for each client: the golden record, live contacts, documents and VINs. */
export async function loadMatchRecords(db: Db, ids: readonly number[]): Promise<Map<number, LoadedParty>> {
  const out = new Map<number, LoadedParty>();
  if (ids.length === 0) return out;
  const list = [...ids];
  // Sequential on purpose: this runs inside transactions, where all queries share one connection.
  const rows = await db.select().from(parties).where(inArray(parties.id, list));
  const contacts = await db
    .select({ partyId: contactPoints.partyId, kind: contactPoints.kind, value: contactPoints.value })
    .from(contactPoints)
    .where(and(inArray(contactPoints.partyId, list), isNull(contactPoints.validTo)));
  const documents = await db
    .select({
      partyId: identityDocuments.partyId,
      kind: identityDocuments.kind,
      number: identityDocuments.number,
    })
    .from(identityDocuments)
    .where(and(inArray(identityDocuments.partyId, list), isNull(identityDocuments.validTo)));
  const vins = await currentVins(db, list);
  const group = <T extends { partyId: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) m.set(x.partyId, [...(m.get(x.partyId) ?? []), x]);
    return m;
  };
  const contactsBy = group(contacts);
  const documentsBy = group(documents);
  for (const p of rows) {
    const cs = contactsBy.get(p.id) ?? [];
    out.set(p.id, {
      id: p.id,
      kind: p.kind,
      record: {
        lastName: p.lastName,
        firstName: p.firstName,
        patronymic: p.patronymic,
        birthDate: p.birthDate,
        name: p.companyName,
        inn: p.inn,
        phones: cs.filter((c) => c.kind === "phone").map((c) => c.value),
        emails: cs.filter((c) => c.kind === "email").map((c) => c.value),
        documents: (documentsBy.get(p.id) ?? []).map((d) => `${d.kind}:${d.number}`),
        vins: vins.get(p.id) ?? [],
      },
    });
  }
  return out;
}

/** Replaces the blocking keys of these clients with the matcher's current keys for them. */
export async function refreshKeys(db: Db, matcher: Matcher, loaded: Iterable<LoadedParty>): Promise<void> {
  const list = [...loaded];
  if (list.length === 0) return;
  await db.delete(matchKeys).where(
    inArray(
      matchKeys.partyId,
      list.map((p) => p.id),
    ),
  );
  const rows = list.flatMap((p) =>
    [...new Set(matcher.keys(p.kind, p.record))].map((key) => ({ key, partyId: p.id })),
  );
  for (let i = 0; i < rows.length; i += 5000) await db.insert(matchKeys).values(rows.slice(i, i + 5000));
}

export async function refreshKeysFor(db: Db, matcher: Matcher, ids: readonly number[]): Promise<void> {
  await refreshKeys(db, matcher, (await loadMatchRecords(db, ids)).values());
}

/** Clients sharing a blocking key with the given one, scored best first; decided "not a duplicate" pairs excluded. */
export async function findMatches(
  db: Db,
  matcher: Matcher,
  subject: LoadedParty,
): Promise<{ party: LoadedParty; match: Match }[]> {
  const keys = [...new Set(matcher.keys(subject.kind, subject.record))];
  if (keys.length === 0) return [];
  const candidates = await db
    .selectDistinct({ partyId: matchKeys.partyId })
    .from(matchKeys)
    .innerJoin(parties, eq(parties.id, matchKeys.partyId))
    .where(
      and(
        inArray(matchKeys.key, keys),
        ne(matchKeys.partyId, subject.id),
        eq(parties.status, "active"),
        eq(parties.kind, subject.kind),
      ),
    )
    .limit(500);
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.partyId);
  const decided = await db
    .select({ a: matchCandidates.partyA, b: matchCandidates.partyB })
    .from(matchCandidates)
    .where(
      and(
        eq(matchCandidates.status, "not_duplicate"),
        or(
          and(eq(matchCandidates.partyA, subject.id), inArray(matchCandidates.partyB, ids)),
          and(eq(matchCandidates.partyB, subject.id), inArray(matchCandidates.partyA, ids)),
        ),
      ),
    );
  const excluded = new Set(decided.map((d) => (d.a === subject.id ? d.b : d.a)));
  const loaded = await loadMatchRecords(
    db,
    ids.filter((id) => !excluded.has(id)),
  );
  return [...loaded.values()]
    .map((party) => ({ party, match: matcher.score(subject.kind, subject.record, party.record) }))
    .filter((m) => m.match.probability >= matcher.reviewAt)
    .sort((x, y) => y.match.probability - x.match.probability);
}

export interface Resolution {
  outcome: "created" | "merged" | "queued";
  clientId: number;
  matches: { clientId: number; probability: number; outcome: "created" | "merged" | "queued" }[];
}

/**
 * Checks a new or changed client against everyone else: merges it into the best match above the
 * automatic threshold (the older client survives), queues the pairs between the thresholds for an
 * employee, and leaves it alone below. Runs in the caller's transaction.
 */
export async function resolveMatches(
  db: Db,
  by: ActingAs,
  matcher: Matcher,
  partyId: number,
): Promise<Resolution> {
  const subject = (await loadMatchRecords(db, [partyId])).get(partyId);
  if (!subject) throw new Error(`party ${partyId} not found`);
  await refreshKeys(db, matcher, [subject]);
  const found = await findMatches(db, matcher, subject);
  const result: Resolution = { outcome: "created", clientId: partyId, matches: [] };
  const best = found[0];
  let survivorId = partyId;
  if (best && best.match.probability >= matcher.autoMergeAt) {
    survivorId = Math.min(partyId, best.party.id);
    const mergedId = Math.max(partyId, best.party.id);
    await mergeParties(db, by, {
      survivorId,
      mergedId,
      decidedBy: "auto",
      probability: best.match.probability,
      explanation: best.match.fields,
    });
    await db.delete(matchKeys).where(eq(matchKeys.partyId, mergedId));
    await refreshKeysFor(db, matcher, [survivorId]);
    result.outcome = "merged";
    result.clientId = survivorId;
    result.matches.push({ clientId: best.party.id, probability: best.match.probability, outcome: "merged" });
  }
  for (const f of found) {
    if (f === best && result.outcome === "merged") continue;
    if (f.party.id === survivorId) continue;
    await queueCandidate(db, matcher, survivorId, f.party.id, f.match);
    result.matches.push({ clientId: f.party.id, probability: f.match.probability, outcome: "queued" });
    if (result.outcome === "created") result.outcome = "queued";
  }
  return result;
}

/** Adds a pair to the review queue unless someone already decided it. */
export async function queueCandidate(
  db: Db,
  matcher: Matcher,
  x: number,
  y: number,
  match: Match,
): Promise<void> {
  await db
    .insert(matchCandidates)
    .values({
      partyA: Math.min(x, y),
      partyB: Math.max(x, y),
      probability: match.probability,
      weight: match.weight,
      explanation: match.fields,
      modelId: matcher.modelId,
    })
    .onConflictDoUpdate({
      target: [matchCandidates.partyA, matchCandidates.partyB],
      set: {
        probability: match.probability,
        weight: match.weight,
        explanation: match.fields,
        modelId: matcher.modelId,
      },
      setWhere: sql`${matchCandidates.status} = 'pending'`,
    });
}
