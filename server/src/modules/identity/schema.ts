import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { dealerships, users } from "../staff/schema";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const PARTY_KINDS = ["person", "company"] as const;
export const PARTY_STATUSES = ["active", "merged", "anonymised"] as const;
export const SEGMENTS = ["new", "active", "loyal", "returning", "lapsed", "blocked"] as const;

/**
 * A client: a person or a company, one across every dealership. The columns hold the golden record,
 * derived from the source records by survivorship rules; every earlier state is in party_versions.
 */
export const parties = pgTable(
  "parties",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    kind: text("kind", { enum: PARTY_KINDS }).notNull(),
    status: text("status", { enum: PARTY_STATUSES }).notNull().default("active"),
    /** Set when this client was merged into another; the survivor carries everything now. */
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => parties.id),
    displayName: text("display_name").notNull(),
    lastName: text("last_name"),
    firstName: text("first_name"),
    patronymic: text("patronymic"),
    birthDate: date("birth_date", { mode: "string" }),
    gender: text("gender", { enum: ["m", "f"] }),
    companyName: text("company_name"),
    inn: text("inn"),
    kpp: text("kpp"),
    ogrn: text("ogrn"),
    segment: text("segment", { enum: SEGMENTS }).notNull().default("new"),
    /** Do not contact: the client asked, or the dealer blocked them. */
    blocked: boolean("blocked").notNull().default(false),
    homeDealershipId: integer("home_dealership_id").references(() => dealerships.id),
    personalManagerId: integer("personal_manager_id").references(() => users.id),
    /** Name-word skeletons and the INN, for search in any script (identity/searchTerms.ts). */
    searchTerms: text("search_terms").notNull().default(""),
    /** The surname's skeleton: the exact key the commonest search ("Иванов") uses. */
    nameKey: text("name_key"),
    /** The first name's skeleton, searched as a prefix after the surname ("Иванов Серг"). */
    firstKey: text("first_key"),
    /** Incremented on every change of the golden record; edits must name the version they saw. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("parties_kind_ck", sql`${t.kind} in ('person', 'company')`),
    check("parties_status_ck", sql`${t.status} in ('active', 'merged', 'anonymised')`),
    index("parties_merged_into_idx").on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    index("parties_personal_manager_idx")
      .on(t.personalManagerId)
      .where(sql`${t.personalManagerId} is not null`),
    index("parties_inn_idx").on(t.inn).where(sql`${t.inn} is not null`),
    index("parties_home_dealership_idx").on(t.homeDealershipId),
    index("parties_search_terms_trgm").using("gin", sql`${t.searchTerms} gin_trgm_ops`),
    // Surname then first name, each searchable by prefix ("ivano", "ivanov serg").
    index("parties_name_key_idx").on(
      t.nameKey.op("text_pattern_ops"),
      t.firstKey.op("text_pattern_ops"),
      t.id,
    ),
  ],
);

/**
 * Every state the golden record has had: valid from/to, where it came from and who changed it.
 * The card "as of a date" reads the version valid then; an attribute's history is the sequence of
 * versions in which its value changed.
 */
export const partyVersions = pgTable(
  "party_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id").notNull(),
    version: integer("version").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    data: jsonb("data").notNull(),
    sourceSystem: text("source_system").notNull(),
    sourceRecordId: integer("source_record_id"),
    changedByUserId: integer("changed_by_user_id"),
    reason: text("reason").notNull(),
  },
  (t) => [unique("party_versions_party_version_uq").on(t.partyId, t.version)],
);

/**
 * A client record as some system delivered it (a dealership's DMS, a 1C export, the web site,
 * an employee typing in Orbit). Never changed; merges only re-point it to the surviving client.
 */
export const sourceRecords = pgTable(
  "source_records",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    /** The party this record created; unmerge returns the record there. */
    originalPartyId: integer("original_party_id").notNull(),
    sourceSystem: text("source_system").notNull(),
    /** The record's key in its system, so that a re-import updates instead of duplicating. */
    sourceKey: text("source_key"),
    dealershipId: integer("dealership_id"),
    data: jsonb("data").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    importBatchId: integer("import_batch_id"),
  },
  (t) => [
    index("source_records_party_idx").on(t.partyId),
    uniqueIndex("source_records_key_uq")
      .on(t.sourceSystem, t.sourceKey)
      .where(sql`${t.sourceKey} is not null`),
  ],
);

