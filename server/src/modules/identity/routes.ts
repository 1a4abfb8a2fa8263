import {
  ClientEdit,
  ClientIdentity,
  ClientInput,
  CreateClientResult,
  DuplicateCandidate,
  IdParam,
  MergeEntry,
  PartyVersion,
  SourceRecord,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { notFound } from "../../platform/http/errors";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { clientHistory, createClient, editClient } from "./clients.service";
import { refreshKeysFor } from "./matching.service";
import { unmerge } from "./merge.service";
import { loadIdentity } from "./partyStore";
import { confirmDuplicate, listCandidates, rejectDuplicate } from "./review.service";

export const identityRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, matchers }) => {
  app.post(
    "/api/clients",
    {
      schema: { tags: ["clients"], body: ClientInput, response: { 201: CreateClientResult } },
      config: { access: { permission: "clients.write" } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const matcher = await matchers.get(db);
      const result = await db.transaction((tx) =>
        createClient(tx, actingAs(actor, request.id), matcher, request.body, {
          sourceSystem: "orbit",
          dealershipId: actor.dealershipId,
        }),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/clients/:id",
    {
      schema: {
        tags: ["clients"],
        params: IdParam,
        querystring: z.object({ asOf: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: ClientIdentity },
      },
      config: { access: { permission: "clients.read" } },
    },
    async (request) => {
      const asOf = request.query.asOf ? new Date(request.query.asOf) : undefined;
      const identity = await loadIdentity(db, request.params.id, asOf);
      if (!identity || identity.status === "anonymised") throw notFound("Client");
      return identity;
    },
  );

  app.patch(
    "/api/clients/:id",
    {
      schema: { tags: ["clients"], params: IdParam, body: ClientEdit, response: { 200: ClientIdentity } },
      config: { access: { permission: "clients.write" } },
    },
    async (request) => {
      const matcher = await matchers.get(db);
      return db.transaction((tx) =>
        editClient(tx, actingAs(actorOf(request), request.id), matcher, request.params.id, request.body),
      );
    },
  );

  app.get(
    "/api/clients/:id/history",
    {
      schema: {
        tags: ["clients"],
        params: IdParam,
        response: {
          200: z.object({
            versions: z.array(PartyVersion),
            sourceRecords: z.array(SourceRecord),
            merges: z.array(MergeEntry),
          }),
        },
      },
      config: { access: { permission: "clients.read" } },
    },
    async (request) => clientHistory(db, request.params.id),
  );

  app.get(
    "/api/duplicates",
    {
      schema: {
        tags: ["clients"],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(DuplicateCandidate) }) },
      },
      config: { access: { permission: "clients.merge" } },
    },
    async (request) => {
      const matcher = await matchers.get(db);
      return db.transaction((tx) => listCandidates(tx, matcher, request.query));
    },
  );

  app.post(
    "/api/duplicates/:id/merge",
    {
      schema: {
        tags: ["clients"],
        params: IdParam,
        body: z.object({ survivorId: z.number().int().positive().optional() }).default({}),
        response: { 200: z.object({ mergeId: z.number().int(), survivorId: z.number().int() }) },
      },
      config: { access: { permission: "clients.merge" } },
    },
    async (request) => {
      const matcher = await matchers.get(db);
      return db.transaction((tx) =>
        confirmDuplicate(
          tx,
          actingAs(actorOf(request), request.id),
          matcher,
          request.params.id,
          request.body.survivorId,
        ),
      );
    },
  );

  app.post(
    "/api/duplicates/:id/not-duplicate",
    {
      schema: { tags: ["clients"], params: IdParam, response: { 200: z.object({ ok: z.literal(true) }) } },
      config: { access: { permission: "clients.merge" } },
    },
    async (request) => {
      await db.transaction((tx) =>
        rejectDuplicate(tx, actingAs(actorOf(request), request.id), request.params.id),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/merges/:id/undo",
    {
      schema: {
        tags: ["clients"],
        params: IdParam,
        response: { 200: z.object({ survivorId: z.number().int(), restoredId: z.number().int() }) },
      },
      config: { access: { permission: "clients.merge" } },
    },
    async (request) => {
      const matcher = await matchers.get(db);
      return db.transaction(async (tx) => {
        const by = actingAs(actorOf(request), request.id);
        const result = await unmerge(tx, by, request.params.id);
        await refreshKeysFor(tx, matcher, [result.survivorId, result.restoredId]);
        return result;
      });
    },
  );
};
