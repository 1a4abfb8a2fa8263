import {
  ClientCard,
  HomeSummary,
  IdParam,
  SearchQuery,
  SearchResponse,
  TimelinePage,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { notFound } from "../../platform/http/errors";
import { parseTimelineCursor } from "../engagement/cardSection";
import { clientTimeline } from "../engagement/timeline.service";
import { actorOf } from "../staff/accessControl";
import type { Actor } from "../staff/actor";
import { can } from "../staff/permissions";
import { clientCard } from "./card.service";
import { homeSummary } from "./home.service";
import { searchClients } from "./search.service";

// The hottest reads answer with plain JSON.stringify: their response schemas describe them in the API
// reference, but validating every card against its schema would cost more than building it.
const plainJson = () => (data: unknown) => JSON.stringify(data);

export const workspaceRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, database }) => {
  app.get(
    "/api/search",
    {
      schema: { tags: ["workspace"], querystring: SearchQuery, response: { 200: SearchResponse } },
      serializerCompiler: plainJson,
      config: { access: { permission: "clients.read" } },
    },
    async (request) => searchClients(db, request.query.q, request.query.limit),
  );

  app.get(
    "/api/clients/:id/card",
    {
      schema: { tags: ["workspace"], params: IdParam, response: { 200: ClientCard } },
      serializerCompiler: plainJson,
      config: { access: { permission: "clients.read" } },
    },
    async (request) => {
      const card = await clientCard(database, request.params.id);
      if (!card) throw notFound("Client");
      return { ...card, timeline: recordingsFor(actorOf(request), card.timeline) };
    },
  );

  app.get(
    "/api/clients/:id/timeline",
    {
      schema: {
        tags: ["workspace"],
        params: IdParam,
        querystring: z.object({
          /** The `next` cursor of the previous page: this page continues after its last entry. */
          before: z
            .string()
            .refine((text) => parseTimelineCursor(text) !== null, "not a timeline cursor from this server")
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: TimelinePage },
      },
      serializerCompiler: plainJson,
      config: { access: { permission: "clients.read" } },
    },
    async (request) =>
      recordingsFor(
        actorOf(request),
        await clientTimeline(db, request.params.id, {
          limit: request.query.limit,
          ...(request.query.before ? { before: parseTimelineCursor(request.query.before)! } : {}),
        }),
      ),
  );

  app.get(
    "/api/home",
    {
      schema: { tags: ["workspace"], response: { 200: HomeSummary } },
      config: { access: { signedIn: true } },
    },
    async (request) => homeSummary(db, actorOf(request)),
  );
};

/** Only supervisors may listen to calls: for everyone else the timeline does not say where recordings are. */
function recordingsFor(actor: Actor, page: TimelinePage): TimelinePage {
  if (can(actor.role, "calls.listen")) return page;
  return { ...page, entries: page.entries.map((e) => (e.recordingUrl ? { ...e, recordingUrl: null } : e)) };
}
