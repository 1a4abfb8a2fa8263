import type { AppContext } from "./app";
import { refreshSegments } from "./modules/engagement/segments.service";
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
export function jobHandlers(_ctx: Pick<AppContext, "matchers">): Record<string, JobHandler> {
  return {
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
 * Puts the scheduled jobs in the queue: every standard and scenario once a day from 06:00, the scenarios
 * every five minutes. Each period's job has its own key, so however many workers tick, it is queued once.
 */
const FIVE_MINUTES = 5 * 60_000;

export const scheduleWorklists: PeriodicTask = {
  name: "schedule-worklists",
  everyMs: 60_000,
  async run(database) {
    const now = new Date();
    const queued: string[] = [];
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
