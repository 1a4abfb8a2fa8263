import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { normalizePhone } from "../identity/phone";

export interface CallerClient {
  id: number;
  name: string;
  segment: string;
}

/** The client a number belongs to: an active client with it as a current phone (a merged one's survivor). */
export async function clientByPhone(db: Db, e164: string): Promise<CallerClient | null> {
  const [row] = await execRows<CallerClient>(
    db,
    sql`SELECT p.id, p.display_name AS name, p.segment
          FROM contact_points c
          JOIN parties p0 ON p0.id = c.party_id
          JOIN parties p ON p.id = coalesce(p0.merged_into_id, p0.id)
         WHERE c.value = ${e164} AND c.kind = 'phone' AND c.valid_to IS NULL AND p.status = 'active'
         ORDER BY c.is_primary DESC, p.id LIMIT 1`,
  );
  return row ?? null;
}

export const e164Of = (raw: string | undefined): string | null => {
  if (!raw) return null;
  const n = normalizePhone(raw);
  return n.valid ? n.e164 : null;
};

/** The dealership whose published number was dialled. */
export async function dealershipByLine(db: Db, line: string | undefined): Promise<number | null> {
  const e164 = e164Of(line);
  if (!e164) return null;
  const rows = await execRows<{ id: number; phone: string }>(db, sql`SELECT id, phone FROM dealerships`);
  return rows.find((d) => e164Of(d.phone) === e164)?.id ?? null;
}

export interface Employee {
  id: number;
  name: string;
  role: string;
  dealershipId: number | null;
  departmentId: number | null;
}

export async function userByExtension(db: Db, extension: string | undefined): Promise<Employee | null> {
  if (!extension) return null;
  const [row] = await execRows<Employee>(
    db,
    sql`SELECT id, full_name AS name, role, dealership_id AS "dealershipId", department_id AS "departmentId"
          FROM users WHERE extension = ${extension} AND active`,
  );
  return row ?? null;
}
