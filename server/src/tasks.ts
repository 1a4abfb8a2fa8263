import { eq } from "drizzle-orm";
import type { AppContext } from "./app";
import { refreshProcessFacts } from "./modules/analytics/processFacts.service";
import { claimImport, runImport } from "./modules/identity/import/importRunner";
import { importBatches } from "./modules/identity/schema";
import { expireDue } from "./modules/loyalty/ledger.service";
import { purgePortalExpired } from "./modules/portal/auth.service";
import { systemProcess } from "./modules/staff/actor";
import { purgeExpired } from "./modules/staff/session.service";
import { settleArrivals } from "./modules/telephony/points.service";
import type { PeriodicTask } from "./platform/worker";

/** Everything the worker role runs on a schedule. */
export function periodicTasks(ctx: Pick<AppContext, "matchers">): PeriodicTask[] {
  return [
    {
      // Operators' points for clients booked on a call who have now come in (x3, Wilgood's rule).
      name: "settle-call-points",
      everyMs: 60_000,
      async run(database) {
        const credited = await database.db.transaction((tx) => settleArrivals(tx));
        return credited ? { credited } : undefined;
      },
    },
    {
      // Loyalty points past their date lapse (one movement per client per day: a rerun changes nothing).
      name: "expire-loyalty-points",
      everyMs: 60 * 60_000,
      async run(database) {
        const lapsed = await database.db.transaction((tx) => expireDue(tx, systemProcess("loyalty")));
        return lapsed.clients ? lapsed : undefined;
      },
    },
    {
      name: "purge-expired-sessions",
      everyMs: 10 * 60_000,
      async run(database) {
        const purged = await purgeExpired(database.db);
        const portal = await purgePortalExpired(database.db);
        return purged.sessions || purged.attempts || portal.sessions || portal.codes
          ? { ...purged, portal }
          : undefined;
      },
    },
    {
      // Client imports uploaded in the UI, and any whose worker died mid-way (resumed where it stopped).
      name: "run-imports",
      everyMs: 2_000,
      async run(database) {
        const id = await claimImport(database.db);
        if (id === null) return undefined;
        const [batch] = await database.db.select().from(importBatches).where(eq(importBatches.id, id));
        const by = {
          userId: batch?.createdByUserId ?? null,
          role: "system:import",
          dealershipId: batch?.dealershipId ?? null,
          requestId: null,
        };
        const matcher = await ctx.matchers.get(database.db);
        const result = await runImport(database, by, matcher, id);
        return { importId: id, ...result };
      },
    },
    {
      // Process mining's facts follow the action log: the report is as fresh as this task's last run.
      name: "process-mining-facts",
      everyMs: 5 * 60_000,
      async run(database) {
        const run = await refreshProcessFacts(database.db);
        return run.full || run.cases ? { ...run } : undefined;
      },
    },
  ];
}
