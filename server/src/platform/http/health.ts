import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";

export const healthRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database }) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }) },
      },
      config: { access: { public: true } },
    },
    async () => {
      // A failing query here is turned into a 503 by the error handler, which is what a balancer wants.
      await database.query("SELECT 1");
      return { status: "ok" as const, database: database.kind };
    },
  );
};
