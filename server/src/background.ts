import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "./app";
import { jobHandlers, scheduleWorklists } from "./jobs";
import { startEventBroker } from "./modules/scenarios/eventBroker";
import { startAmiConnections } from "./modules/telephony/ami/runner";
import { startJobRunner } from "./platform/jobs/runner";
import { startWorker } from "./platform/worker";
import { periodicTasks } from "./tasks";

/**
 * The worker role: the periodic housekeeping and schedules, the durable job runner, and events from
 * the message broker when one is configured.
 */
export function startBackground(ctx: AppContext, log: FastifyBaseLogger): { stop(): Promise<void> } {
  const periodic = startWorker(ctx.database, [...periodicTasks(ctx), scheduleWorklists], log);
  const runner = startJobRunner(ctx.database, log, { handlers: jobHandlers(ctx), leaseMs: 5 * 60_000 });
  const brokerOptions = ctx.config.eventBroker;
  // The broker may be down at start; the HTTP intake works regardless, and the error says why.
  const broker = brokerOptions
    ? startEventBroker(ctx.database, ctx.matchers, log, brokerOptions).catch((err: unknown) => {
        log.error({ err, url: brokerOptions.url }, "event broker not connected: events come over HTTP only");
        return null;
      })
    : Promise.resolve(null);
  const ami = startAmiConnections(ctx.database, log);
  return {
    async stop() {
      await ami.stop();
      await periodic.stop();
      await runner.stop();
      await (await broker)?.stop();
    },
  };
}
