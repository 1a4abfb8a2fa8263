import type { CreateStaffUser, Dealership, Department, StaffUser, UpdateStaffUser } from "@orbit/contracts";
import { and, asc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { conflict, forbidden, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs, Actor } from "./actor";
import { hashPassword } from "./password";
import { dealerships, departments, users } from "./schema";
import { canManageUser } from "./scope";

type Scope = "all" | number[];

export async function listDealerships(db: Db, scope: Scope): Promise<Dealership[]> {
  const rows = await db
    .select()
    .from(dealerships)
    .where(scope === "all" ? undefined : inArray(dealerships.id, scope))
    .orderBy(asc(dealerships.id));
  return rows.map(({ createdAt: _, ...d }) => d);
}

export async function listDepartments(db: Db, scope: Scope): Promise<Department[]> {
  return db
    .select({
      id: departments.id,
      dealershipId: departments.dealershipId,
      kind: departments.kind,
      name: departments.name,
    })
    .from(departments)
    .where(scope === "all" ? undefined : inArray(departments.dealershipId, scope))
    .orderBy(asc(departments.dealershipId), asc(departments.id));
}

const staffColumns = {
  id: users.id,
  login: users.login,
  fullName: users.fullName,
  email: users.email,
  phone: users.phone,
  role: users.role,
  dealershipId: users.dealershipId,
  departmentId: users.departmentId,
  extension: users.extension,
  locale: users.locale,
  active: users.active,
};

export interface StaffFilter {
  dealershipId?: number;
  role?: StaffUser["role"];
  q?: string;
}

export async function listUsers(db: Db, scope: Scope, filter: StaffFilter): Promise<StaffUser[]> {
  const where: SQL[] = [];
  if (scope !== "all") where.push(inArray(users.dealershipId, scope));
  if (filter.dealershipId) where.push(eq(users.dealershipId, filter.dealershipId));
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`;
    where.push(or(ilike(users.fullName, like), ilike(users.login, like)) as SQL);
  }
  return db
    .select(staffColumns)
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.fullName))
    .limit(500);
}

export async function getUser(db: Db, id: number): Promise<StaffUser | undefined> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id));
  return row;
}

/** The department, when given, must belong to the user's dealership. */
async function checkPlacement(db: Db, dealershipId: number | null, departmentId: number | null | undefined) {
  if (dealershipId !== null) {
    const [d] = await db
      .select({ id: dealerships.id })
      .from(dealerships)
      .where(eq(dealerships.id, dealershipId));
    if (!d) throw invalid("body.dealershipId", "no such dealership");
  }
  if (departmentId) {
    const [dep] = await db.select().from(departments).where(eq(departments.id, departmentId));
    if (!dep) throw invalid("body.departmentId", "no such department");
    if (dep.dealershipId !== dealershipId)
      throw invalid("body.departmentId", "belongs to another dealership");
  }
}

function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgErr = e.code === "23505" ? e : e.cause?.code === "23505" ? e.cause : null;
  return pgErr ? (pgErr.constraint ?? "unique") : null;
}

function rethrowUnique(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint?.includes("login"))
    throw conflict("This login is taken", [{ field: "body.login", message: "taken" }]);
  if (constraint?.includes("extension"))
    throw conflict("This extension belongs to another employee", [
      { field: "body.extension", message: "taken" },
    ]);
  throw err;
}

export async function createUser(
  db: Db,
  actor: Actor,
  by: ActingAs,
  input: CreateStaffUser,
): Promise<StaffUser> {
  if (!canManageUser(actor, input)) throw forbidden("You cannot create this account");
  await checkPlacement(db, input.dealershipId, input.departmentId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          login: input.login,
          fullName: input.fullName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          role: input.role,
          dealershipId: input.dealershipId,
          departmentId: input.departmentId ?? null,
          extension: input.extension ?? null,
          locale: input.locale,
          passwordHash,
        })
        .returning(staffColumns);
      if (!created) throw new Error("insert returned nothing");
      await recordAction(tx, by, {
        entityType: "user",
        entityId: created.id,
        action: "create",
        processStep: "staff.onboarding",
        after: created,
        dealershipId: created.dealershipId,
      });
      return created;
    });
  } catch (err) {
    rethrowUnique(err);
  }
}

export async function updateUser(
  db: Db,
  actor: Actor,
  by: ActingAs,
  id: number,
  patch: UpdateStaffUser,
): Promise<StaffUser> {
  const before = await getUser(db, id);
  if (!before) throw notFound("User");
  const after = { ...before, ...patch };
  if (!canManageUser(actor, before) || !canManageUser(actor, after))
    throw forbidden("You cannot change this account");
  if (actor.userId === id && (patch.active === false || (patch.role && patch.role !== before.role))) {
    throw forbidden("You cannot deactivate yourself or change your own role");
  }
  await checkPlacement(db, after.dealershipId, after.departmentId);
  const { password, ...fields } = patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(users)
        .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning(staffColumns);
      if (!updated) throw notFound("User");
      await recordAction(tx, by, {
        entityType: "user",
        entityId: id,
        action: password ? "update+password" : "update",
        before,
        after: updated,
        dealershipId: updated.dealershipId,
      });
      return updated;
    });
  } catch (err) {
    rethrowUnique(err);
  }
}

export async function setOwnLocale(
  db: Db,
  actor: Actor,
  by: ActingAs,
  locale: StaffUser["locale"],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    await recordAction(tx, by, {
      entityType: "user",
      entityId: actor.userId,
      action: "update",
      before: { locale: actor.locale },
      after: { locale },
    });
  });
}
