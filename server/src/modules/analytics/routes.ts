import { Readable } from "node:stream";
import {
  AnalyticsQuery,
  AnalyticsReport,
  AnalyticsReportName,
  Experiment,
  ExperimentInput,
  IdParam,
  TargetListFilter,
  TargetListPreview,
  TargetListTasksInput,
} from "@orbit/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { forbidden } from "../../platform/http/errors";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { dealershipScope } from "../staff/scope";
import { reportCsv } from "./csv";
import { createExperiment, getExperiment, listExperiments } from "./experiments.service";
import { analyticsReport } from "./reports.service";
import { previewTargetList, targetListCsv, targetListTasks } from "./targetLists.service";

const ReportParam = z.object({ report: AnalyticsReportName });

/** A dealership's employee sees their own dealership whatever they ask; the group's staff choose. */
function scoped<T extends { dealershipId?: number | null }>(request: FastifyRequest, q: T): T {
  const own = actorOf(request).dealershipId;
  return own === null ? q : { ...q, dealershipId: own };
}

export const analyticsRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, database }) => {
  app.get(
    "/api/analytics/reports/:report",
    {
      schema: {
        tags: ["analytics"],
        description:
          "One report for a period: utilisation, wallet, funnel, showUp, strikeRate, calls or process.",
        params: ReportParam,
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsReport },
      },
      config: { access: { permission: "reports.read" } },
    },
    async (request) => analyticsReport(db, request.params.report, scoped(request, request.query)),
  );

  app.get(
    "/api/analytics/reports/:report/csv",
    {
      schema: { tags: ["analytics"], params: ReportParam, querystring: AnalyticsQuery },
      config: { access: { permission: "reports.read" } },
    },
    async (request, reply) => {
      const report = await analyticsReport(db, request.params.report, scoped(request, request.query));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="${report.report}-${report.from}-${report.to}.csv"`,
        )
        .send(reportCsv(report));
    },
  );

  app.get(
    "/api/experiments",
    {
      schema: { tags: ["analytics"], response: { 200: z.array(Experiment) } },
      config: { access: { permission: "reports.read" } },
    },
    async (request) => listExperiments(db, dealershipScope(actorOf(request))),
  );

  app.get(
    "/api/experiments/:id",
    {
      schema: { tags: ["analytics"], params: IdParam, response: { 200: Experiment } },
      config: { access: { permission: "reports.read" } },
    },
    async (request) => getExperiment(db, request.params.id, dealershipScope(actorOf(request))),
  );

  app.post(
    "/api/experiments",
    {
      schema: {
        tags: ["analytics"],
        description:
          "Creates a pilot of a change and draws its pilot and control groups (deterministically from the seed).",
        body: ExperimentInput,
        response: { 201: Experiment },
      },
      config: { access: { permission: "analytics.manage" } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = scoped(request, request.body);
      if (
        actor.dealershipId !== null &&
        request.body.dealershipId !== null &&
        request.body.dealershipId !== actor.dealershipId
      )
        throw forbidden();
      const created = await db.transaction((tx) => createExperiment(tx, actingAs(actor, request.id), body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/target-lists/preview",
    {
      schema: { tags: ["analytics"], querystring: TargetListFilter, response: { 200: TargetListPreview } },
      config: { access: { permission: "analytics.manage" } },
    },
    async (request) => previewTargetList(db, scoped(request, request.query)),
  );

  app.get(
    "/api/target-lists/csv",
    {
      schema: { tags: ["analytics"], querystring: TargetListFilter },
      config: { access: { permission: "analytics.manage" } },
    },
    async (request, reply) => {
      const rows = targetListCsv(database, scoped(request, request.query));
      async function* withHeader() {
        yield Buffer.from("\uFEFForbit_id,name,phone,segment,dealership\n");
        yield* rows;
      }
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="target-list.csv"')
        .send(Readable.from(withHeader()));
    },
  );

  app.post(
    "/api/target-lists/tasks",
    {
      schema: {
        tags: ["analytics"],
        description: "Turns a target list into call tasks (at most 10,000 at once).",
        body: TargetListTasksInput,
        response: { 200: z.object({ created: z.number().int() }) },
      },
      config: { access: { permission: "analytics.manage" } },
    },
    async (request) => {
      const actor = actorOf(request);
      const filter = scoped(request, request.body.filter);
      return db.transaction((tx) =>
        targetListTasks(tx, actingAs(actor, request.id), { ...request.body, filter }),
      );
    },
  );
};
