import { type DealProcess, ProcessDefinition, type ProcessSave } from "@orbit/contracts";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { conflict, HttpError, notFound } from "../../../platform/http/errors";
import { recordAction } from "../../audit/service";
import type { ActingAs } from "../../staff/actor";
import { users } from "../../staff/schema";
import { dealProcesses } from "../schema";
import { validateProcess } from "./validate";

type Row = typeof dealProcesses.$inferSelect;

function toProcess(r: Row, createdBy: string | null): DealProcess {
  const def = ProcessDefinition.parse(r.definition);
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    dealKind: r.dealKind,
    name: { ru: r.nameRu, en: r.nameEn },
    steps: def.steps,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    createdBy,
  };
}

const withAuthor = { p: dealProcesses, name: users.fullName };

/** The current version of every process, in the order Orbit ships them. */
export async function listProcesses(db: Db): Promise<DealProcess[]> {
  const rows = await db
    .select(withAuthor)
    .from(dealProcesses)
    .leftJoin(users, eq(users.id, dealProcesses.createdByUserId))
    .where(eq(dealProcesses.active, true))
    .orderBy(asc(dealProcesses.id));
  return rows.map((r) => toProcess(r.p, r.name));
}

export async function activeProcess(db: Db, code: string): Promise<DealProcess> {
  const [row] = await db
    .select(withAuthor)
    .from(dealProcesses)
    .leftJoin(users, eq(users.id, dealProcesses.createdByUserId))
    .where(and(eq(dealProcesses.code, code), eq(dealProcesses.active, true)));
  if (!row) throw notFound(`Process "${code}"`);
  return toProcess(row.p, row.name);
}

export async function processById(db: Db, id: number): Promise<DealProcess> {
  const [row] = await db
    .select(withAuthor)
    .from(dealProcesses)
    .leftJoin(users, eq(users.id, dealProcesses.createdByUserId))
    .where(eq(dealProcesses.id, id));
  if (!row) throw notFound("Process");
  return toProcess(row.p, row.name);
}

export async function processVersions(db: Db, code: string): Promise<DealProcess[]> {
  const rows = await db
    .select(withAuthor)
    .from(dealProcesses)
    .leftJoin(users, eq(users.id, dealProcesses.createdByUserId))
    .where(eq(dealProcesses.code, code))
    .orderBy(desc(dealProcesses.version));
  if (!rows.length) throw notFound(`Process "${code}"`);
  return rows.map((r) => toProcess(r.p, r.name));
}

/**
 * Saves an analyst's change as the process's next version: open deals keep the version they started with,
 * new deals follow this one. A version saved by someone else since the analyst opened it is not overwritten.
 */
export async function saveProcess(
  db: Db,
  by: ActingAs,
  code: string,
  input: ProcessSave,
): Promise<DealProcess> {
  const [current] = await db
    .select()
    .from(dealProcesses)
    .where(and(eq(dealProcesses.code, code), eq(dealProcesses.active, true)))
    .for("update");
  if (!current) throw notFound(`Process "${code}"`);
  if (current.version !== input.baseVersion)
    throw conflict("Someone saved this process since you opened it; reload and try again", [
      { field: "body.baseVersion", message: `current version is ${current.version}` },
    ]);
  const errors = validateProcess(input.steps);
  if (errors.length)
    throw new HttpError(
      400,
      "validation_failed",
      errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      errors,
    );
  await db.update(dealProcesses).set({ active: false }).where(eq(dealProcesses.id, current.id));
  const [row] = await db
    .insert(dealProcesses)
    .values({
      code,
      version: current.version + 1,
      dealKind: current.dealKind,
      nameRu: input.name.ru,
      nameEn: input.name.en,
      definition: { steps: input.steps },
      active: true,
      createdByUserId: by.userId,
    })
    .returning();
  if (!row) throw new Error("process insert returned nothing");
  await recordAction(db, by, {
    entityType: "deal_process",
    entityId: code,
    action: "update",
    processStep: "deal.process.edit",
    before: { version: current.version, steps: (current.definition as { steps: unknown }).steps },
    after: { version: row.version, steps: input.steps },
    dealershipId: null,
  });
  return processById(db, row.id);
}
