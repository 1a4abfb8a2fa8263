import { and, eq, getTableName, inArray, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordActions } from "../audit/service";
import { PARTY_LINKS, type PartyLink } from "../partyLinks";
import type { ActingAs } from "../staff/actor";
import { type ChangeMeta, resurvive, stateOf, writeState } from "./partyStore";
import { contactPoints, matchCandidates, merges, parties } from "./schema";

/** Row keys moved by a merge, per "table.column". */
export type Moved = Record<string, (number | string)[]>;

const linkKey = (c: PgColumn) => `${getTableName(c.table)}.${c.name}`;
const DEMOTED_PRIMARY = "contact_points.demoted_primary";

async function repoint(
  db: Db,
  link: PartyLink,
  from: number,
  to: number,
  only?: (number | string)[],
): Promise<(number | string)[]> {
  if (only?.length === 0) return [];
  const target = sql.identifier(link.column.name);
  const key = sql.identifier(link.key.name);
  const numeric = link.key.getSQLType() !== "text";
  const rows = await execRows<{ key: number | string }>(
    db,
    sql`UPDATE ${link.column.table} SET ${target} = ${to} WHERE ${target} = ${from}${
      only ? sql` AND ${key}::text = ANY(${sql.param(only.map(String))}::text[])` : sql``
    } RETURNING ${key} AS key`,
  );
  return rows.map((r) => (numeric ? Number(r.key) : String(r.key)));
}

export interface MergeRequest {
  survivorId: number;
  mergedId: number;
  decidedBy: "auto" | "employee";
  probability?: number | null;
  explanation?: unknown;
}

/**
 * Merges one client into another: everything that pointed at the merged client now points at the
 * survivor, the golden record is recomputed from both clients' source records, and the merge keeps
 * the list of moved rows so it can be undone. Runs in the caller's transaction.
 */
export async function mergeParties(db: Db, by: ActingAs, req: MergeRequest): Promise<number> {
  const { survivorId, mergedId } = req;
  if (survivorId === mergedId) throw invalid("body.mergedId", "a client cannot be merged into itself");
  // Lock both in id order so two concurrent merges of the same pair cannot deadlock.
  const locked = await db
    .select()
    .from(parties)
    .where(inArray(parties.id, [survivorId, mergedId]))
    .orderBy(parties.id)
    .for("update");
  const survivor = locked.find((p) => p.id === survivorId);
  const merged = locked.find((p) => p.id === mergedId);
  if (!survivor || !merged) throw notFound("Client");
  if (survivor.status !== "active" || merged.status !== "active") {
    throw conflict("Only active clients can be merged; one of them was merged or anonymised already");
  }
  if (survivor.kind !== merged.kind) throw conflict("A person cannot be merged with a company");

  const moved: Moved = {};
  for (const link of PARTY_LINKS) {
    const keys = await repoint(db, link, mergedId, survivorId);
    if (keys.length) moved[linkKey(link.column)] = keys;
  }
  // The survivor keeps its own primary phone and e-mail; the merged client's become secondary
  // (remembered, so that an unmerge makes them primary again).
  const movedContacts = (moved[linkKey(contactPoints.partyId)] ?? []).map(Number);
  if (movedContacts.length) {
    const demoted = await execRows<{ id: number }>(
      db,
      sql`UPDATE contact_points c SET is_primary = false
           WHERE c.id = ANY(${sql.param(movedContacts)}::int[]) AND c.is_primary
             AND EXISTS (SELECT 1 FROM contact_points s
                          WHERE s.party_id = ${survivorId} AND s.kind = c.kind AND s.is_primary
                            AND s.valid_to IS NULL AND NOT (s.id = ANY(${sql.param(movedContacts)}::int[])))
         RETURNING c.id`,
    );
    if (demoted.length) moved[DEMOTED_PRIMARY] = demoted.map((r) => Number(r.id));
  }
  const at = new Date();
  const meta: ChangeMeta = {
    sourceSystem: "orbit",
    sourceRecordId: null,
    changedByUserId: by.userId,
    reason: "merged",
    at,
  };
  await writeState(db, mergedId, stateOf(merged), meta, { status: "merged", mergedIntoId: survivorId });
  // Orbit's own attributes: the survivor keeps its own, and takes the merged client's where it has none.
  await writeState(
    db,
    survivorId,
    {
      ...stateOf(survivor),
      blocked: survivor.blocked || merged.blocked,
      personalManagerId: survivor.personalManagerId ?? merged.personalManagerId,
      homeDealershipId: survivor.homeDealershipId ?? merged.homeDealershipId,
    },
    meta,
  );
  await resurvive(db, survivorId, meta);
  await db
    .update(matchCandidates)
    .set({ status: "merged", decidedAt: at, decidedByUserId: by.userId })
    .where(
      and(
        eq(matchCandidates.status, "pending"),
        eq(matchCandidates.partyA, Math.min(survivorId, mergedId)),
        eq(matchCandidates.partyB, Math.max(survivorId, mergedId)),
      ),
    );
  // Other pending pairs of the merged client are re-found for the survivor by the next matching run.
  await db
    .delete(matchCandidates)
    .where(
      and(
        eq(matchCandidates.status, "pending"),
        or(eq(matchCandidates.partyA, mergedId), eq(matchCandidates.partyB, mergedId)),
      ),
    );
  const [row] = await db
    .insert(merges)
    .values({
      survivorId,
      mergedId,
      decidedBy: req.decidedBy,
      probability: req.probability ?? null,
      explanation: req.explanation ?? null,
      moved,
      mergedAt: at,
      mergedByUserId: by.userId,
    })
    .returning({ id: merges.id });
  if (!row) throw new Error("merge insert returned nothing");
  await recordActions(db, by, [
    {
      entityType: "client",
      entityId: survivorId,
      action: "merge",
      processStep: "identity.merge",
      before: { survivor: stateOf(survivor), merged: { id: mergedId, ...stateOf(merged) } },
      after: {
        mergeId: row.id,
        decidedBy: req.decidedBy,
        probability: req.probability ?? null,
        moved: countMoved(moved),
      },
    },
    {
      entityType: "client",
      entityId: mergedId,
      action: "merged_into",
      processStep: "identity.merge",
      after: { survivorId },
    },
  ]);
  return row.id;
}

