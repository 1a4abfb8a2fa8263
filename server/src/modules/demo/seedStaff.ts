import { randomBytes } from "node:crypto";
import type { Role } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { recordActions } from "../audit/service";
import { systemProcess } from "../staff/actor";
import { hashPassword } from "../staff/password";
import { dealerships, departments, users } from "../staff/schema";
import {
  DEMO_DEALERSHIPS,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEPARTMENT_NAMES,
  type DemoStaffMember,
  departmentsOf,
} from "./orgStructure";

export interface SeededOrg {
  dealershipIds: Map<string, number>;
  /** Users by role and dealership code ("" for group-wide), for assigning demo clients and records. */
  staff: { id: number; role: Role; dealershipId: number | null }[];
}

/** Dealerships, their departments and the staff of the demo group, each write in the action log. */
export async function seedStaff(db: Db, extraStaff: readonly DemoStaffMember[]): Promise<SeededOrg> {
  const by = systemProcess("demo");
  return db.transaction(async (tx) => {
    const dealershipIds = new Map<string, number>();
    const departmentIds = new Map<string, number>();
    for (const d of DEMO_DEALERSHIPS) {
      const [row] = await tx
        .insert(dealerships)
        .values({
          code: d.code,
          name: d.name,
          city: d.city,
          brands: d.brands,
          address: d.address,
          phone: d.phone,
          latitude: d.location[0],
          longitude: d.location[1],
        })
        .returning({ id: dealerships.id });
      if (!row) throw new Error("dealership insert returned nothing");
      dealershipIds.set(d.code, row.id);
      const kinds = departmentsOf(d);
      const rows = await tx
        .insert(departments)
        .values(kinds.map((kind) => ({ dealershipId: row.id, kind, name: DEPARTMENT_NAMES[kind].ru })))
        .returning({ id: departments.id, kind: departments.kind });
      for (const r of rows) departmentIds.set(`${d.code}/${r.kind}`, r.id);
    }

    const all = [...DEMO_LOGINS, ...extraStaff];
    // Hashing is the slow part (memory-hard on purpose); the thread pool runs several at once.
    const hashes = await Promise.all(all.map(() => hashPassword(DEMO_PASSWORD)));
    const inserted = await tx
      .insert(users)
      .values(
        all.map((m, i) => ({
          login: m.login,
          fullName: m.fullName,
          role: m.role,
          dealershipId: m.dealership ? (dealershipIds.get(m.dealership) ?? null) : null,
          departmentId:
            m.dealership && m.department
              ? (departmentIds.get(`${m.dealership}/${m.department}`) ?? null)
              : null,
          extension: m.extension,
          email: `${m.login.replace(/[^a-z0-9]/g, ".")}@orbita-auto.ru`,
          passwordHash: hashes[i] as string,
        })),
      )
      .returning({ id: users.id, role: users.role, dealershipId: users.dealershipId, login: users.login });

    // Heads of departments (an unanswered call goes up to them): the sales manager for sales, the
    // dealership's director for the rest.
    await tx.execute(sql`UPDATE departments d SET head_user_id = (
        SELECT u.id FROM users u WHERE u.dealership_id = d.dealership_id AND u.active
           AND u.role = CASE WHEN d.kind IN ('sales_new', 'sales_used') THEN 'sales_manager' ELSE 'director' END
         ORDER BY u.id LIMIT 1)`);
    // The demo has no telephone system: its calls come from the simulator in the call panel.
    await tx.execute(sql`INSERT INTO pbx_connections (code, kind, name, secret)
        VALUES ('simulator', 'generic', 'Симулятор звонков (демо)', ${randomBytes(24).toString("base64url")})
        ON CONFLICT (code) DO NOTHING`);

    await recordActions(
      tx,
      by,
      inserted.map((u) => ({
        entityType: "user",
        entityId: u.id,
        action: "create",
        processStep: "staff.onboarding",
        after: { login: u.login, role: u.role },
        dealershipId: u.dealershipId,
      })),
    );
    return { dealershipIds, staff: inserted.map(({ login: _, ...u }) => u) };
  });
}
