import type {
  ClientEdit,
  ClientIdentity,
  ClientInputParsed,
  CreateClientResult,
  MergeEntry,
  PartyVersion,
  SourceRecord,
} from "@orbit/contracts";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { users } from "../staff/schema";
import { attachVehicleByVin } from "../vehicles/vehicles.service";
import type { ClientRecord } from "./clientRecord";
import { normalizePassportRf } from "./documents";
import { type Matcher, resolveMatches } from "./matching.service";
import {
  checkBirthDate,
  normalizeClient,
  normalizeCompanyIds,
  normalizeEmails,
  normalizeNamePart,
  normalizePhones,
} from "./normalizeClient";
import {
  addContactsAndDocuments,
  type ChangeMeta,
  insertParty,
  insertSourceRecord,
  loadIdentity,
  resurvive,
  stateOf,
  writeState,
} from "./partyStore";
import {
  consents,
  contactPoints,
  identityDocuments,
  merges,
  parties,
  partyAddresses,
  partyVersions,
  sourceRecords,
} from "./schema";

export interface CreateOptions {
  sourceSystem: string;
  sourceKey?: string | null;
  dealershipId?: number | null;
  receivedAt?: Date;
  importBatchId?: number | null;
}

/**
 * Creates a client and immediately checks it against everyone else (see resolveMatches). Runs in
 * the caller's transaction, so an import batch or an API call commits all of it or none.
 */
export async function createClient(
  db: Db,
  by: ActingAs,
  matcher: Matcher,
  input: ClientInputParsed,
  options: CreateOptions,
): Promise<CreateClientResult> {
  const { record, warnings } = normalizeClient(input);
  const at = options.receivedAt ?? new Date();
  const { partyId } = await insertParty(
    db,
    {
      sourceSystem: options.sourceSystem,
      sourceKey: options.sourceKey ?? null,
      dealershipId: options.dealershipId ?? null,
      receivedAt: at,
      importBatchId: options.importBatchId ?? null,
      record,
      typed: input,
    },
    by.userId,
    input.homeDealershipId ?? options.dealershipId ?? by.dealershipId,
  );
  if (input.consents.length) {
    await db.insert(consents).values(
      input.consents.map((c) => ({
        partyId,
        ...c,
        validFrom: at,
        sourceSystem: options.sourceSystem,
        changedByUserId: by.userId,
      })),
    );
  }
  for (const vin of record.vins) await attachVehicleByVin(db, partyId, vin.value, {}, options.sourceSystem);
  await recordAction(db, by, {
    entityType: "client",
    entityId: partyId,
    action: "create",
    processStep: "identity.create",
    after: { sourceSystem: options.sourceSystem, record },
  });
  const resolution = await resolveMatches(db, by, matcher, partyId);
  return { ...resolution, warnings };
}

const NAME_FIELDS = [
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "gender",
  "companyName",
  "inn",
  "kpp",
] as const;
type NameField = (typeof NAME_FIELDS)[number];

// In an edit, a value the normaliser cannot read is the employee's mistake to fix: a 400 on the field.
const rejectField = (field: string, message: string): never => {
  throw invalid(field.startsWith("body.") ? field : `body.${field}`, message);
};

/** The fields an edit states, normalised like any source record; null clears a field. */
function editedFields(
  current: Pick<typeof parties.$inferSelect, "kind" | "lastName" | "firstName" | "patronymic">,
  edit: ClientEdit,
  touched: readonly NameField[],
): ClientRecord {
  const stated: ClientRecord = {
    kind: current.kind,
    phones: [],
    emails: [],
    messengers: [],
    documents: [],
    vins: [],
  };
  // Survivorship takes a name from one record as a whole, so an edit of one part states the whole
  // name as the employee sees it after the edit.
  if (touched.some((f) => f === "lastName" || f === "firstName" || f === "patronymic")) {
    stated.lastName = current.lastName;
    stated.firstName = current.firstName;
    stated.patronymic = current.patronymic;
  }
  const ids = normalizeCompanyIds(
    { inn: edit.inn ?? undefined, kpp: edit.kpp ?? undefined, ogrn: undefined },
    rejectField,
  );
  for (const f of touched) {
    const value = edit[f];
    if (value === null) {
      stated[f] = null;
      continue;
    }
    switch (f) {
      case "lastName":
      case "firstName":
      case "patronymic":
        stated[f] = normalizeNamePart(value) ?? null;
        break;
      case "birthDate":
        stated.birthDate = checkBirthDate(value as string, rejectField) ?? null;
        break;
      case "gender":
        stated.gender = value as "m" | "f";
        break;
      case "companyName":
        stated.companyName = (value as string).trim().replace(/\s+/g, " ") || null;
        break;
      case "inn":
      case "kpp":
        stated[f] = ids[f] ?? null;
        break;
    }
  }
  return stated;
}

/**
 * An employee's correction. Identity fields become an "orbit" source record, the most trusted, so the
 * golden record follows it while the DMS records stay as they were delivered.
 */
