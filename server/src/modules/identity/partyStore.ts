import type { ClientIdentity, PartyState } from "@orbit/contracts";
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, execRows } from "../../platform/db/database";
import { users } from "../staff/schema";
import { vehicleOwnerships, vehicles } from "../vehicles/schema";
import { identitySection, toIdentity } from "./cardSection";
import type { ClientRecord, RankedRecord } from "./clientRecord";
import { consents, contactPoints, identityDocuments, parties, partyVersions, sourceRecords } from "./schema";
import { searchColumns } from "./searchTerms";
import { survive } from "./survivorship";

/** Where a change came from, for the attribute history. */
export interface ChangeMeta {
  sourceSystem: string;
  sourceRecordId: number | null;
  changedByUserId: number | null;
  reason: "created" | "edited" | "merged" | "unmerged" | "imported" | "anonymised";
  at?: Date;
}

export interface NewSourceRecord {
  sourceSystem: string;
  sourceKey?: string | null;
  dealershipId?: number | null;
  receivedAt?: Date;
  importBatchId?: number | null;
  record: ClientRecord;
  /** The values as typed, kept verbatim. */
  typed: Record<string, unknown>;
}

type PartyRow = typeof parties.$inferSelect;

export const stateOf = (p: PartyRow): PartyState => ({
  kind: p.kind,
  displayName: p.displayName,
  lastName: p.lastName,
  firstName: p.firstName,
  patronymic: p.patronymic,
  birthDate: p.birthDate,
  gender: p.gender,
  companyName: p.companyName,
  inn: p.inn,
  kpp: p.kpp,
  ogrn: p.ogrn,
  blocked: p.blocked,
  personalManagerId: p.personalManagerId,
  homeDealershipId: p.homeDealershipId,
});

const sameState = (a: PartyState, b: PartyState) => JSON.stringify(a) === JSON.stringify(b);

/** Creates a client from its first source record: the party, the record, contacts, documents, version 1. */
export async function insertParty(
  db: Db,
  src: NewSourceRecord,
  changedByUserId: number | null,
  homeDealershipId: number | null,
): Promise<{ partyId: number; sourceRecordId: number }> {
  const at = src.receivedAt ?? new Date();
  const golden = survive([{ sourceSystem: src.sourceSystem, receivedAt: at, record: src.record }]);
  const [party] = await db
    .insert(parties)
    .values({ ...golden, ...searchColumns(golden), homeDealershipId, createdAt: at, updatedAt: at })
    .returning();
  if (!party) throw new Error("party insert returned nothing");
  const sourceRecordId = await insertSourceRecord(db, party.id, src);
  await addContactsAndDocuments(db, party.id, src.record, {
    sourceSystem: src.sourceSystem,
    sourceRecordId,
    changedByUserId,
    at,
  });
  await db.insert(partyVersions).values({
    partyId: party.id,
    version: 1,
    validFrom: at,
    data: stateOf(party),
    sourceSystem: src.sourceSystem,
    sourceRecordId,
    changedByUserId,
    reason: src.sourceSystem.startsWith("import:") ? "imported" : "created",
  });
  return { partyId: party.id, sourceRecordId };
}

export async function insertSourceRecord(db: Db, partyId: number, src: NewSourceRecord): Promise<number> {
  const [row] = await db
    .insert(sourceRecords)
    .values({
      partyId,
      originalPartyId: partyId,
      sourceSystem: src.sourceSystem,
      sourceKey: src.sourceKey ?? null,
      dealershipId: src.dealershipId ?? null,
      data: { record: src.record, typed: src.typed },
      receivedAt: src.receivedAt ?? new Date(),
      importBatchId: src.importBatchId ?? null,
    })
    .returning({ id: sourceRecords.id });
  if (!row) throw new Error("source record insert returned nothing");
  return row.id;
}

