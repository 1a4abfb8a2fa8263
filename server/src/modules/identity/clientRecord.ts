import type { GoldenRecord } from "@orbit/contracts";

/** A contact value after normalisation, with the text as it was typed. */
export interface Typed {
  value: string;
  raw: string;
}

/**
 * One source record after normalisation: what a system (or an employee) stated about a client.
 * `undefined` means the record says nothing about the field; `null` (only in edits) means it
 * states the field is empty.
 */
export interface ClientRecord {
  kind: "person" | "company";
  lastName?: string | null;
  firstName?: string | null;
  patronymic?: string | null;
  birthDate?: string | null;
  gender?: "m" | "f" | null;
  companyName?: string | null;
  inn?: string | null;
  kpp?: string | null;
  ogrn?: string | null;
  phones: Typed[];
  emails: Typed[];
  messengers: (Typed & { kind: "telegram" | "whatsapp" | "vk" | "max" })[];
  documents: (Typed & { kind: "passport_rf" | "driver_licence" })[];
  vins: Typed[];
}

/** A stored source record with what survivorship needs to rank it. */
export interface RankedRecord {
  sourceSystem: string;
  receivedAt: Date;
  record: ClientRecord;
}

export type GoldenFields = GoldenRecord;

export const displayNameOf = (g: Omit<GoldenRecord, "displayName">): string =>
  g.kind === "company"
    ? (g.companyName ?? (g.inn ? `ИНН ${g.inn}` : "—"))
    : [g.lastName, g.firstName, g.patronymic].filter(Boolean).join(" ") || "—";
