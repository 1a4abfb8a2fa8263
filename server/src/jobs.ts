import type { AppContext } from "./app";
import { refreshSegments } from "./modules/engagement/segments.service";
import { SCORE_QUEUE, TRAIN_QUEUE } from "./modules/scoring/propensity.service";
import { prepareScores, publishScores, type ScoringSummary } from "./modules/scoring/scoring.service";
import { saveVersions, type TrainedVersion, trainModels } from "./modules/scoring/training.service";
import { STATUS_QUEUE, type StatusChangeEvent } from "./modules/service/statusEvents";
import { notifyClientOfStatus } from "./modules/service/statusNotifications";
import { evaluateWorklists } from "./modules/tasks/evaluate.service";
import { escalateCall } from "./modules/telephony/escalation.service";
import { TELEPHONY_JOB } from "./modules/telephony/ingest.service";
import { enqueue } from "./platform/jobs/queue";
import type { JobHandler } from "./platform/jobs/runner";
import { dealerDay, dealerHour } from "./platform/time/dealerCalendar";
import type { PeriodicTask } from "./platform/worker";

/** The durable jobs Orbit's workers run, by queue. */
export function jobHandlers(ctx: Pick<AppContext, "matchers" | "database">): Record<string, JobHandler> {
  return {
    // A new version of every family's model (trained outside the transaction, saved in it), then a
    // scoring run with it.
    [TRAIN_QUEUE]: {
      prepare: async (payload) => {
        const { requestedBy = null } = (payload ?? {}) as { requestedBy?: number | null };
        const by = requestedBy
          ? { userId: requestedBy, role: "system:propensity", dealershipId: null, requestId: null }
          : null;
        return trainModels(ctx.database, ctx.database.db, { today: dealerDay(), by });
      },
      run: async (tx, _payload, job, trained) => {
        const families = await saveVersions(tx, trained as TrainedVersion[]);
        await enqueue(tx, SCORE_QUEUE, {}, { dedupeKey: `propensity-score:after-training:${job.id}` });
        return { families };
      },
    },
    // Every client's offers scored under a new run, published (and the previous run dropped) at commit.
    [SCORE_QUEUE]: {
      prepare: async () => prepareScores(ctx.database, ctx.database.db, { today: dealerDay() }),
      run: async (tx, _payload, _job, run) => publishScores(tx, run as ScoringSummary),
    },
    "worklists.evaluate": async (tx, payload) => {
      const now = new Date();
      const today = dealerDay(now);
      const { scenariosOnly = false } = (payload ?? {}) as { scenariosOnly?: boolean };
      // Segments first: the day's offers and contact rhythm follow the client's segment of today.
      const segments = scenariosOnly ? undefined : await refreshSegments(tx, today);
      return { ...(await evaluateWorklists(tx, { today, now, scenariosOnly })), segments };
    },
    // An unanswered call's next escalation step, due N seconds after it began to ring.
    [TELEPHONY_JOB]: async (tx, payload) => {
      const { callId, step } = payload as { callId: number; step: number };
      return escalateCall(tx, callId, step);
    },
    [STATUS_QUEUE]: async (tx, payload) => notifyClientOfStatus(tx, payload as StatusChangeEvent),
  };
}

/**
 * Puts the scheduled jobs in the queue: the propensity models trained once a week and every client
 * scored once a night (from 03:00, before the day's work lists), every standard and scenario once a day
 * from 06:00, the scenarios every five minutes. Each period's job has its own key, so however many
 * workers tick, it is queued once.
 */
const FIVE_MINUTES = 5 * 60_000;

export const scheduleWorklists: PeriodicTask = {
  name: "schedule-worklists",
  everyMs: 60_000,
  async run(database) {
    const now = new Date();
    const queued: string[] = [];
    const week = isoWeek(dealerDay(now));
    if (
      await enqueue(database.db, TRAIN_QUEUE, {}, { dedupeKey: `propensity-train:${week}`, maxAttempts: 2 })
    ) {
      queued.push("training");
    }
    if (
      dealerHour(now) >= 3 &&
      (await enqueue(database.db, SCORE_QUEUE, {}, { dedupeKey: `propensity-score:${dealerDay(now)}` }))
    ) {
      queued.push("scoring");
    }
    const daily = { dedupeKey: `worklists:${dealerDay(now)}` };
    if (dealerHour(now) >= 6 && (await enqueue(database.db, "worklists.evaluate", {}, daily))) {
      queued.push("daily");
    }
    const slot = Math.floor(now.getTime() / FIVE_MINUTES);
    if (
      await enqueue(
        database.db,
        "worklists.evaluate",
        { scenariosOnly: true },
        { dedupeKey: `scenarios:${slot}` },
      )
    ) {
      queued.push("scenarios");
    }
    return queued.length ? { queued } : undefined;
  },
};

/** The ISO week of a day, "2026-W48": the training schedule's period. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return `${year}-W${String(week).padStart(2, "0")}`;
}