/** Adds the record's phones, e-mails, messengers and documents the client does not have yet. */
export async function addContactsAndDocuments(
  db: Db,
  partyId: number,
  record: ClientRecord,
  meta: { sourceSystem: string; sourceRecordId: number | null; changedByUserId: number | null; at: Date },
): Promise<void> {
  const existing = await db
    .select({ kind: contactPoints.kind, value: contactPoints.value })
    .from(contactPoints)
    .where(and(eq(contactPoints.partyId, partyId), isNull(contactPoints.validTo)));
  const have = new Set(existing.map((c) => `${c.kind}:${c.value}`));
  const hasPrimary = new Set(existing.map((c) => c.kind));
  const contacts = [
    ...record.phones.map((p) => ({ kind: "phone" as const, ...p })),
    ...record.emails.map((e) => ({ kind: "email" as const, ...e })),
    ...record.messengers,
  ].filter((c) => !have.has(`${c.kind}:${c.value}`));
  if (contacts.length) {
    await db.insert(contactPoints).values(
      contacts.map((c) => {
        const isPrimary = !hasPrimary.has(c.kind);
        hasPrimary.add(c.kind);
        return {
          partyId,
          kind: c.kind,
          value: c.value,
          raw: c.raw,
          isPrimary,
          validFrom: meta.at,
          sourceSystem: meta.sourceSystem,
          sourceRecordId: meta.sourceRecordId,
          changedByUserId: meta.changedByUserId,
        };
      }),
    );
  }
  if (record.documents.length) {
    const docs = await db
      .select({ kind: identityDocuments.kind, number: identityDocuments.number })
      .from(identityDocuments)
      .where(and(eq(identityDocuments.partyId, partyId), isNull(identityDocuments.validTo)));
    const haveDocs = new Set(docs.map((d) => `${d.kind}:${d.number}`));
    const fresh = record.documents.filter((d) => !haveDocs.has(`${d.kind}:${d.value}`));
    if (fresh.length) {
      await db.insert(identityDocuments).values(
        fresh.map((d) => ({
          partyId,
          kind: d.kind,
          number: d.value,
          raw: d.raw,
          validFrom: meta.at,
          sourceSystem: meta.sourceSystem,
          sourceRecordId: meta.sourceRecordId,
          changedByUserId: meta.changedByUserId,
        })),
      );
    }
  }
}

/**
 * Writes a new state of the client when it differs from the current one: the current version is
 * closed and the next one opened, so the history has no gaps and no overlaps.
 */
export async function writeState(
  db: Db,
  partyId: number,
  next: PartyState,
  meta: ChangeMeta,
  extra: Partial<Pick<PartyRow, "status" | "mergedIntoId">> = {},
): Promise<boolean> {
  const [current] = await db.select().from(parties).where(eq(parties.id, partyId)).for("update");
  if (!current) throw new Error(`party ${partyId} not found`);
  const changed = !sameState(stateOf(current), next);
  const statusChanged =
    (extra.status !== undefined && extra.status !== current.status) ||
    (extra.mergedIntoId !== undefined && extra.mergedIntoId !== current.mergedIntoId);
  if (!changed && !statusChanged) return false;
  const at = meta.at ?? new Date();
  const version = current.version + 1;
  await db
    .update(partyVersions)
    .set({ validTo: at })
    .where(and(eq(partyVersions.partyId, partyId), isNull(partyVersions.validTo)));
  await db.insert(partyVersions).values({
    partyId,
    version,
    validFrom: at,
    data: next,
    sourceSystem: meta.sourceSystem,
    sourceRecordId: meta.sourceRecordId,
    changedByUserId: meta.changedByUserId,
    reason: meta.reason,
  });
  const { kind: _kind, ...fields } = next;
  await db
    .update(parties)
    .set({ ...fields, ...searchColumns(next), ...extra, version, updatedAt: at })
    .where(eq(parties.id, partyId));
  return true;
}

/** Recomputes the golden record from every source record the client now has. */
export async function resurvive(db: Db, partyId: number, meta: ChangeMeta): Promise<boolean> {
  const [current] = await db.select().from(parties).where(eq(parties.id, partyId));
  if (!current) throw new Error(`party ${partyId} not found`);
  const records = await db
    .select({
      sourceSystem: sourceRecords.sourceSystem,
      receivedAt: sourceRecords.receivedAt,
      data: sourceRecords.data,
    })
    .from(sourceRecords)
    .where(eq(sourceRecords.partyId, partyId));
  const ranked: RankedRecord[] = records.map((r) => ({
    sourceSystem: r.sourceSystem,
    receivedAt: r.receivedAt,
    record: (r.data as { record: ClientRecord }).record,
  }));
  const golden = survive(ranked);
  return writeState(db, partyId, { ...stateOf(current), ...golden }, meta);
}

