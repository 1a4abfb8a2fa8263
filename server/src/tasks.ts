import { purgeExpired } from "./modules/staff/session.service";
import type { PeriodicTask } from "./platform/worker";

/** Everything the worker role runs on a schedule. */
export const PERIODIC_TASKS: readonly PeriodicTask[] = [
  {
    name: "purge-expired-sessions",
    everyMs: 10 * 60_000,
    async run(database) {
      const purged = await purgeExpired(database.db);
      return purged.sessions || purged.attempts ? purged : undefined;
    },
  },
];
