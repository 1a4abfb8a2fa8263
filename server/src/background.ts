import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "./app";
import { jobHandlers, scheduleWorklists } from "./jobs";
import { startAmiConnections } from "./modules/telephony/ami/runner";
import { startJobRunner } from "./platform/jobs/runner";
import { startWorker } from "./platform/worker";
import { periodicTasks } from "./tasks";

/** The worker role: the periodic housekeeping and schedules, and the durable job runner. */
export function startBackground(ctx: AppContext, log: FastifyBaseLogger): { stop(): Promise<void> } {
  const periodic = startWorker(ctx.database, [...periodicTasks(ctx), scheduleWorklists], log);
  const runner = startJobRunner(ctx.database, log, { handlers: jobHandlers(ctx), leaseMs: 5 * 60_000 });
  const ami = startAmiConnections(ctx.database, log);
  return {
    async stop() {
      await ami.stop();
      await periodic.stop();
      await runner.stop();
    },
  };
}
