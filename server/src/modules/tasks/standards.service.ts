import type { ContactStandard, Preview } from "@orbit/contracts";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { dealerDay } from "../../platform/time/dealerCalendar";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { evaluateWorklists } from "./evaluate.service";
import { contactPolicy, contactStandards } from "./schema";
import { STANDARD_PARAMS } from "./standards";

type Row = typeof contactStandards.$inferSelect;
const toStandard = (r: Row): ContactStandard => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  name: r.name,
  params: r.params as Record<string, unknown>,
  queue: r.queue,
  priority: r.priority,
  slaHours: r.slaHours,
  active: r.active,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listStandards(db: Db): Promise<ContactStandard[]> {
  return (await db.select().from(contactStandards).orderBy(asc(contactStandards.id))).map(toStandard);
}

/** A kind's parameters checked by its own schema, with the field that is wrong. */
export function checkParams(schemas: Record<string, z.ZodType>, kind: string, params: unknown): unknown {
  const schema = schemas[kind];
  if (!schema) throw new HttpError(400, "validation_failed", `unknown kind ${kind}`);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: ["body", "params", ...i.path].join("."),
      message: i.message,
    }));
    throw new HttpError(
      400,
      "validation_failed",
      fields.map((f) => `${f.field}: ${f.message}`).join("; "),
      fields,
    );
  }
  return parsed.data;
}

export async function updateStandard(
  db: Db,
  by: ActingAs,
  id: number,
  patch: Partial<Pick<Row, "name" | "params" | "queue" | "priority" | "slaHours" | "active">>,
): Promise<ContactStandard> {
  const [before] = await db.select().from(contactStandards).where(eq(contactStandards.id, id)).for("update");
  if (!before) throw notFound("Contact standard");
  const params =
    patch.params === undefined ? before.params : checkParams(STANDARD_PARAMS, before.kind, patch.params);
  const [after] = await db
    .update(contactStandards)
    .set({ ...patch, params, updatedByUserId: by.userId, updatedAt: new Date() })
    .where(eq(contactStandards.id, id))
    .returning();
  await recordAction(db, by, {
    entityType: "contact_standard",
    entityId: id,
    action: "update",
    processStep: "worklist.standards",
    before: toStandard(before),
    after: toStandard(after!),
  });
  return toStandard(after!);
}

/** What the standard would do today with these parameters (its own when none are given). */
export async function previewStandard(db: Db, id: number, params: unknown | undefined): Promise<Preview> {
  const [row] = await db.select().from(contactStandards).where(eq(contactStandards.id, id));
  if (!row) throw notFound("Contact standard");
  const checked = params === undefined ? undefined : checkParams(STANDARD_PARAMS, row.kind, params);
  return preview(db, { standardId: id, params: checked });
}

export async function preview(
  db: Db,
  only: { standardId?: number; scenarioId?: number; params?: unknown },
): Promise<Preview> {
  // Counted inside a transaction that is rolled back: a preview leaves nothing behind.
  let result: Preview | undefined;
  await db
    .transaction(async (tx) => {
      const now = new Date();
      const r = await evaluateWorklists(tx, { today: dealerDay(now), now, only, dryRun: true });
      result = { needs: r.needs, tasks: r.created, held: r.held };
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!result) throw err;
    });
  return result!;
}

export async function getPolicy(db: Db) {
  const [p] = await db.select().from(contactPolicy).where(eq(contactPolicy.id, 1));
  return {
    maxContactsPerWeek: p?.maxContactsPerWeek ?? 2,
    callFromHour: p?.callFromHour ?? 9,
    callToHour: p?.callToHour ?? 21,
  };
}

export async function updatePolicy(
  db: Db,
  by: ActingAs,
  next: { maxContactsPerWeek: number; callFromHour: number; callToHour: number },
) {
  if (next.callFromHour >= next.callToHour)
    throw new HttpError(400, "validation_failed", "calling hours end before they start", [
      { field: "body.callToHour", message: "must be after callFromHour" },
    ]);
  const before = await getPolicy(db);
  await db
    .insert(contactPolicy)
    .values({ id: 1, ...next, updatedByUserId: by.userId })
    .onConflictDoUpdate({
      target: contactPolicy.id,
      set: { ...next, updatedByUserId: by.userId, updatedAt: new Date() },
    });
  await recordAction(db, by, {
    entityType: "contact_policy",
    entityId: 1,
    action: "update",
    processStep: "worklist.policy",
    before,
    after: next,
  });
  return next;
}
