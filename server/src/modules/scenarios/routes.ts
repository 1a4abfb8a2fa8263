import {
  EventBatch,
  EventBatchResult,
  EventSource,
  EventSourceCreated,
  EventSourceInput,
  IdParam,
  Preview,
  Scenario,
  ScenarioInput,
  ScenarioUpdate,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import {
  createEventSource,
  eventSourceByKey,
  listEventSources,
  setEventSourceActive,
} from "./eventSources.service";
import { ingestEvents } from "./events.service";
import { createScenario, listScenarios, previewScenario, updateScenario } from "./scenarios.service";

export const scenarioRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, matchers }) => {
  app.get(
    "/api/scenarios",
    {
      schema: { tags: ["scenarios"], response: { 200: z.array(Scenario) } },
      config: { access: { permission: "scenarios.manage" } },
    },
    async () => listScenarios(db),
  );

  app.post(
    "/api/scenarios",
    {
      schema: { tags: ["scenarios"], body: ScenarioInput, response: { 201: Scenario } },
      config: { access: { permission: "scenarios.manage" } },
    },
    async (request, reply) => {
      const created = await db.transaction((tx) =>
        createScenario(tx, actingAs(actorOf(request), request.id), request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/scenarios/:id",
    {
      schema: { tags: ["scenarios"], params: IdParam, body: ScenarioUpdate, response: { 200: Scenario } },
      config: { access: { permission: "scenarios.manage" } },
    },
    async (request) =>
      db.transaction((tx) =>
        updateScenario(tx, actingAs(actorOf(request), request.id), request.params.id, request.body),
      ),
  );

  app.post(
    "/api/scenarios/:id/preview",
    {
      schema: {
        tags: ["scenarios"],
        params: IdParam,
        body: z.object({ params: z.record(z.string(), z.unknown()).optional() }).default({}),
        response: { 200: Preview },
      },
      config: { access: { permission: "scenarios.manage" } },
    },
    async (request) => previewScenario(db, request.params.id, request.body.params),
  );

  app.get(
    "/api/event-sources",
    {
      schema: { tags: ["scenarios"], response: { 200: z.array(EventSource) } },
      config: { access: { permission: "scenarios.manage" } },
    },
    async () => listEventSources(db),
  );

  app.post(
    "/api/event-sources",
    {
      schema: {
        tags: ["scenarios"],
        description: "Connects a web site, portal or app; the answer holds its key, shown this once.",
        body: EventSourceInput,
        response: { 201: EventSourceCreated },
      },
      config: { access: { permission: "scenarios.manage" } },
    },
    async (request, reply) => {
      const created = await db.transaction((tx) =>
        createEventSource(tx, actingAs(actorOf(request), request.id), request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/event-sources/:id",
    {
      schema: {
        tags: ["scenarios"],
        params: IdParam,
        body: z.object({ active: z.boolean() }),
        response: { 200: EventSource },
      },
      config: { access: { permission: "scenarios.manage" } },
    },
    async (request) =>
      db.transaction((tx) =>
        setEventSourceActive(
          tx,
          actingAs(actorOf(request), request.id),
          request.params.id,
          request.body.active,
        ),
      ),
  );

  // The web site, the portal and the app post here with their own key, not an employee's session.
  app.post(
    "/api/events",
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ["scenarios"],
        description: "Batches of up to 1000 events; the X-Orbit-Key header names the sender.",
        body: EventBatch,
        response: { 200: EventBatchResult },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      const key = request.headers["x-orbit-key"];
      const source = await eventSourceByKey(db, typeof key === "string" ? key : undefined);
      const matcher = await matchers.get(db);
      return db.transaction((tx) => ingestEvents(tx, matcher, source.source, request.body.events));
    },
  );
};