export async function editClient(
  db: Db,
  by: ActingAs,
  matcher: Matcher,
  partyId: number,
  edit: ClientEdit,
): Promise<ClientIdentity> {
  const [party] = await db.select().from(parties).where(eq(parties.id, partyId)).for("update");
  if (!party || party.status === "anonymised") throw notFound("Client");
  if (party.status === "merged") {
    throw conflict(`This client was merged into client ${party.mergedIntoId}; edit that one`);
  }
  if (party.version !== edit.version) {
    throw conflict("Someone changed this client since you opened it; reload and try again", [
      { field: "body.version", message: `current version is ${party.version}` },
    ]);
  }
  if (edit.personalManagerId) {
    const [pm] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, edit.personalManagerId), eq(users.active, true)));
    if (!pm) throw invalid("body.personalManagerId", "no such active employee");
  }
  const before = stateOf(party);
  const at = new Date();
  const meta: ChangeMeta = {
    sourceSystem: "orbit",
    sourceRecordId: null,
    changedByUserId: by.userId,
    reason: "edited",
    at,
  };

  const touched = NAME_FIELDS.filter((f) => edit[f] !== undefined);
  let identifyingChange = false;
  if (touched.length) {
    meta.sourceRecordId = await insertSourceRecord(db, partyId, {
      sourceSystem: "orbit",
      receivedAt: at,
      record: editedFields(party, edit, touched),
      typed: Object.fromEntries(touched.map((f) => [f, edit[f]])),
    });
    identifyingChange = await resurvive(db, partyId, meta);
  }

  const [current] = await db.select().from(parties).where(eq(parties.id, partyId));
  if (!current) throw notFound("Client");
  await writeState(
    db,
    partyId,
    {
      ...stateOf(current),
      ...(edit.blocked !== undefined ? { blocked: edit.blocked } : {}),
      ...(edit.personalManagerId !== undefined ? { personalManagerId: edit.personalManagerId } : {}),
      ...(edit.homeDealershipId !== undefined ? { homeDealershipId: edit.homeDealershipId } : {}),
    },
    meta,
  );

  if (edit.addPhones?.length || edit.addEmails?.length) {
    const added: ClientRecord = {
      kind: party.kind,
      phones: normalizePhones(edit.addPhones ?? [], "body.addPhones", rejectField),
      emails: normalizeEmails(edit.addEmails ?? [], "body.addEmails", rejectField),
      messengers: [],
      documents: [],
      vins: [],
    };
    await addContactsAndDocuments(db, partyId, added, { ...meta, at, sourceRecordId: null });
    identifyingChange = true;
  }
  if (edit.endContactPointIds?.length) {
    await db
      .update(contactPoints)
      .set({ validTo: at, changedByUserId: by.userId })
      .where(
        and(
          eq(contactPoints.partyId, partyId),
          inArray(contactPoints.id, edit.endContactPointIds),
          isNull(contactPoints.validTo),
        ),
      );
    identifyingChange = true;
  }
  if (edit.passport !== undefined) {
    if (await replacePassport(db, partyId, edit.passport, by.userId, at)) identifyingChange = true;
  }
  if (edit.address !== undefined) await replaceAddress(db, partyId, edit.address, by.userId, at);
  for (const c of edit.consents ?? []) {
    await db
      .update(consents)
      .set({ validTo: at })
      .where(
        and(
          eq(consents.partyId, partyId),
          eq(consents.channel, c.channel),
          eq(consents.purpose, c.purpose),
          isNull(consents.validTo),
        ),
      );
    await db
      .insert(consents)
      .values({ partyId, ...c, validFrom: at, sourceSystem: "orbit", changedByUserId: by.userId });
  }

  const [after] = await db.select().from(parties).where(eq(parties.id, partyId));
  await recordAction(db, by, {
    entityType: "client",
    entityId: partyId,
    action: "update",
    processStep: "identity.edit",
    before,
    after: after
      ? {
          ...stateOf(after),
          contacts: {
            added: [...(edit.addPhones ?? []), ...(edit.addEmails ?? [])],
            ended: edit.endContactPointIds ?? [],
          },
          ...(edit.passport !== undefined ? { passport: edit.passport } : {}),
          ...(edit.address !== undefined ? { address: edit.address } : {}),
          consents: edit.consents ?? [],
        }
      : null,
  });
  let shownId = partyId;
  if (identifyingChange) shownId = (await resolveMatches(db, by, matcher, partyId)).clientId;
  const identity = await loadIdentity(db, shownId);
  if (!identity) throw notFound("Client");
  return identity;
}

/** The client's attribute history, version by version, newest first. */
/**
 * A client's story: versions, source records and merges. An anonymised client has none to tell (its
 * versions hold only the anonymisation mark), so it is not found, as on its card.
 */
