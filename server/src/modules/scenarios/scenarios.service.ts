import type { Preview, Scenario } from "@orbit/contracts";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { conflict, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { checkParams, preview } from "../tasks/standards.service";
import { SCENARIO_PARAMS } from "./needs";
import { scenarios } from "./schema";

type Row = typeof scenarios.$inferSelect;
const toScenario = (r: Row): Scenario => ({
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

export async function listScenarios(db: Db): Promise<Scenario[]> {
  return (await db.select().from(scenarios).orderBy(asc(scenarios.id))).map(toScenario);
}

export interface ScenarioFields {
  kind: Row["kind"];
  name: string;
  params: Record<string, unknown>;
  queue: Row["queue"];
  priority: number;
  slaHours: number;
}

/** A marketer's new scenario; it starts switched off, to be previewed first. */
export async function createScenario(db: Db, by: ActingAs, input: ScenarioFields): Promise<Scenario> {
  const params = checkParams(SCENARIO_PARAMS, input.kind, input.params);
  const code = `${input.kind}-${Date.now().toString(36)}`;
  const [row] = await db
    .insert(scenarios)
    .values({ ...input, params, code, active: false, createdByUserId: by.userId, updatedByUserId: by.userId })
    .returning();
  await recordAction(db, by, {
    entityType: "scenario",
    entityId: row!.id,
    action: "create",
    processStep: "scenarios.edit",
    after: toScenario(row!),
  });
  return toScenario(row!);
}

export async function updateScenario(
  db: Db,
  by: ActingAs,
  id: number,
  patch: Partial<ScenarioFields> & { active?: boolean },
): Promise<Scenario> {
  const [before] = await db.select().from(scenarios).where(eq(scenarios.id, id)).for("update");
  if (!before) throw notFound("Scenario");
  if (patch.kind && patch.kind !== before.kind)
    throw conflict("A scenario's kind cannot change; create a new scenario");
  const params =
    patch.params === undefined ? before.params : checkParams(SCENARIO_PARAMS, before.kind, patch.params);
  const [after] = await db
    .update(scenarios)
    .set({ ...patch, params, updatedByUserId: by.userId, updatedAt: new Date() })
    .where(eq(scenarios.id, id))
    .returning();
  await recordAction(db, by, {
    entityType: "scenario",
    entityId: id,
    action: patch.active === undefined ? "update" : patch.active ? "switch_on" : "switch_off",
    processStep: "scenarios.edit",
    before: toScenario(before),
    after: toScenario(after!),
  });
  return toScenario(after!);
}

/** "This would create N tasks today": the scenario (with unsaved parameters, if given) run without writing. */
export async function previewScenario(db: Db, id: number, params: unknown | undefined): Promise<Preview> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
  if (!row) throw notFound("Scenario");
  const checked = params === undefined ? undefined : checkParams(SCENARIO_PARAMS, row.kind, params);
  return preview(db, { scenarioId: id, params: checked });
}
