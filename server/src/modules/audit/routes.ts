import { ActionLogEntry, ActionLogQuery } from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { dealershipScope } from "../staff/scope";
import { listActions } from "./service";

export const auditRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    "/api/audit",
    {
      schema: { tags: ["audit"], querystring: ActionLogQuery, response: { 200: z.array(ActionLogEntry) } },
      config: { access: { permission: "audit.read" } },
    },
    async (request) => listActions(db, request.query, dealershipScope(actorOf(request))),
  );
};