const countMoved = (moved: Moved) => Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length]));

/**
 * Undoes a merge: the rows it moved go back to the merged client (those still at the survivor),
 * both golden records are recomputed, and the pair is recorded as "not a duplicate" so matching
 * does not merge them again.
 */
export async function unmerge(
  db: Db,
  by: ActingAs,
  mergeId: number,
): Promise<{ survivorId: number; restoredId: number }> {
  const [m] = await db.select().from(merges).where(eq(merges.id, mergeId)).for("update");
  if (!m) throw notFound("Merge");
  if (m.undoneAt) throw conflict("This merge was undone already");
  const locked = await db
    .select()
    .from(parties)
    .where(inArray(parties.id, [m.survivorId, m.mergedId]))
    .orderBy(parties.id)
    .for("update");
  const survivor = locked.find((p) => p.id === m.survivorId);
  const merged = locked.find((p) => p.id === m.mergedId);
  if (!survivor || !merged) throw notFound("Client");
  if (survivor.status !== "active") {
    throw conflict(`Client ${survivor.id} was itself merged later; undo that merge first`);
  }
  if (merged.status !== "merged" || merged.mergedIntoId !== survivor.id) {
    throw conflict("The merged client has changed since; this merge cannot be undone automatically");
  }
  const moved = m.moved as Moved;
  const byKey = new Map(PARTY_LINKS.map((l) => [linkKey(l.column), l]));
  for (const [key, keys] of Object.entries(moved)) {
    const link = byKey.get(key);
    if (link) await repoint(db, link, m.survivorId, m.mergedId, keys);
  }
  const demoted = moved[DEMOTED_PRIMARY]?.map(Number);
  if (demoted?.length) {
    await db.update(contactPoints).set({ isPrimary: true }).where(inArray(contactPoints.id, demoted));
  }
  const at = new Date();
  const meta: ChangeMeta = {
    sourceSystem: "orbit",
    sourceRecordId: null,
    changedByUserId: by.userId,
    reason: "unmerged",
    at,
  };
  await writeState(db, m.mergedId, stateOf(merged), meta, { status: "active", mergedIntoId: null });
  await resurvive(db, m.mergedId, meta);
  await resurvive(db, m.survivorId, meta);
  await db.update(merges).set({ undoneAt: at, undoneByUserId: by.userId }).where(eq(merges.id, mergeId));
  const a = Math.min(m.survivorId, m.mergedId);
  const b = Math.max(m.survivorId, m.mergedId);
  await db
    .insert(matchCandidates)
    .values({
      partyA: a,
      partyB: b,
      probability: m.probability ?? 0,
      weight: 0,
      explanation: m.explanation ?? [],
      status: "not_duplicate",
      decidedByUserId: by.userId,
      decidedAt: at,
    })
    .onConflictDoUpdate({
      target: [matchCandidates.partyA, matchCandidates.partyB],
      set: { status: "not_duplicate", decidedByUserId: by.userId, decidedAt: at },
    });
  await recordActions(db, by, [
    {
      entityType: "client",
      entityId: m.survivorId,
      action: "unmerge",
      processStep: "identity.unmerge",
      after: { mergeId, restoredId: m.mergedId },
    },
    {
      entityType: "client",
      entityId: m.mergedId,
      action: "restored",
      processStep: "identity.unmerge",
      after: { mergeId },
    },
  ]);
  return { survivorId: m.survivorId, restoredId: m.mergedId };
}
