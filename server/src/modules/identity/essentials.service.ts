import type { ClientEssentials } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";

/**
 * What a contract needs to name the client: the golden record's name and birth date, the current passport,
 * the registration address, the primary phone and e-mail. Documents print the passport as "45 12 345678".
 */
export async function clientEssentials(db: Db, partyId: number): Promise<ClientEssentials> {
  const [row] = await execRows<{
    version: number;
    kind: "person" | "company";
    company_name: string | null;
    inn: string | null;
    last_name: string | null;
    first_name: string | null;
    patronymic: string | null;
    birth_date: string | null;
    passport: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
  }>(
    db,
    sql`SELECT p.version, p.kind, p.company_name, p.inn, p.last_name, p.first_name, p.patronymic,
          to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
          (SELECT d.number FROM identity_documents d WHERE d.party_id = p.id AND d.kind = 'passport_rf'
             AND d.valid_to IS NULL ORDER BY d.valid_from DESC, d.id DESC LIMIT 1) AS passport,
          (SELECT a.value FROM party_addresses a WHERE a.party_id = p.id AND a.kind = 'registration'
             AND a.valid_to IS NULL ORDER BY a.valid_from DESC, a.id DESC LIMIT 1) AS address,
          (SELECT c.value FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL
            ORDER BY c.is_primary DESC, c.id LIMIT 1) AS phone,
          (SELECT c.value FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'email' AND c.valid_to IS NULL
            ORDER BY c.is_primary DESC, c.id LIMIT 1) AS email
        FROM parties p WHERE p.id = ${partyId}`,
  );
  if (!row) throw notFound("Client");
  const passport =
    row.passport && /^\d{10}$/.test(row.passport)
      ? `${row.passport.slice(0, 2)} ${row.passport.slice(2, 4)} ${row.passport.slice(4)}`
      : row.passport;
  return {
    version: row.version,
    kind: row.kind,
    companyName: row.company_name,
    inn: row.inn,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    passport,
    address: row.address,
    phone: row.phone,
    email: row.email,
  };
}
