import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import {
  AUTO_MERGE_AT,
  blockingKeys,
  companySpec,
  type MatchRecord,
  type ModelParams,
  personSpec,
  REVIEW_AT,
  scorePair,
  trainModel,
} from "./matching";
import type { Matcher } from "./matching.service";
import { matchModels } from "./schema";

type Kind = "person" | "company";

/** A Matcher over trained parameters for persons and companies (see matching/index.ts). */
export function createMatcher(models: Record<Kind, { id: number | null; params: ModelParams }>): Matcher {
  return {
    modelId: models.person.id,
    autoMergeAt: AUTO_MERGE_AT,
    reviewAt: REVIEW_AT,
    params: (kind) => models[kind].params,
    keys: (kind, record) => blockingKeys(record, models[kind].params.spec),
    score(kind, a, b) {
      const s = scorePair(a, b, models[kind].params);
      return {
        probability: s.probability,
        weight: s.weight,
        fields: s.fields.map((f) => ({
          field: f.field,
          level: f.level,
          levelLabel: f.levelLabel,
          weight: f.weight,
        })),
      };
    },
  };
}

/** Trains a model from records and stores it as the new active version for its kind. */
export async function trainAndActivate(db: Db, kind: Kind, records: readonly MatchRecord[]): Promise<number> {
  const params = trainModel(records, kind === "person" ? personSpec : companySpec, { seed: 1 });
  return db.transaction(async (tx) => {
    await tx.update(matchModels).set({ active: false }).where(eq(matchModels.kind, kind));
    const [row] = await tx
      .insert(matchModels)
      .values({ kind, recordsUsed: records.length, params, active: true })
      .returning({ id: matchModels.id });
    if (!row) throw new Error("model insert returned nothing");
    return row.id;
  });
}

async function activeModelId(db: Db, kind: Kind): Promise<number | null> {
  const [row] = await db
    .select({ id: matchModels.id })
    .from(matchModels)
    .where(and(eq(matchModels.kind, kind), eq(matchModels.active, true)))
    .orderBy(desc(matchModels.id))
    .limit(1);
  return row?.id ?? null;
}

async function modelParams(db: Db, id: number): Promise<ModelParams> {
  const [row] = await db
    .select({ params: matchModels.params })
    .from(matchModels)
    .where(eq(matchModels.id, id));
  if (!row) throw new Error(`match model ${id} vanished`);
  return row.params as ModelParams;
}

/**
 * Keeps the active matcher in memory and reloads it when a newer model version becomes active.
 * Until a model has been trained on the dealer's own clients, Orbit uses the one it ships with.
 */
export class MatcherProvider {
  private current: { key: string; matcher: Matcher } | null = null;

  constructor(private readonly fallback: () => Record<Kind, { id: null; params: ModelParams }>) {}

  /** The matcher of the currently active models; only their ids are read unless they changed. */
  async get(db: Db): Promise<Matcher> {
    const [personId, companyId] = await Promise.all([
      activeModelId(db, "person"),
      activeModelId(db, "company"),
    ]);
    const key = `${personId ?? "-"}/${companyId ?? "-"}`;
    if (this.current?.key === key) return this.current.matcher;
    const load = async (kind: Kind, id: number | null) =>
      id === null ? this.fallback()[kind] : { id, params: await modelParams(db, id) };
    const matcher = createMatcher({
      person: await load("person", personId),
      company: await load("company", companyId),
    });
    this.current = { key, matcher };
    return matcher;
  }
}
