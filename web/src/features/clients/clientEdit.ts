import { ClientEdit, type ClientIdentity } from "@orbit/contracts";

/** The golden fields as the edit form holds them: text as strings (empty = none), pickers as value or null. */
export interface GoldenFormValues {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  gender: "m" | "f" | null;
  companyName: string;
  inn: string;
  kpp: string;
  blocked: boolean;
  homeDealershipId: number | null;
}

export function goldenFormOf(c: ClientIdentity): GoldenFormValues {
  return {
    lastName: c.golden.lastName ?? "",
    firstName: c.golden.firstName ?? "",
    patronymic: c.golden.patronymic ?? "",
    birthDate: c.golden.birthDate ?? "",
    gender: c.golden.gender,
    companyName: c.golden.companyName ?? "",
    inn: c.golden.inn ?? "",
    kpp: c.golden.kpp ?? "",
    blocked: c.blocked,
    homeDealershipId: c.homeDealershipId,
  };
}

const NAME_PARTS = ["lastName", "firstName", "patronymic"] as const;

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/**
 * Only the fields the employee changed (a name always whole), with the version they saw, so a
 * concurrent change is refused, not overwritten; null when nothing changed. An emptied field is sent
 * as null: "no longer known".
 */
export function toClientEdit(c: ClientIdentity, v: GoldenFormValues) {
  const person = c.golden.kind === "person";
  const before = goldenFormOf(c);
  const next: Record<string, unknown> = person
    ? {
        lastName: orNull(v.lastName),
        firstName: orNull(v.firstName),
        patronymic: orNull(v.patronymic),
        birthDate: orNull(v.birthDate),
        gender: v.gender,
      }
    : { companyName: orNull(v.companyName), inn: orNull(v.inn), kpp: orNull(v.kpp) };
  const old: Record<string, unknown> = person
    ? {
        lastName: orNull(before.lastName),
        firstName: orNull(before.firstName),
        patronymic: orNull(before.patronymic),
        birthDate: orNull(before.birthDate),
        gender: before.gender,
      }
    : { companyName: orNull(before.companyName), inn: orNull(before.inn), kpp: orNull(before.kpp) };
  next.blocked = v.blocked;
  old.blocked = before.blocked;
  next.homeDealershipId = v.homeDealershipId;
  old.homeDealershipId = before.homeDealershipId;

  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (value !== old[key]) patch[key] = value;
  // The golden name is taken from one source record as a whole, and an edit is a source record: a
  // corrected surname alone would leave the name without a first name (and the other way round).
  if (NAME_PARTS.some((key) => key in patch)) for (const key of NAME_PARTS) patch[key] = next[key];
  if (Object.keys(patch).length === 0) return null;
  return ClientEdit.safeParse({ version: c.version, ...patch });
}