export const CONTACT_KINDS = ["phone", "email", "telegram", "whatsapp", "vk", "max"] as const;

/** Phones (E.164), e-mails and messenger handles; a row is never edited, only ended and replaced. */
export const contactPoints = pgTable(
  "contact_points",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: CONTACT_KINDS }).notNull(),
    /** Normalised: E.164 for phones, lower case for e-mails. */
    value: text("value").notNull(),
    /** As it was typed. */
    raw: text("raw").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    sourceSystem: text("source_system").notNull(),
    sourceRecordId: integer("source_record_id"),
    changedByUserId: integer("changed_by_user_id"),
  },
  (t) => [
    index("contact_points_party_idx").on(t.partyId),
    index("contact_points_value_idx").on(t.value.op("text_pattern_ops")),
    // Phones by any run of their digits ("…4567"), e-mails by any part.
    index("contact_points_value_trgm").using("gin", sql`${t.value} gin_trgm_ops`),
  ],
);

export const DOCUMENT_KINDS = ["passport_rf", "driver_licence", "foreign_passport", "snils"] as const;

export const identityDocuments = pgTable(
  "identity_documents",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    number: text("number").notNull(),
    raw: text("raw").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    sourceSystem: text("source_system").notNull(),
    sourceRecordId: integer("source_record_id"),
    changedByUserId: integer("changed_by_user_id"),
  },
  (t) => [
    index("identity_documents_party_idx").on(t.partyId),
    index("identity_documents_number_idx").on(t.kind, t.number),
  ],
);

export const ADDRESS_KINDS = ["registration", "residence"] as const;

/**
 * Where the client is registered (the address a purchase contract names) or lives; like documents, a row is
 * never edited, only ended and replaced.
 */
export const partyAddresses = pgTable(
  "party_addresses",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: ADDRESS_KINDS }).notNull().default("registration"),
    value: text("value").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    sourceSystem: text("source_system").notNull(),
    changedByUserId: integer("changed_by_user_id"),
  },
  (t) => [index("party_addresses_party_idx").on(t.partyId)],
);

export const CONSENT_CHANNELS = ["call", "sms", "email", "messenger", "post"] as const;

/** Permission to contact the client on a channel, with its history (a withdrawal is a new row). */
export const consents = pgTable(
  "consents",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    channel: text("channel", { enum: CONSENT_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: ["marketing", "service"] }).notNull(),
    granted: boolean("granted").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    sourceSystem: text("source_system").notNull(),
    changedByUserId: integer("changed_by_user_id"),
  },
  (t) => [index("consents_party_idx").on(t.partyId, t.channel)],
);

export const PARTY_ROLES = [
  "buyer",
  "driver",
  "contact_person",
  "personal_manager_client",
  "service_client",
] as const;

/** The roles a client plays, possibly per dealership (a buyer at one, a service client at another). */
export const partyRoles = pgTable(
  "party_roles",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    role: text("role", { enum: PARTY_ROLES }).notNull(),
    dealershipId: integer("dealership_id"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
  },
  (t) => [index("party_roles_party_idx").on(t.partyId)],
);

export const RELATIONSHIP_KINDS = [
  "contact_person_of",
  "employee_of",
  "family_of",
  "member_of_group",
] as const;

