import type { ModelVersion, PropensityOverview } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict } from "../../platform/http/errors";
import { enqueue } from "../../platform/jobs/queue";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { listFamilies } from "./families.service";

export const TRAIN_QUEUE = "propensity.train";
export const SCORE_QUEUE = "propensity.score";
const VERSIONS_SHOWN = 10;

interface VersionRow {
  id: number;
  family: string;
  version: number;
  status: ModelVersion["status"];
  fallback_reason: string | null;
  trained_at: Date | string;
  train_from: string | null;
  train_to: string | null;
  holdout_from: string | null;
  holdout_to: string | null;
  training_rows: number;
  training_positives: number;
  feedback_rows: number;
  trees: number | null;
  training_ms: number;
  evaluation: ModelVersion["evaluation"];
}

const toVersion = (r: VersionRow): ModelVersion => ({
  id: r.id,
  family: r.family,
  version: r.version,
  status: r.status,
  fallbackReason: r.fallback_reason,
  trainedAt: new Date(r.trained_at).toISOString(),
  trainFrom: r.train_from,
  trainTo: r.train_to,
  holdoutFrom: r.holdout_from,
  holdoutTo: r.holdout_to,
  trainingRows: r.training_rows,
  trainingPositives: r.training_positives,
  feedbackRows: r.feedback_rows,
  trees: r.trees ?? 0,
  trainingMs: r.training_ms,
  evaluation: r.evaluation,
});

/** Every family with its active version (or none: the rules answer) and its latest versions. */
export async function propensityOverview(db: Db): Promise<PropensityOverview> {
  const families = await listFamilies(db);
  const versions = (
    await execRows<VersionRow>(
      db,
      sql`SELECT id, family, version, status, fallback_reason, trained_at, train_from::text, train_to::text,
                 holdout_from::text, holdout_to::text, training_rows, training_positives, feedback_rows,
                 jsonb_array_length(model->'trees') AS trees, training_ms, evaluation
            FROM (SELECT m.*, row_number() OVER (PARTITION BY family ORDER BY version DESC) AS k FROM propensity_models m) m
           WHERE k <= ${VERSIONS_SHOWN} OR status = 'active'
           ORDER BY family, version DESC`,
    )
  ).map(toVersion);
  const [run] = await execRows<{
    id: number;
    scored_on: string;
    finished_at: Date | string;
    cars: number;
    offers: number;
    ms: number;
  }>(
    db,
    sql`SELECT id, scored_on::text, finished_at, cars, offers, ms FROM scoring_runs
         WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const pending = await pendingJobs(db);
  return {
    families: families.map((f) => ({
      ...f,
      liveModel: versions.find((v) => v.family === f.code && v.status === "active") ?? null,
      versions: versions.filter((v) => v.family === f.code),
    })),
    lastRun: run
      ? {
          id: run.id,
          scoredOn: run.scored_on,
          finishedAt: new Date(run.finished_at).toISOString(),
          cars: run.cars,
          offers: run.offers,
          ms: run.ms,
        }
      : null,
    pending,
  };
}

async function pendingJobs(db: Db) {
  const rows = await execRows<{ queue: string }>(
    db,
    sql`SELECT DISTINCT queue FROM jobs WHERE queue IN (${TRAIN_QUEUE}, ${SCORE_QUEUE}) AND status IN ('queued', 'running')`,
  );
  return {
    training: rows.some((r) => r.queue === TRAIN_QUEUE),
    scoring: rows.some((r) => r.queue === SCORE_QUEUE),
  };
}

/** "Train now": a training job (then a scoring run) for the worker, unless one is already waiting. */
export async function requestTraining(db: Db, by: ActingAs): Promise<{ jobId: number }> {
  if ((await pendingJobs(db)).training) throw conflict("A training is already queued or running");
  const jobId = await enqueue(db, TRAIN_QUEUE, { requestedBy: by.userId }, { maxAttempts: 2 });
  await recordAction(db, by, {
    entityType: "propensity_training",
    entityId: jobId ?? 0,
    action: "request",
    processStep: "propensity.train",
  });
  return { jobId: jobId! };
}
