import type { OfferFamilyConfig, OfferFamilyInput, OfferFamilyUpdate } from "@orbit/contracts";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../platform/db/database";
import { conflict, HttpError, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { FamilyTarget } from "./families";
import { offerFamilies } from "./schema";

type Row = typeof offerFamilies.$inferSelect;
const toFamily = (r: Row): OfferFamilyConfig => ({
  id: r.id,
  code: r.code,
  name: r.name,
  target: r.target as OfferFamilyConfig["target"],
  horizonDays: r.horizonDays,
  valueRub: r.valueRub,
  purpose: r.purpose,
  queue: r.queue,
  active: r.active,
  builtIn: r.builtIn,
});

export async function listFamilies(db: Db): Promise<OfferFamilyConfig[]> {
  return (await db.select().from(offerFamilies).orderBy(asc(offerFamilies.id))).map(toFamily);
}

/** The target checked against the kinds each source has, with the field that is wrong. */
function checkTarget(target: unknown) {
  const parsed = FamilyTarget.safeParse(target);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({
    field: ["body", "target", ...i.path].join("."),
    message: i.message,
  }));
  throw new HttpError(
    400,
    "validation_failed",
    fields.map((f) => `${f.field}: ${f.message}`).join("; "),
    fields,
  );
}

/** A dealer's own offer family; its model is trained on the next training run. */
export async function createFamily(
  db: Db,
  by: ActingAs,
  input: z.infer<typeof OfferFamilyInput>,
): Promise<OfferFamilyConfig> {
  const target = checkTarget(input.target);
  const [existing] = await db.select().from(offerFamilies).where(eq(offerFamilies.code, input.code));
  if (existing)
    throw conflict(`An offer family with code ${input.code} exists`, [
      { field: "body.code", message: "taken" },
    ]);
  const [row] = await db
    .insert(offerFamilies)
    .values({ ...input, target, builtIn: false, updatedByUserId: by.userId })
    .returning();
  await recordAction(db, by, {
    entityType: "offer_family",
    entityId: row!.id,
    action: "create",
    processStep: "propensity.families",
    after: toFamily(row!),
  });
  return toFamily(row!);
}

export async function updateFamily(
  db: Db,
  by: ActingAs,
  id: number,
  patch: z.infer<typeof OfferFamilyUpdate>,
): Promise<OfferFamilyConfig> {
  const [before] = await db.select().from(offerFamilies).where(eq(offerFamilies.id, id)).for("update");
  if (!before) throw notFound("Offer family");
  const target = patch.target === undefined ? before.target : checkTarget(patch.target);
  const [after] = await db
    .update(offerFamilies)
    .set({ ...patch, target, updatedByUserId: by.userId, updatedAt: new Date() })
    .where(eq(offerFamilies.id, id))
    .returning();
  await recordAction(db, by, {
    entityType: "offer_family",
    entityId: id,
    action: patch.active === undefined ? "update" : patch.active ? "switch_on" : "switch_off",
    processStep: "propensity.families",
    before: toFamily(before),
    after: toFamily(after!),
  });
  return toFamily(after!);
}