/** The client's identity now (one statement), or as it was at `asOf`. */
export async function loadIdentity(db: Db, partyId: number, asOf?: Date): Promise<ClientIdentity | null> {
  if (!asOf) {
    const [row] = await execRows<{ identity: Parameters<typeof toIdentity>[0] | null }>(
      db,
      sql`SELECT ${identitySection(partyId)} AS identity`,
    );
    return row?.identity ? toIdentity(row.identity) : null;
  }
  // As of a moment: the version valid then, and the rows that had started and not yet ended.
  const [party] = await db.select().from(parties).where(eq(parties.id, partyId));
  if (!party) return null;
  const [v] = await db
    .select()
    .from(partyVersions)
    .where(
      and(
        eq(partyVersions.partyId, partyId),
        lte(partyVersions.validFrom, asOf),
        or(isNull(partyVersions.validTo), gt(partyVersions.validTo, asOf)),
      ),
    )
    .orderBy(desc(partyVersions.version))
    .limit(1);
  if (!v) return null; // the client did not exist yet
  const state = v.data as PartyState;
  const version = v.version;
  const live = (t: { validFrom: PgColumn; validTo: PgColumn }) =>
    and(lte(t.validFrom, asOf), or(isNull(t.validTo), gt(t.validTo, asOf)));
  const ownedAt = asOf.toISOString().slice(0, 10);
  // Sequential on purpose: this also runs inside transactions, on one connection.
  const contacts = await db
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.partyId, partyId), live(contactPoints)))
    .orderBy(desc(contactPoints.isPrimary), asc(contactPoints.id));
  const documents = await db
    .select()
    .from(identityDocuments)
    .where(and(eq(identityDocuments.partyId, partyId), live(identityDocuments)))
    .orderBy(asc(identityDocuments.id));
  const consentRows = await db
    .select({ c: consents, changedBy: users.fullName })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.changedByUserId))
    .where(and(eq(consents.partyId, partyId), live(consents)))
    .orderBy(asc(consents.channel));
  const cars = await db
    .select({
      id: vehicles.id,
      vin: vehicles.vin,
      plate: vehicles.plate,
      make: vehicles.make,
      model: vehicles.model,
      year: vehicles.year,
      role: vehicleOwnerships.role,
    })
    .from(vehicleOwnerships)
    .innerJoin(vehicles, eq(vehicles.id, vehicleOwnerships.vehicleId))
    .where(
      and(
        eq(vehicleOwnerships.partyId, partyId),
        lte(vehicleOwnerships.validFrom, ownedAt),
        or(isNull(vehicleOwnerships.validTo), gt(vehicleOwnerships.validTo, ownedAt)),
      ),
    )
    .orderBy(desc(vehicleOwnerships.validFrom));
  const managerId = state.personalManagerId;
  const manager = managerId
    ? await db.select({ name: users.fullName }).from(users).where(eq(users.id, managerId))
    : [];
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const { blocked, personalManagerId, homeDealershipId, ...golden } = state;
  return {
    id: party.id,
    status: party.status,
    mergedIntoId: party.mergedIntoId,
    version,
    golden,
    segment: party.segment,
    blocked,
    personalManagerId,
    personalManagerName: manager[0]?.name ?? null,
    homeDealershipId,
    vehicles: [...new Map(cars.map((c) => [c.id, c])).values()],
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      value: c.value,
      raw: c.raw,
      isPrimary: c.isPrimary,
      validFrom: c.validFrom.toISOString(),
      validTo: iso(c.validTo),
      sourceSystem: c.sourceSystem,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      raw: d.raw,
      validFrom: d.validFrom.toISOString(),
      validTo: iso(d.validTo),
      sourceSystem: d.sourceSystem,
    })),
    consents: consentRows.map(({ c, changedBy }) => ({
      channel: c.channel,
      purpose: c.purpose,
      granted: c.granted,
      validFrom: c.validFrom.toISOString(),
      validTo: iso(c.validTo),
      sourceSystem: c.sourceSystem,
      changedBy,
    })),
    asOf: asOf.toISOString(),
  };
}

/** VINs of the cars each client owns or drives now: a strong matching signal. */
export async function currentVins(db: Db, partyIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (partyIds.length === 0) return out;
  const rows = await db
    .select({ partyId: vehicleOwnerships.partyId, vin: vehicles.vin })
    .from(vehicleOwnerships)
    .innerJoin(vehicles, eq(vehicles.id, vehicleOwnerships.vehicleId))
    .where(
      and(
        inArray(vehicleOwnerships.partyId, [...partyIds]),
        or(isNull(vehicleOwnerships.validTo), gt(vehicleOwnerships.validTo, sql`current_date`)),
      ),
    );
  for (const r of rows) {
    if (!r.vin) continue;
    const list = out.get(r.partyId) ?? [];
    list.push(r.vin);
    out.set(r.partyId, list);
  }
  return out;
}