export async function clientHistory(
  db: Db,
  partyId: number,
): Promise<{ versions: PartyVersion[]; sourceRecords: SourceRecord[]; merges: MergeEntry[] }> {
  const [party] = await db.select({ status: parties.status }).from(parties).where(eq(parties.id, partyId));
  if (!party || party.status === "anonymised") throw notFound("Client");
  const [versions, sourceRecords, merges] = await Promise.all([
    listVersions(db, partyId),
    listSourceRecords(db, partyId),
    listMerges(db, partyId),
  ]);
  return { versions, sourceRecords, merges };
}

async function listVersions(db: Db, partyId: number): Promise<PartyVersion[]> {
  const rows = await db
    .select({ v: partyVersions, changedBy: users.fullName })
    .from(partyVersions)
    .leftJoin(users, eq(users.id, partyVersions.changedByUserId))
    .where(eq(partyVersions.partyId, partyId))
    .orderBy(desc(partyVersions.version));
  return rows.map(({ v, changedBy }) => ({
    version: v.version,
    validFrom: v.validFrom.toISOString(),
    validTo: v.validTo?.toISOString() ?? null,
    sourceSystem: v.sourceSystem,
    changedBy,
    reason: v.reason,
    data: v.data as PartyVersion["data"],
  }));
}

async function listSourceRecords(db: Db, partyId: number): Promise<SourceRecord[]> {
  const rows = await db
    .select()
    .from(sourceRecords)
    .where(eq(sourceRecords.partyId, partyId))
    .orderBy(asc(sourceRecords.receivedAt), asc(sourceRecords.id));
  return rows.map((r) => ({
    id: r.id,
    sourceSystem: r.sourceSystem,
    sourceKey: r.sourceKey,
    dealershipId: r.dealershipId,
    receivedAt: r.receivedAt.toISOString(),
    viaMerge: r.originalPartyId !== partyId,
    data: r.data as Record<string, unknown>,
  }));
}

/** Merges into and out of this client, newest first. */
async function listMerges(db: Db, partyId: number): Promise<MergeEntry[]> {
  const rows = await db
    .select({ m: merges, mergedName: parties.displayName, by: users.fullName })
    .from(merges)
    .innerJoin(parties, eq(parties.id, merges.mergedId))
    .leftJoin(users, eq(users.id, merges.mergedByUserId))
    .where(or(eq(merges.survivorId, partyId), eq(merges.mergedId, partyId)))
    .orderBy(desc(merges.mergedAt));
  return rows.map(({ m, mergedName, by }) => ({
    id: m.id,
    survivorId: m.survivorId,
    mergedId: m.mergedId,
    mergedName,
    decidedBy: m.decidedBy,
    probability: m.probability,
    mergedAt: m.mergedAt.toISOString(),
    mergedBy: by,
    undoneAt: m.undoneAt?.toISOString() ?? null,
  }));
}

/** A new passport ends the current one (a passport is replaced at 20 and 45, or when lost). */
async function replacePassport(
  db: Db,
  partyId: number,
  raw: string,
  userId: number | null,
  at: Date,
): Promise<boolean> {
  const p = normalizePassportRf(raw);
  if (!p.valid) throw invalid("body.passport", "not a Russian passport series and number (10 digits)");
  const current = await db
    .select({ id: identityDocuments.id, number: identityDocuments.number })
    .from(identityDocuments)
    .where(
      and(
        eq(identityDocuments.partyId, partyId),
        eq(identityDocuments.kind, "passport_rf"),
        isNull(identityDocuments.validTo),
      ),
    );
  if (current.some((d) => d.number === p.normalized)) return false;
  if (current.length)
    await db
      .update(identityDocuments)
      .set({ validTo: at, changedByUserId: userId })
      .where(
        inArray(
          identityDocuments.id,
          current.map((d) => d.id),
        ),
      );
  await db.insert(identityDocuments).values({
    partyId,
    kind: "passport_rf",
    number: p.normalized,
    raw,
    validFrom: at,
    sourceSystem: "orbit",
    changedByUserId: userId,
  });
  return true;
}

async function replaceAddress(db: Db, partyId: number, value: string, userId: number | null, at: Date) {
  const text = value.trim().replace(/\s+/g, " ");
  const current = await db
    .select({ id: partyAddresses.id, value: partyAddresses.value })
    .from(partyAddresses)
    .where(
      and(
        eq(partyAddresses.partyId, partyId),
        eq(partyAddresses.kind, "registration"),
        isNull(partyAddresses.validTo),
      ),
    );
  if (current.some((a) => a.value === text)) return;
  if (current.length)
    await db
      .update(partyAddresses)
      .set({ validTo: at, changedByUserId: userId })
      .where(
        inArray(
          partyAddresses.id,
          current.map((a) => a.id),
        ),
      );
  await db.insert(partyAddresses).values({
    partyId,
    kind: "registration",
    value: text,
    validFrom: at,
    sourceSystem: "orbit",
    changedByUserId: userId,
  });
}
