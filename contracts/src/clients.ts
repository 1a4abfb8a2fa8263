import { z } from "zod";
import { RowId } from "./ids";

export const PartyKind = z.enum(["person", "company"]);
export const Segment = z.enum(["new", "active", "loyal", "returning", "lapsed", "blocked"]);
export type Segment = z.infer<typeof Segment>;
export const ContactKind = z.enum(["phone", "email", "telegram", "whatsapp", "vk", "max"]);
export const DocumentKind = z.enum(["passport_rf", "driver_licence", "foreign_passport", "snils"]);
export const ConsentChannel = z.enum(["call", "sms", "email", "messenger", "post"]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const text = (max: number) => z.string().trim().max(max);

/**
 * A client as an employee, an import row or a web form describes it. Values may be typed any way
 * staff type them (phones as "8 (916) 123-45-67", names in one field); Orbit normalises them and
 * keeps the typed form in the source record.
 */
export const ClientInput = z
  .object({
    kind: PartyKind.default("person"),
    fullName: text(300).optional(),
    lastName: text(100).optional(),
    firstName: text(100).optional(),
    patronymic: text(100).optional(),
    birthDate: isoDate.optional(),
    gender: z.enum(["m", "f"]).optional(),
    companyName: text(300).optional(),
    inn: text(20).optional(),
    kpp: text(20).optional(),
    ogrn: text(20).optional(),
    phones: z.array(text(60)).max(10).default([]),
    emails: z.array(text(200)).max(10).default([]),
    messengers: z
      .array(z.object({ kind: z.enum(["telegram", "whatsapp", "vk", "max"]), handle: text(100).min(1) }))
      .max(10)
      .default([]),
    passport: text(40).optional(),
    driverLicence: text(40).optional(),
    vins: z.array(text(40)).max(20).default([]),
    homeDealershipId: RowId.optional(),
    consents: z
      .array(
        z.object({
          channel: ConsentChannel,
          purpose: z.enum(["marketing", "service"]),
          granted: z.boolean(),
        }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((v, ctx) => {
    const hasPersonName = v.fullName || v.lastName || v.firstName;
    if (v.kind === "person" && !hasPersonName) {
      ctx.addIssue({ code: "custom", path: ["lastName"], message: "a name is required" });
    }
    if (v.kind === "company" && !v.companyName && !v.inn) {
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "a company name or INN is required" });
    }
  });
export type ClientInput = z.input<typeof ClientInput>;
export type ClientInputParsed = z.output<typeof ClientInput>;

/** An edit of the golden record; `version` is the one the editor saw, so concurrent edits do not clash silently. */
export const ClientEdit = z.object({
  version: RowId,
  lastName: text(100).nullable().optional(),
  firstName: text(100).nullable().optional(),
  patronymic: text(100).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  gender: z.enum(["m", "f"]).nullable().optional(),
  companyName: text(300).nullable().optional(),
  inn: text(20).nullable().optional(),
  kpp: text(20).nullable().optional(),
  blocked: z.boolean().optional(),
  personalManagerId: RowId.nullable().optional(),
  homeDealershipId: RowId.nullable().optional(),
  addPhones: z.array(text(60)).max(10).optional(),
  addEmails: z.array(text(200)).max(10).optional(),
  endContactPointIds: z.array(RowId).max(20).optional(),
  /** A Russian passport replacing the current one. */
  passport: text(40).min(1).optional(),
  /** The registration address, replacing the current one. */
  address: text(300).min(5).optional(),
  consents: z
    .array(
      z.object({ channel: ConsentChannel, purpose: z.enum(["marketing", "service"]), granted: z.boolean() }),
    )
    .max(20)
    .optional(),
});
export type ClientEdit = z.infer<typeof ClientEdit>;

export const GoldenRecord = z.object({
  kind: PartyKind,
  displayName: z.string(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(["m", "f"]).nullable(),
  companyName: z.string().nullable(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
});
export type GoldenRecord = z.infer<typeof GoldenRecord>;

export const ContactPoint = z.object({
  id: z.number().int(),
  kind: ContactKind,
  value: z.string(),
  raw: z.string(),
  isPrimary: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceSystem: z.string(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const IdentityDocument = z.object({
  id: z.number().int(),
  kind: DocumentKind,
  number: z.string(),
  raw: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceSystem: z.string(),
});

export const Consent = z.object({
  channel: ConsentChannel,
  purpose: z.enum(["marketing", "service"]),
  granted: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceSystem: z.string(),
  /** The employee who recorded it; null when it came from another system (an import, the web site). */
  changedBy: z.string().nullable(),
});

export const SourceRecord = z.object({
  id: z.number().int(),
  sourceSystem: z.string(),
  sourceKey: z.string().nullable(),
  dealershipId: z.number().int().nullable(),
  receivedAt: z.string(),
  /** True when the record came to this client by a merge. */
  viaMerge: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

/** The attributes whose history is kept version by version: the golden record and Orbit's own. */
export const PartyState = GoldenRecord.extend({
  blocked: z.boolean(),
  personalManagerId: z.number().int().nullable(),
  homeDealershipId: z.number().int().nullable(),
});
export type PartyState = z.infer<typeof PartyState>;

export const PartyVersion = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceSystem: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string(),
  data: PartyState,
});
export type PartyVersion = z.infer<typeof PartyVersion>;

export const MergeEntry = z.object({
  id: z.number().int(),
  survivorId: z.number().int(),
  mergedId: z.number().int(),
  mergedName: z.string(),
  decidedBy: z.enum(["auto", "employee"]),
  probability: z.number().nullable(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type MergeEntry = z.infer<typeof MergeEntry>;

export const ClientIdentity = z.object({
  id: z.number().int(),
  status: z.enum(["active", "merged", "anonymised"]),
  mergedIntoId: z.number().int().nullable(),
  version: z.number().int(),
  golden: GoldenRecord,
  segment: Segment,
  blocked: z.boolean(),
  homeDealershipId: z.number().int().nullable(),
  personalManagerId: z.number().int().nullable(),
  personalManagerName: z.string().nullable(),
  contacts: z.array(ContactPoint),
  documents: z.array(IdentityDocument),
  consents: z.array(Consent),
  /** Cars the client owned or drove at the moment shown. */
  vehicles: z.array(
    z.object({
      id: z.number().int(),
      vin: z.string().nullable(),
      plate: z.string().nullable(),
      make: z.string().nullable(),
      model: z.string().nullable(),
      year: z.number().int().nullable(),
      role: z.string(),
    }),
  ),
  /** The state shown; null means now. */
  asOf: z.string().nullable(),
});
export type ClientIdentity = z.infer<typeof ClientIdentity>;

export const FieldComparison = z.object({
  field: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  weight: z.number(),
});
export type FieldComparison = z.infer<typeof FieldComparison>;

export const MatchOutcome = z.enum(["created", "merged", "queued"]);

export const CreateClientResult = z.object({
  outcome: MatchOutcome,
  /** The client the record ended up in: a new one, or the existing one it was merged into. */
  clientId: z.number().int(),
  /** Existing clients the new record resembles, best first. */
  matches: z.array(z.object({ clientId: z.number().int(), probability: z.number(), outcome: MatchOutcome })),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type CreateClientResult = z.infer<typeof CreateClientResult>;

export const DuplicateCandidate = z.object({
  id: z.number().int(),
  probability: z.number(),
  weight: z.number(),
  explanation: z.array(FieldComparison),
  createdAt: z.string(),
  a: ClientIdentity,
  b: ClientIdentity,
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const IMPORT_TARGET_NAMES = [
  "sourceKey",
  "kind",
  "fullName",
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "gender",
  "companyName",
  "inn",
  "kpp",
  "ogrn",
  "phones",
  "emails",
  "passport",
  "driverLicence",
  "vins",
  "consentMarketing",
  "skip",
] as const;
export const ImportTarget = z.enum(IMPORT_TARGET_NAMES);
export const ColumnMapping = z.record(z.string().max(200), ImportTarget);

export const ImportStatus = z.enum(["draft", "uploaded", "running", "done", "failed"]);

export const ImportBatch = z.object({
  id: z.number().int(),
  sourceSystem: z.string(),
  dealershipId: z.number().int().nullable(),
  fileName: z.string(),
  fileBytes: z.number().int(),
  status: ImportStatus,
  mapping: ColumnMapping,
  rowsDone: z.number().int(),
  created: z.number().int(),
  merged: z.number().int(),
  queued: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

/** What the mapping step shows after an upload: the columns, a few rows and Orbit's guess. */
export const ImportPreview = z.object({
  batch: ImportBatch,
  headers: z.array(z.string()),
  sample: z.array(z.record(z.string(), z.string())),
  suggestedMapping: ColumnMapping,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRowNote = z.object({
  rowNumber: z.number().int(),
  kind: z.enum(["rejected", "skipped", "warning"]),
  reason: z.string(),
  row: z.record(z.string(), z.string()).nullable(),
});
export type ImportRowNote = z.infer<typeof ImportRowNote>;

/** The source system an import comes from: "dms:<dealership code>", "1c:<name>" or "import:<name>". */
export const SourceSystemName = z
  .string()
  .trim()
  .regex(/^(dms|1c|import):[A-Za-z0-9._-]{1,40}$/, 'like "dms:MSK-KIA", "1c:central" or "import:leads-2026"');
