import {
  ContactPolicy,
  ContactStandard,
  ContactStandardUpdate,
  IdParam,
  LifecycleUtilisation,
  LifecycleUtilisationQuery,
  Preview,
  Task,
  TaskList,
  TaskListQuery,
  TaskOutcomeInput,
  TaskReschedule,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { enqueue } from "../../platform/jobs/queue";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { lifecycleUtilisation } from "./lifecycle.service";
import { getPolicy, listStandards, previewStandard, updatePolicy, updateStandard } from "./standards.service";
import { getTask, listTasks, recordOutcome, rescheduleTask, takeTask } from "./tasks.service";

export const taskRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    "/api/tasks",
    {
      schema: { tags: ["tasks"], querystring: TaskListQuery, response: { 200: TaskList } },
      config: { access: { permission: "tasks.work" } },
    },
    async (request) => listTasks(db, actorOf(request), request.query),
  );

  app.get(
    "/api/tasks/:id",
    {
      schema: { tags: ["tasks"], params: IdParam, response: { 200: Task } },
      config: { access: { permission: "tasks.work" } },
    },
    async (request) => getTask(db, actorOf(request), request.params.id),
  );

  app.post(
    "/api/tasks/:id/take",
    {
      schema: { tags: ["tasks"], params: IdParam, response: { 200: Task } },
      config: { access: { permission: "tasks.work" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => takeTask(tx, actor, actingAs(actor, request.id), request.params.id));
    },
  );

  app.post(
    "/api/tasks/:id/outcome",
    {
      schema: { tags: ["tasks"], params: IdParam, body: TaskOutcomeInput, response: { 200: Task } },
      config: { access: { permission: "tasks.work" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        recordOutcome(tx, actor, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );

  app.patch(
    "/api/tasks/:id",
    {
      schema: { tags: ["tasks"], params: IdParam, body: TaskReschedule, response: { 200: Task } },
      config: { access: { permission: "tasks.work" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        rescheduleTask(
          tx,
          actor,
          actingAs(actor, request.id),
          request.params.id,
          new Date(request.body.dueAt),
        ),
      );
    },
  );

  app.get(
    "/api/standards",
    {
      schema: { tags: ["tasks"], response: { 200: z.array(ContactStandard) } },
      config: { access: { permission: "tasks.work" } },
    },
    async () => listStandards(db),
  );

  app.patch(
    "/api/standards/:id",
    {
      schema: {
        tags: ["tasks"],
        params: IdParam,
        body: ContactStandardUpdate,
        response: { 200: ContactStandard },
      },
      config: { access: { permission: "tasks.manage" } },
    },
    async (request) =>
      db.transaction((tx) =>
        updateStandard(tx, actingAs(actorOf(request), request.id), request.params.id, request.body),
      ),
  );

  app.post(
    "/api/standards/:id/preview",
    {
      schema: {
        tags: ["tasks"],
        params: IdParam,
        body: z.object({ params: z.record(z.string(), z.unknown()).optional() }).default({}),
        response: { 200: Preview },
      },
      config: { access: { permission: "tasks.manage" } },
    },
    async (request) => previewStandard(db, request.params.id, request.body.params),
  );

  app.get(
    "/api/contact-policy",
    {
      schema: { tags: ["tasks"], response: { 200: ContactPolicy } },
      config: { access: { permission: "tasks.work" } },
    },
    async () => getPolicy(db),
  );

  app.put(
    "/api/contact-policy",
    {
      schema: { tags: ["tasks"], body: ContactPolicy, response: { 200: ContactPolicy } },
      config: { access: { permission: "tasks.manage" } },
    },
    async (request) =>
      db.transaction((tx) => updatePolicy(tx, actingAs(actorOf(request), request.id), request.body)),
  );

  app.get(
    "/api/lifecycle/utilisation",
    {
      schema: {
        tags: ["tasks"],
        querystring: LifecycleUtilisationQuery,
        response: { 200: LifecycleUtilisation },
      },
      config: { access: { permission: "reports.read" } },
    },
    async (request) => {
      const actor = actorOf(request);
      // A dealership's employee sees their dealership; the group's staff choose one or see all.
      const dealershipId = actor.dealershipId ?? request.query.dealershipId ?? null;
      return lifecycleUtilisation(db, { from: request.query.from, to: request.query.to, dealershipId });
    },
  );

  app.post(
    "/api/worklists/evaluate",
    {
      schema: { tags: ["tasks"], response: { 202: z.object({ jobId: z.number().int().nullable() }) } },
      config: { access: { permission: "tasks.manage" } },
    },
    async (_request, reply) => {
      const jobId = await enqueue(db, "worklists.evaluate", { scenariosOnly: false });
      return reply.status(202).send({ jobId });
    },
  );
};
