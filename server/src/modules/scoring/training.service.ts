import { and, desc, eq, sql } from "drizzle-orm";
import { type Database, type Db, execRows } from "../../platform/db/database";
import type { ActingAs } from "../staff/actor";
import { loadSnapshots, type Rows } from "./dataset.service";
import { type Family, skipsOpenDeals } from "./families";
import { listFamilies } from "./families.service";
import { FEATURES } from "./features";
import { compile, type GbdtModel, marginsInto, sigmoid } from "./gbdt/model";
import { type Dataset, DEFAULT_PARAMS, type GbdtParams, trainGbdtAsync } from "./gbdt/train";
import { type Evaluation, evaluate } from "./metrics";
import { ruleScore } from "./ruleBaseline";
import { propensityModels } from "./schema";
import { trainingPlan } from "./trainingPlan";

export const TRAINING = {
  /** Rows learned from at most (all families share them): enough for a stable model, minutes not hours. */
  maxRows: 300_000,
  snapshotEveryDays: 30,
  holdoutDays: 365,
  /** Below these, a family keeps the rules: a model from a handful of outcomes would only add noise. */
  minPositives: 50,
  minHoldoutPositives: 20,
  minTrainDays: 6,
} as const;

export interface FamilyTraining {
  family: string;
  modelId: number;
  version: number;
  status: "active" | "fallback";
  fallbackReason: string | null;
  trainingRows: number;
  positives: number;
  auc: number | null;
  rulesAuc: number | null;
}

export interface TrainingOptions {
  today: string;
  by?: ActingAs | null;
  /** Only these families (all active ones otherwise). */
  families?: readonly string[];
  params?: Partial<GbdtParams>;
  maxRows?: number;
  /** Refit the evaluated model on the holdout too before it goes live (default true). */
  refit?: boolean;
  onProgress?: (message: string, data?: Record<string, unknown>) => void;
}

const take = (rows: Rows, idx: Uint32Array, family: string): Dataset => {
  const nF = FEATURES.length;
  const x = new Float32Array(idx.length * nF);
  const y = new Uint8Array(idx.length);
  const labels = rows.labels.get(family)!;
  idx.forEach((r, i) => {
    x.set(rows.x.subarray(r * nF, r * nF + nF), i * nF);
    y[i] = labels[r]!;
  });
  return { rows: idx.length, features: nF, x, y };
};

const where = (n: number, keep: (i: number) => boolean) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Uint32Array.from(out);
};

/**
 * A family's version as trained, not yet saved: the job trains outside its transaction (reads and
 * minutes of computing need no lock) and saves in it.
 */
export interface TrainedVersion {
  version: VersionFields;
  model: GbdtModel | null;
  evaluation: { model: Evaluation; rules: Evaluation } | null;
  trainingMs: number;
}

interface VersionFields {
  family: string;
  status: "active" | "fallback";
  fallbackReason: string | null;
  trainFrom: string | null;
  trainTo: string | null;
  holdoutFrom: string;
  holdoutTo: string;
  trainingRows: number;
  trainingPositives: number;
  feedbackRows: number;
  trainedByUserId: number | null;
}

/**
 * Trains a new version of every family's propensity model from the dealer's own history: snapshots of
 * every client's cars a month apart with what each client did within the family's horizon, plus the
 * offers Orbit made and their outcomes (accepted, refused, ignored) as extra rows. Each version is
 * evaluated on the latest year (trained only on what was known before it) against the contact
 * standards on the same rows; it goes live if it has enough history and beats the rules, else the
 * family stays with the rules and the version says why. Reads through `database`, writes through `db`.
 */