/** Person-to-company and company-to-group links; `partyId` is the one the relation is stated for. */
export const partyRelationships = pgTable(
  "party_relationships",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    relatedPartyId: integer("related_party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: RELATIONSHIP_KINDS }).notNull(),
    title: text("title"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    sourceSystem: text("source_system").notNull(),
  },
  (t) => [
    index("party_relationships_party_idx").on(t.partyId),
    index("party_relationships_related_idx").on(t.relatedPartyId),
  ],
);

/** Blocking keys of each active client: two clients are compared when they share a key. */
export const matchKeys = pgTable(
  "match_keys",
  {
    key: text("key").notNull(),
    partyId: integer("party_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.partyId] }), index("match_keys_party_idx").on(t.partyId)],
);

/** Learned matching parameters, versioned; one is active. */
export const matchModels = pgTable("match_models", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  kind: text("kind", { enum: PARTY_KINDS }).notNull(),
  trainedAt: timestamp("trained_at", { withTimezone: true }).notNull().defaultNow(),
  recordsUsed: integer("records_used").notNull(),
  params: jsonb("params").notNull(),
  active: boolean("active").notNull().default(false),
});

/** dismissed: later changes (a merge that brought a birth date, say) made the pair unlikely. */
export const CANDIDATE_STATUSES = ["pending", "merged", "not_duplicate", "dismissed"] as const;

/** A pair the model could not decide alone: it waits in the review queue for an employee. */
export const matchCandidates = pgTable(
  "match_candidates",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** The lower id of the pair, so each pair is stored once. */
    partyA: integer("party_a").notNull(),
    partyB: integer("party_b").notNull(),
    probability: doublePrecision("probability").notNull(),
    weight: doublePrecision("weight").notNull(),
    /** Per-field comparison levels and weights, shown to explain the match. */
    explanation: jsonb("explanation").notNull(),
    status: text("status", { enum: CANDIDATE_STATUSES }).notNull().default("pending"),
    modelId: integer("model_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedByUserId: integer("decided_by_user_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    unique("match_candidates_pair_uq").on(t.partyA, t.partyB),
    index("match_candidates_pending_idx").on(t.status, t.probability),
    check("match_candidates_order_ck", sql`${t.partyA} < ${t.partyB}`),
  ],
);

/** A merge of one client into another, with everything it moved, so that it can be undone. */
export const merges = pgTable(
  "merges",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    survivorId: integer("survivor_id").notNull(),
    mergedId: integer("merged_id").notNull(),
    decidedBy: text("decided_by", { enum: ["auto", "employee"] }).notNull(),
    probability: doublePrecision("probability"),
    explanation: jsonb("explanation"),
    /** Ids re-pointed from the merged client to the survivor, per table. */
    moved: jsonb("moved").notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull().defaultNow(),
    mergedByUserId: integer("merged_by_user_id"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneByUserId: integer("undone_by_user_id"),
  },
  (t) => [index("merges_survivor_idx").on(t.survivorId), index("merges_merged_idx").on(t.mergedId)],
);

/** draft: uploaded, mapping not confirmed; uploaded: waiting for a worker; then running, done or failed. */
export const IMPORT_STATUSES = ["draft", "uploaded", "running", "done", "failed"] as const;

/**
 * A client import from a DMS or 1C export. Rows are processed in batches, each committed together
 * with `rowsDone`, so an interrupted import resumes after the last committed batch and never leaves
 * a half-written batch behind.
 */
export const importBatches = pgTable("import_batches", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  sourceSystem: text("source_system").notNull(),
  dealershipId: integer("dealership_id").references(() => dealerships.id),
  fileName: text("file_name").notNull(),
  /** Set for imports run from the command line on a file the server can read; else the file is in import_file_chunks. */
  filePath: text("file_path"),
  fileBytes: bigint("file_bytes", { mode: "number" }).notNull().default(0),
  delimiter: text("delimiter").notNull().default(","),
  mapping: jsonb("mapping").notNull(),
  status: text("status", { enum: IMPORT_STATUSES }).notNull().default("uploaded"),
  rowsDone: integer("rows_done").notNull().default(0),
  created: integer("created").notNull().default(0),
  merged: integer("merged").notNull().default(0),
  queued: integer("queued").notNull().default(0),
  rejected: integer("rejected").notNull().default(0),
  skipped: integer("skipped").notNull().default(0),
  error: text("error"),
  createdByUserId: integer("created_by_user_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  /** Heartbeat of the process running it; a stale one means that process died and another may resume. */
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
});

/** An uploaded import file, kept in the database so any worker process can read it. */
export const importFileChunks = pgTable(
  "import_file_chunks",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.seq] })],
);

/** Rows an import could not take, with the reason, for the report. */
export const importRejections = pgTable(
  "import_rejections",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id),
    rowNumber: integer("row_number").notNull(),
    kind: text("kind", { enum: ["rejected", "skipped", "warning"] }).notNull(),
    reason: text("reason").notNull(),
    row: jsonb("row"),
  },
  (t) => [index("import_rejections_batch_idx").on(t.batchId, t.rowNumber)],
);
