import type { FastifyBaseLogger } from "fastify";
import type { Database } from "./db/database";

/**
 * A periodic task that may run in several worker processes at once but must execute in one of them
 * at a time: each run takes a PostgreSQL advisory lock and skips when another process holds it.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(database: Database): Promise<Record<string, unknown> | undefined>;
}

export interface Worker {
  stop(): Promise<void>;
}

export function startWorker(
  database: Database,
  tasks: readonly PeriodicTask[],
  log: FastifyBaseLogger,
): Worker {
  let stopping = false;
  const running = new Set<Promise<void>>();
  const timers = tasks.map((task, i) => {
    let busy = false;
    const tick = async () => {
      // A run longer than the period (a big import) is not started twice by this process.
      if (stopping || busy) return;
      busy = true;
      try {
        // One process at a time runs each task: the others skip this period.
        await database.runExclusive(7_240_100 + i, async () => {
          const result = await task.run(database);
          if (result) log.info({ task: task.name, ...result }, "periodic task done");
        });
      } catch (err) {
        log.error({ err, task: task.name }, "periodic task failed; will retry next period");
      } finally {
        busy = false;
      }
    };
    const fire = () => {
      const p = tick().finally(() => running.delete(p));
      running.add(p);
    };
    fire();
    return setInterval(fire, task.everyMs);
  });
  return {
    async stop() {
      stopping = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