export async function trainModels(database: Database, db: Db, o: TrainingOptions): Promise<TrainedVersion[]> {
  const families = (await listFamilies(db)).filter(
    (f) => f.active && (!o.families || o.families.includes(f.code)),
  ) as Family[];
  if (!families.length) return [];
  const horizon = Math.max(...families.map((f) => f.horizonDays));
  const [history] = await execRows<{ first_day: string | null; cars: number }>(
    db,
    sql`SELECT (SELECT min(created_at)::date::text FROM parties WHERE status = 'active') AS first_day,
               (SELECT count(*)::int FROM vehicle_ownerships WHERE valid_to IS NULL) AS cars`,
  );
  const plan = trainingPlan({
    today: o.today,
    firstDay: history?.first_day ?? o.today,
    horizonDays: horizon,
    holdoutDays: TRAINING.holdoutDays,
    everyDays: TRAINING.snapshotEveryDays,
  });
  const snapshots = plan.trainDays.length + plan.holdoutDays.length;
  const every = Math.max(1, Math.ceil(((history?.cars ?? 0) * snapshots) / (o.maxRows ?? TRAINING.maxRows)));
  // Offers Orbit made (tasks of the next-best-offer scenario) and what came of them, as of the week made.
  const feedback = await execRows<{ day: string; party_ids: number[] }>(
    db,
    sql`SELECT date_trunc('week', t.created_at AT TIME ZONE 'Europe/Moscow')::date::text AS day, array_agg(DISTINCT t.party_id) AS party_ids
          FROM tasks t
         WHERE t.reason_code = 'next_best_offer' AND t.status <> 'open'
           AND (t.created_at AT TIME ZONE 'Europe/Moscow')::date <= ${plan.holdoutTo}::date
         GROUP BY 1 ORDER BY 1`,
  );
  const days = [...plan.trainDays, ...plan.holdoutDays].map((day, k) => ({
    day,
    sample: { every, salt: k },
  }));
  o.onProgress?.("reading training rows", { snapshots, sampleEvery: every, feedbackWeeks: feedback.length });
  const started = performance.now();
  const rows = await loadSnapshots(
    database,
    db,
    [...days, ...feedback.map((f) => ({ day: f.day, partyIds: f.party_ids, feedback: true }))],
    families,
  );
  o.onProgress?.("training rows read", { rows: rows.count, ms: Math.round(performance.now() - started) });

  const holdoutFrom = dayNumberOf(plan.holdoutFrom);
  const holdoutTo = dayNumberOf(plan.holdoutTo);
  const trainLimit = plan.trainTo ? dayNumberOf(plan.trainTo) : -Infinity;
  // Feedback rows join the side of the split their day falls on.
  const isTrain = (i: number) => rows.days[i]! <= trainLimit;
  const isHoldout = (i: number) => rows.days[i]! >= holdoutFrom && rows.days[i]! <= holdoutTo;
  const results: TrainedVersion[] = [];
  for (const family of families) {
    const t0 = performance.now();
    const labels = rows.labels.get(family.code)!;
    const openDeals = FEATURES.indexOf("open_deals");
    const candidate = skipsOpenDeals(family)
      ? (i: number) => !(rows.x[i * FEATURES.length + openDeals]! > 0)
      : () => true;
    const trainIdx = where(rows.count, (i) => isTrain(i) && candidate(i));
    const holdoutIdx = where(rows.count, (i) => isHoldout(i) && candidate(i));
    let positives = 0;
    for (const i of trainIdx) positives += labels[i]!;
    let holdoutPositives = 0;
    for (const i of holdoutIdx) holdoutPositives += labels[i]!;
    const feedbackRows = where(
      rows.count,
      (i) => rows.feedback[i] === 1 && (isTrain(i) || isHoldout(i)),
    ).length;
    const base = {
      family: family.code,
      trainFrom: plan.trainFrom,
      trainTo: plan.trainTo,
      holdoutFrom: plan.holdoutFrom,
      holdoutTo: plan.holdoutTo,
      trainingRows: trainIdx.length,
      trainingPositives: positives,
      feedbackRows,
      trainedByUserId: o.by?.userId ?? null,
    };
    const tooLittle =
      plan.trainDays.length < TRAINING.minTrainDays
        ? "too_little_history"
        : positives < TRAINING.minPositives
          ? "too_few_outcomes"
          : holdoutPositives < TRAINING.minHoldoutPositives
            ? "too_few_holdout_outcomes"
            : null;
    if (tooLittle) {
      results.push({
        version: { ...base, status: "fallback", fallbackReason: tooLittle },
        model: null,
        evaluation: null,
        trainingMs: 0,
      });
      continue;
    }
    // Early stopping watches every tenth client (whole clients, so no client is on both sides).
    const fitIdx = trainIdx.filter((i) => rows.partyIds[i]! % 10 !== 0);
    const validIdx = trainIdx.filter((i) => rows.partyIds[i]! % 10 === 0);
    const params = { ...DEFAULT_PARAMS, ...o.params };
    const fitted = await trainGbdtAsync(
      FEATURES,
      take(rows, fitIdx, family.code),
      take(rows, validIdx, family.code),
      params,
    );
    const holdout = take(rows, holdoutIdx, family.code);
    const margins = new Float64Array(holdout.rows);
    marginsInto(compile(fitted.model), holdout.x, holdout.rows, holdout.features, margins);
    const rules = Float64Array.from(holdoutIdx, (r) =>
      ruleScore(family.code, rows.x.subarray(r * FEATURES.length, (r + 1) * FEATURES.length)),
    );
    const evaluation = {
      model: evaluate(margins.map(sigmoid), holdout.y),
      rules: evaluate(rules, holdout.y),
    };
    const beatsRules = (evaluation.model.auc ?? 0) > (evaluation.rules.auc ?? 0.5);
    let model = fitted.model;
    if (beatsRules && o.refit !== false) {
      // The version that goes live also learns from the latest year, with as many trees as the evaluated one.
      const allIdx = where(rows.count, (i) => (isTrain(i) || isHoldout(i)) && candidate(i));
      const refit = await trainGbdtAsync(FEATURES, take(rows, allIdx, family.code), null, {
        ...params,
        trees: fitted.model.trees.length,
      });
      model = refit.model;
    }
    results.push({
      version: {
        ...base,
        status: beatsRules ? "active" : "fallback",
        fallbackReason: beatsRules ? null : "not_better_than_rules",
      },
      model,
      evaluation,
      trainingMs: Math.round(performance.now() - t0),
    });
    o.onProgress?.("family trained", {
      family: family.code,
      auc: evaluation.model.auc,
      rulesAuc: evaluation.rules.auc,
      trees: model.trees.length,
    });
  }
  return results;
}

