import { AnonymiseRequest, AnonymiseResult, ClientExport, IdParam } from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { anonymiseClient } from "./anonymise.service";
import { exportClient } from "./export.service";

export const privacyRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    "/api/clients/:id/personal-data",
    {
      schema: { tags: ["privacy"], params: IdParam, response: { 200: ClientExport } },
      config: { access: { permission: "clients.privacy" } },
    },
    async (request, reply) => {
      const by = actingAs(actorOf(request), request.id);
      const document = await db.transaction((tx) => exportClient(tx, by, request.params.id));
      reply.header("content-disposition", `attachment; filename="client-${request.params.id}.json"`);
      return document;
    },
  );

  app.post(
    "/api/clients/:id/anonymise",
    {
      schema: {
        tags: ["privacy"],
        params: IdParam,
        body: AnonymiseRequest,
        response: { 200: AnonymiseResult },
      },
      config: { access: { permission: "clients.privacy" } },
    },
    async (request) => {
      const by = actingAs(actorOf(request), request.id);
      return db.transaction((tx) => anonymiseClient(tx, by, request.params.id, request.body.reason));
    },
  );
};
