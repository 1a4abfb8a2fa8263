import type { GoldenRecord } from "@orbit/contracts";
import { type ClientRecord, displayNameOf, type RankedRecord } from "./clientRecord";

/**
 * How much a source is trusted for the golden record. An employee's correction in Orbit beats
 * everything; the client's own portal entry beats a dealership system; bulk imports and web forms
 * (often typed by the client in a hurry) come last.
 */
export function sourceTrust(sourceSystem: string): number {
  if (sourceSystem === "orbit") return 5;
  if (sourceSystem === "portal") return 4;
  if (sourceSystem.startsWith("dms:") || sourceSystem.startsWith("1c:")) return 3;
  if (sourceSystem.startsWith("import:")) return 2;
  return 1;
}

const CYRILLIC = /[а-яё]/i;

type Field = keyof Omit<ClientRecord, "kind" | "phones" | "emails" | "messengers" | "documents" | "vins">;

function byTrustThenRecency(a: RankedRecord, b: RankedRecord): number {
  return (
    sourceTrust(b.sourceSystem) - sourceTrust(a.sourceSystem) ||
    b.receivedAt.getTime() - a.receivedAt.getTime()
  );
}

function stated(records: readonly RankedRecord[], field: Field): RankedRecord[] {
  return records.filter((r) => r.record[field] !== undefined).sort(byTrustThenRecency);
}

/** The value from the most trusted, then most recent, record that states the field. */
function best(records: readonly RankedRecord[], field: Field): string | null {
  return (stated(records, field)[0]?.record[field] as string | null | undefined) ?? null;
}

/**
 * The birth date most records agree on among the most trusted ones: a single mistyped date (day and
 * month swapped) in one dealership does not overwrite the date two others agree on.
 */
function agreedBirthDate(records: readonly RankedRecord[]): string | null {
  const withDate = stated(records, "birthDate");
  const top = withDate[0];
  if (!top) return null;
  const trust = sourceTrust(top.sourceSystem);
  // An employee's explicit correction is final.
  if (trust === 5) return top.record.birthDate ?? null;
  const votes = new Map<string, number>();
  for (const r of withDate) {
    const v = r.record.birthDate;
    if (v) votes.set(v, (votes.get(v) ?? 0) + sourceTrust(r.sourceSystem));
  }
  let winner: string | null = top.record.birthDate ?? null;
  let most = winner ? (votes.get(winner) ?? 0) : 0;
  for (const [v, n] of votes) {
    if (n > most) {
      winner = v;
      most = n;
    }
  }
  return winner;
}

/**
 * The name comes from one record as a whole, so "Ivanov" from a passport copy never mixes with
 * "Пётр" from a DMS: trust first, then Cyrillic over Latin, then with a patronymic, then recency.
 * A patronymic missing there is taken from another record with the same surname and first name.
 */
function personName(records: readonly RankedRecord[]) {
  const named = records.filter((r) => r.record.lastName !== undefined || r.record.firstName !== undefined);
  const score = (r: RankedRecord) =>
    sourceTrust(r.sourceSystem) * 4 +
    (CYRILLIC.test(`${r.record.lastName ?? ""}${r.record.firstName ?? ""}`) ? 2 : 0) +
    (r.record.patronymic ? 1 : 0);
  const chosen = [...named].sort(
    (a, b) => score(b) - score(a) || b.receivedAt.getTime() - a.receivedAt.getTime(),
  )[0];
  if (!chosen) return { lastName: null, firstName: null, patronymic: null };
  const { lastName = null, firstName = null } = chosen.record;
  let patronymic = chosen.record.patronymic ?? null;
  if (!patronymic && chosen.record.patronymic === undefined) {
    const key = (s: string | null | undefined) => (s ?? "").toLowerCase().replace(/ё/g, "е");
    const donor = named
      .filter(
        (r) =>
          r.record.patronymic &&
          key(r.record.lastName) === key(lastName) &&
          key(r.record.firstName) === key(firstName),
      )
      .sort(byTrustThenRecency)[0];
    patronymic = donor?.record.patronymic ?? null;
  }
  return { lastName, firstName, patronymic };
}

/** The golden record of a client from all its source records. */
export function survive(records: readonly RankedRecord[]): GoldenRecord {
  if (records.length === 0) throw new Error("a client needs at least one source record");
  const kind = [...records].sort(byTrustThenRecency)[0]?.record.kind ?? "person";
  const name =
    kind === "person" ? personName(records) : { lastName: null, firstName: null, patronymic: null };
  const golden = {
    kind,
    ...name,
    birthDate: kind === "person" ? agreedBirthDate(records) : null,
    gender: kind === "person" ? (best(records, "gender") as "m" | "f" | null) : null,
    companyName: best(records, "companyName"),
    inn: best(records, "inn"),
    kpp: best(records, "kpp"),
    ogrn: best(records, "ogrn"),
  };
  return { ...golden, displayName: displayNameOf(golden) };
}
