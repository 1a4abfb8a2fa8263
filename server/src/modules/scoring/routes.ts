import {
  IdParam,
  OfferFamilyConfig,
  OfferFamilyInput,
  OfferFamilyUpdate,
  PropensityOverview,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { createFamily, updateFamily } from "./families.service";
import { propensityOverview, requestTraining } from "./propensity.service";

export const propensityRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    "/api/propensity",
    {
      schema: {
        tags: ["propensity"],
        description:
          "Offer families, their model versions with holdout evaluation, and the last scoring run.",
        response: { 200: PropensityOverview },
      },
      config: { access: { permission: "propensity.manage" } },
    },
    async () => propensityOverview(db),
  );

  app.post(
    "/api/propensity/train",
    {
      schema: {
        tags: ["propensity"],
        description: "Queues a training of every family's model, followed by a scoring run.",
        response: { 202: z.object({ jobId: z.number().int() }) },
      },
      config: { access: { permission: "propensity.manage" } },
    },
    async (request, reply) => {
      const queued = await db.transaction((tx) =>
        requestTraining(tx, actingAs(actorOf(request), request.id)),
      );
      return reply.status(202).send(queued);
    },
  );

  app.post(
    "/api/offer-families",
    {
      schema: { tags: ["propensity"], body: OfferFamilyInput, response: { 201: OfferFamilyConfig } },
      config: { access: { permission: "propensity.manage" } },
    },
    async (request, reply) => {
      const created = await db.transaction((tx) =>
        createFamily(tx, actingAs(actorOf(request), request.id), request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/offer-families/:id",
    {
      schema: {
        tags: ["propensity"],
        params: IdParam,
        body: OfferFamilyUpdate,
        response: { 200: OfferFamilyConfig },
      },
      config: { access: { permission: "propensity.manage" } },
    },
    async (request) =>
      db.transaction((tx) =>
        updateFamily(tx, actingAs(actorOf(request), request.id), request.params.id, request.body),
      ),
  );
};
