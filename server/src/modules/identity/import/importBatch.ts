import type { ClientInputParsed, FieldError } from "@orbit/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, execRows } from "../../../platform/db/database";
import { type ActionRecord, recordActions } from "../../audit/service";
import type { ActingAs } from "../../staff/actor";
import { vehicleOwnerships, vehicles } from "../../vehicles/schema";
import { decodeModelYear } from "../../vehicles/vin";
import type { ClientRecord } from "../clientRecord";
import {
  type LoadedParty,
  loadMatchRecords,
  type Match,
  type Matcher,
  matchRecordOf,
  queueCandidate,
  refreshKeysFor,
} from "../matching.service";
import { mergeParties } from "../merge.service";
import { normalizeClient } from "../normalizeClient";
import {
  consents,
  contactPoints,
  identityDocuments,
  matchKeys,
  parties,
  partyVersions,
  sourceRecords,
} from "../schema";
import { searchColumns } from "../searchTerms";
import { survive } from "../survivorship";

export interface ImportRow {
  rowNumber: number;
  input: ClientInputParsed;
  sourceKey: string | null;
  typed: Record<string, string>;
  warnings: FieldError[];
}

export interface RowNote {
  rowNumber: number;
  kind: "rejected" | "skipped" | "warning";
  reason: string;
  row?: Record<string, string>;
}

export interface BatchResult {
  created: number;
  merged: number;
  queued: number;
  skipped: number;
  notes: RowNote[];
}

export interface BatchOptions {
  sourceSystem: string;
  dealershipId: number | null;
  importBatchId: number | null;
  receivedAt?: Date;
}

async function nextIds(db: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await execRows<{ id: number | string }>(
    db,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id')) AS id FROM generate_series(1, ${n})`,
  );
  return rows.map((r) => Number(r.id));
}

const CHUNK = 2000;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Imports one batch of rows set-wise (a few statements per table, not per row) and matches every new
 * client against the existing ones and against the rest of the batch. Runs in the caller's
 * transaction: the batch is written completely or not at all.
 */