/** Trains and saves: the new versions go live (or record why not) in `db`'s transaction. */
export async function trainPropensityModels(
  database: Database,
  db: Db,
  o: TrainingOptions,
): Promise<FamilyTraining[]> {
  return saveVersions(db, await trainModels(database, db, o));
}

/** Writes the trained versions; each live one retires its family's previous live version. */
export async function saveVersions(db: Db, trained: readonly TrainedVersion[]): Promise<FamilyTraining[]> {
  const out: FamilyTraining[] = [];
  for (const t of trained) out.push(await saveVersion(db, t.version, t.model, t.evaluation, t.trainingMs));
  return out;
}

function dayNumberOf(iso: string) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

async function saveVersion(
  db: Db,
  v: VersionFields,
  model: unknown,
  evaluation: { model: Evaluation; rules: Evaluation } | null,
  trainingMs: number,
): Promise<FamilyTraining> {
  const [last] = await db
    .select({ version: propensityModels.version })
    .from(propensityModels)
    .where(eq(propensityModels.family, v.family))
    .orderBy(desc(propensityModels.version))
    .limit(1);
  if (v.status === "active") {
    await db
      .update(propensityModels)
      .set({ status: "retired" })
      .where(and(eq(propensityModels.family, v.family), eq(propensityModels.status, "active")));
  }
  const [row] = await db
    .insert(propensityModels)
    .values({ ...v, version: (last?.version ?? 0) + 1, model, evaluation, trainingMs })
    .returning();
  return {
    family: v.family,
    modelId: row!.id,
    version: row!.version,
    status: v.status,
    fallbackReason: v.fallbackReason,
    trainingRows: v.trainingRows,
    positives: v.trainingPositives,
    auc: evaluation?.model.auc ?? null,
    rulesAuc: evaluation?.rules.auc ?? null,
  };
}
