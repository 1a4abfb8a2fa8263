import { and, desc, eq, sql } from "drizzle-orm";
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
import { matchModels, parties } from "./schema";

type Kind = "person" | "company";

/**
 * A Matcher over trained parameters for persons and companies (see matching/index.ts). `population`
 * is the number of active clients of each kind: the prior chance that two clients are one person
 * shrinks as the base grows, so scoring must know the base it searches, not the one it trained on.
 */
export function createMatcher(
  models: Record<Kind, { id: number | null; params: ModelParams }>,
  population?: Partial<Record<Kind, number>>,
): Matcher {
  return {
    modelId: models.person.id,
    autoMergeAt: AUTO_MERGE_AT,
    reviewAt: REVIEW_AT,
    params: (kind) => models[kind].params,
    keys: (kind, record) => blockingKeys(record, models[kind].params.spec),
    score(kind, a, b) {
      const size = population?.[kind];
      const s = scorePair(a, b, models[kind].params, size ? { population: Math.max(2, size) } : {});
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

/** A model is used only if every probability in it is a number: a broken one must not decide merges. */
export function isUsableModel(params: ModelParams): boolean {
  return (
    Number.isFinite(params.lambda) &&
    params.comparisons.every((c) => c.levels.every((l) => Number.isFinite(l.m) && Number.isFinite(l.u)))
  );
}

/**
 * Trains a model from records and stores it as the new active version for its kind; returns null and
 * keeps the current model when training did not produce a usable one.
 */
export async function trainAndActivate(
  db: Db,
  kind: Kind,
  records: readonly MatchRecord[],
): Promise<number | null> {
  const params = trainModel(records, kind === "person" ? personSpec : companySpec, { seed: 1 });
  if (!isUsableModel(params)) return null;
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

const POPULATION_TTL_MS = 5 * 60_000;

async function activeClients(db: Db): Promise<Partial<Record<Kind, number>>> {
  const rows = await db
    .select({ kind: parties.kind, n: sql<number>`count(*)::int` })
    .from(parties)
    .where(eq(parties.status, "active"))
    .groupBy(parties.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
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
  private current: { key: string; matcher: Matcher; countedAt: number } | null = null;

  constructor(private readonly fallback: () => Record<Kind, { id: null; params: ModelParams }>) {}

  /**
   * The matcher of the currently active models; only their ids are read unless they changed, and the
   * client counts (the population the prior scales to) are refreshed every few minutes.
   */
  async get(db: Db): Promise<Matcher> {
    const [personId, companyId] = await Promise.all([
      activeModelId(db, "person"),
      activeModelId(db, "company"),
    ]);
    const key = `${personId ?? "-"}/${companyId ?? "-"}`;
    const fresh = this.current !== null && Date.now() - this.current.countedAt < POPULATION_TTL_MS;
    if (this.current?.key === key && fresh) return this.current.matcher;
    const load = async (kind: Kind, id: number | null) => {
      const stored = id === null ? null : await modelParams(db, id);
      return stored && isUsableModel(stored) ? { id, params: stored } : this.fallback()[kind];
    };
    const matcher = createMatcher(
      { person: await load("person", personId), company: await load("company", companyId) },
      await activeClients(db),
    );
    this.current = { key, matcher, countedAt: Date.now() };
    return matcher;
  }
}