export async function importClientBatch(
  db: Db,
  by: ActingAs,
  matcher: Matcher,
  rows: readonly ImportRow[],
  options: BatchOptions,
): Promise<BatchResult> {
  const result: BatchResult = { created: 0, merged: 0, queued: 0, skipped: 0, notes: [] };
  const at = options.receivedAt ?? new Date();

  // Re-importing the same export must not duplicate clients: a known source key is skipped.
  const keys = rows.map((r) => r.sourceKey).filter((k): k is string => k !== null);
  const known = new Map<string, number>();
  if (keys.length) {
    const found = await db
      .select({ key: sourceRecords.sourceKey, partyId: sourceRecords.partyId })
      .from(sourceRecords)
      .where(
        and(eq(sourceRecords.sourceSystem, options.sourceSystem), inArray(sourceRecords.sourceKey, keys)),
      );
    for (const f of found) if (f.key) known.set(f.key, f.partyId);
  }
  const seenKeys = new Map<string, number>();
  const fresh: (ImportRow & { record: ClientRecord; golden: ReturnType<typeof survive> })[] = [];
  for (const row of rows) {
    if (row.sourceKey !== null) {
      const existing = known.get(row.sourceKey);
      if (existing !== undefined) {
        result.skipped++;
        result.notes.push({
          rowNumber: row.rowNumber,
          kind: "skipped",
          reason: `already imported as client ${existing}`,
        });
        continue;
      }
      const earlier = seenKeys.get(row.sourceKey);
      if (earlier !== undefined) {
        result.notes.push({
          rowNumber: row.rowNumber,
          kind: "rejected",
          reason: `repeats the key "${row.sourceKey}" of row ${earlier}`,
          row: row.typed,
        });
        continue;
      }
      seenKeys.set(row.sourceKey, row.rowNumber);
    }
    const { record, warnings } = normalizeClient(row.input);
    for (const w of [...row.warnings, ...warnings]) {
      result.notes.push({ rowNumber: row.rowNumber, kind: "warning", reason: `${w.field}: ${w.message}` });
    }
    fresh.push({
      ...row,
      record,
      golden: survive([{ sourceSystem: options.sourceSystem, receivedAt: at, record }]),
    });
  }
  if (fresh.length === 0) return result;

  const partyIds = await nextIds(db, "parties", fresh.length);
  const sourceIds = await nextIds(db, "source_records", fresh.length);
  const home = (r: ImportRow) => r.input.homeDealershipId ?? options.dealershipId;

  await insertChunked(
    fresh.map((r, i) => ({
      id: partyIds[i]!,
      ...r.golden,
      ...searchColumns(r.golden),
      homeDealershipId: home(r),
      createdAt: at,
      updatedAt: at,
    })),
    (chunk) => db.insert(parties).values(chunk),
  );
  await insertChunked(
    fresh.map((r, i) => ({
      id: sourceIds[i]!,
      partyId: partyIds[i]!,
      originalPartyId: partyIds[i]!,
      sourceSystem: options.sourceSystem,
      sourceKey: r.sourceKey,
      dealershipId: options.dealershipId,
      data: { record: r.record, typed: r.typed },
      receivedAt: at,
      importBatchId: options.importBatchId,
    })),
    (chunk) => db.insert(sourceRecords).values(chunk),
  );
  await insertChunked(
    fresh.map((r, i) => ({
      partyId: partyIds[i]!,
      version: 1,
      validFrom: at,
      data: { ...r.golden, blocked: false, personalManagerId: null, homeDealershipId: home(r) },
      sourceSystem: options.sourceSystem,
      sourceRecordId: sourceIds[i]!,
      changedByUserId: by.userId,
      reason: "imported",
    })),
    (chunk) => db.insert(partyVersions).values(chunk),
  );
  const meta = (i: number) => ({
    partyId: partyIds[i]!,
    validFrom: at,
    sourceSystem: options.sourceSystem,
    sourceRecordId: sourceIds[i]!,
    changedByUserId: by.userId,
  });
  await insertChunked(
    fresh.flatMap((r, i) => [
      ...r.record.phones.map((p, k) => ({ ...meta(i), kind: "phone" as const, ...p, isPrimary: k === 0 })),
      ...r.record.emails.map((e, k) => ({ ...meta(i), kind: "email" as const, ...e, isPrimary: k === 0 })),
      ...r.record.messengers.map((m) => ({ ...meta(i), ...m, isPrimary: false })),
    ]),
    (chunk) => db.insert(contactPoints).values(chunk),
  );
  await insertChunked(
    fresh.flatMap((r, i) =>
      r.record.documents.map((d) => ({ ...meta(i), kind: d.kind, number: d.value, raw: d.raw })),
    ),
    (chunk) => db.insert(identityDocuments).values(chunk),
  );
  await insertChunked(
    fresh.flatMap((r, i) =>
      r.input.consents.map((c) => ({
        partyId: partyIds[i]!,
        ...c,
        validFrom: at,
        sourceSystem: options.sourceSystem,
        changedByUserId: by.userId,
      })),
    ),
    (chunk) => db.insert(consents).values(chunk),
  );
  await attachVins(
    db,
    fresh.map((r, i) => ({ partyId: partyIds[i]!, vins: r.record.vins.map((v) => v.value) })),
    options.sourceSystem,
    at,
  );

  // Blocking keys of the new clients, then every client sharing one: the batch's own included.
  const subjects: LoadedParty[] = fresh.map((r, i) => ({
    id: partyIds[i]!,
    kind: r.record.kind,
    record: matchRecordOf(r.record, r.golden),
  }));
  const keyRows = subjects.flatMap((s) =>
    [...new Set(matcher.keys(s.kind, s.record))].map((key) => ({ key, partyId: s.id })),
  );
  await insertChunked(keyRows, (chunk) => db.insert(matchKeys).values(chunk));
  const sharing = new Map<string, number[]>();
  const allKeys = [...new Set(keyRows.map((k) => k.key))];
  for (let i = 0; i < allKeys.length; i += CHUNK) {
    const found = await db
      .select({ key: matchKeys.key, partyId: matchKeys.partyId })
      .from(matchKeys)
      .where(inArray(matchKeys.key, allKeys.slice(i, i + CHUNK)));
    for (const f of found) sharing.set(f.key, [...(sharing.get(f.key) ?? []), f.partyId]);
  }
  const newIds = new Set(partyIds);
  const bySubject = new Map(subjects.map((s) => [s.id, s]));
  const candidateIds = new Set<number>();
  const pairsOf = new Map<number, Set<number>>();
  for (const s of subjects) {
    const others = new Set<number>();
    for (const key of matcher.keys(s.kind, s.record)) {
      const holders = sharing.get(key) ?? [];
      // A key held by very many clients (a dealership's own phone typed for walk-ins) says nothing.
      if (holders.length > 300) continue;
      for (const h of holders) {
        // Each in-batch pair is looked at once, from the later row.
        if (h === s.id || (newIds.has(h) && h > s.id)) continue;
        others.add(h);
        if (!newIds.has(h)) candidateIds.add(h);
      }
    }
    pairsOf.set(s.id, others);
  }
  const existing = await loadMatchRecords(db, [...candidateIds]);

  // Decide in row order; a client merged earlier in the batch is represented by its survivor.
  const survivorOf = new Map<number, number>();
  const root = (id: number): number => {
    let r = id;
    while (survivorOf.has(r)) r = survivorOf.get(r)!;
    return r;
  };
  const touched = new Set<number>();
  const actions: ActionRecord[] = [];
  for (const s of subjects) {
    const scored: { id: number; match: Match }[] = [];
    for (const otherId of pairsOf.get(s.id) ?? []) {
      const other = existing.get(otherId) ?? bySubject.get(otherId);
      if (!other || other.kind !== s.kind) continue;
      const match = matcher.score(s.kind, s.record, other.record);
      if (match.probability >= matcher.reviewAt) scored.push({ id: otherId, match });
    }
    scored.sort((a, b) => b.match.probability - a.match.probability);
    let merged = false;
    for (const { id, match } of scored) {
      const target = root(id);
      const self = root(s.id);
      if (target === self) continue;
      if (!merged && match.probability >= matcher.autoMergeAt) {
        const survivorId = Math.min(target, self);
        const mergedId = Math.max(target, self);
        await mergeParties(db, by, {
          survivorId,
          mergedId,
          decidedBy: "auto",
          probability: match.probability,
          explanation: match.fields,
        });
        survivorOf.set(mergedId, survivorId);
        touched.add(survivorId);
        touched.add(mergedId);
        merged = true;
        result.merged++;
      } else {
        await queueCandidate(db, matcher, self, target, match);
        result.queued++;
      }
    }
    if (!merged) result.created++;
    actions.push({
      entityType: "client",
      entityId: s.id,
      action: "import",
      processStep: "identity.import",
      after: { sourceSystem: options.sourceSystem, importBatchId: options.importBatchId },
    });
  }
  if (touched.size) {
    const gone = [...touched].filter((id) => survivorOf.has(id));
    if (gone.length) await db.delete(matchKeys).where(inArray(matchKeys.partyId, gone));
    await refreshKeysFor(
      db,
      matcher,
      [...touched].filter((id) => !survivorOf.has(id)),
    );
  }
  await recordActions(db, by, actions);
  return result;
}

/** Finds or creates each VIN's car and makes the client its owner (set-wise). */
async function attachVins(
  db: Db,
  owners: { partyId: number; vins: string[] }[],
  sourceSystem: string,
  at: Date,
): Promise<void> {
  const all = [...new Set(owners.flatMap((o) => o.vins))];
  if (all.length === 0) return;
  await db
    .insert(vehicles)
    .values(all.map((vin) => ({ vin, year: decodeModelYear(vin) ?? null })))
    .onConflictDoNothing();
  const ids = new Map(
    (
      await db.select({ id: vehicles.id, vin: vehicles.vin }).from(vehicles).where(inArray(vehicles.vin, all))
    ).map((v) => [v.vin, v.id]),
  );
  const since = at.toISOString().slice(0, 10);
  await db.insert(vehicleOwnerships).values(
    owners.flatMap((o) =>
      o.vins.map((vin) => ({
        vehicleId: ids.get(vin)!,
        partyId: o.partyId,
        validFrom: since,
        sourceSystem,
      })),
    ),
  );
}
