import type { ClientInput } from "@orbit/contracts";
import { parseDate } from "../identity/import/columnMapping";
import type { GeneratedCompany } from "./companies";
import type { Rng } from "./random";
import type { TypedClientRecord } from "./staffTyping";

/** A person record as a DMS export holds it, read the way Orbit's import reads such a row. */
export function typedPersonInput(t: TypedClientRecord): ClientInput {
  const input: ClientInput = { kind: "person", phones: [], emails: [] };
  if (t.fullName) input.fullName = t.fullName;
  if (t.lastName) input.lastName = t.lastName;
  if (t.firstName) input.firstName = t.firstName;
  if (t.patronymic) input.patronymic = t.patronymic;
  const birth = t.birthDate ? parseDate(t.birthDate) : null;
  if (birth) input.birthDate = birth;
  if (t.phone) input.phones = t.phone.split(/[;,]/).map((p) => p.trim());
  if (t.email) input.emails = [t.email];
  if (t.passport) input.passport = t.passport;
  return input;
}

// How company names arrive from different systems: the legal form spelled out or abbreviated,
// guillemets, straight quotes or none, capitals.
const FORMS: Record<string, string> = {
  ООО: "Общество с ограниченной ответственностью",
  АО: "Акционерное общество",
  ИП: "Индивидуальный предприниматель",
};

/** A company as a staff member types it: name variants, INN sometimes missing, a phone in some form. */
export function typedCompanyInput(c: GeneratedCompany, rng: Rng): ClientInput {
  const bare = c.name.replace(/^(ООО|АО|ИП)\s*/, "").replace(/[«»"]/g, "");
  let name = c.name;
  const style = rng.next();
  if (style < 0.2) name = `${c.form} "${bare}"`;
  else if (style < 0.3) name = `${FORMS[c.form] ?? c.form} «${bare}»`;
  else if (style < 0.4) name = `${bare} ${c.form}`;
  else if (style < 0.5) name = name.toUpperCase();
  const contact = c.contacts[0]?.person;
  const input: ClientInput = { kind: "company", companyName: name, phones: [], emails: [] };
  if (rng.chance(0.85)) input.inn = c.inn;
  if (c.kpp && rng.chance(0.5)) input.kpp = c.kpp;
  if (contact?.phones[0] && rng.chance(0.8)) {
    const d = contact.phones[0].slice(2);
    input.phones = [
      rng.chance(0.5) ? `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}` : `+7${d}`,
    ];
  }
  if (contact?.email && rng.chance(0.5)) input.emails = [contact.email];
  return input;
}
