import {
  ColumnMapping,
  IdParam,
  ImportBatch,
  ImportPreview,
  ImportRowNote,
  SourceSystemName,
  TextRowId,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../app";
import { notFound } from "../../../platform/http/errors";
import { actorOf } from "../../staff/accessControl";
import { actingAs } from "../../staff/actor";
import { getImport, listImports, listRowNotes, startImport, storeUpload } from "./import.service";

export const importRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  // Exports arrive as the raw file body (text/csv), streamed into the database as they come.
  for (const type of ["text/csv", "application/vnd.ms-excel", "application/octet-stream"]) {
    app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }

  app.post(
    "/api/imports",
    {
      bodyLimit: 1024 * 1024 * 1024,
      schema: {
        tags: ["imports"],
        description: "Upload a CSV export (UTF-8) as the request body with Content-Type text/csv.",
        querystring: z.object({
          fileName: z.string().trim().min(1).max(200),
          sourceSystem: SourceSystemName,
          dealershipId: TextRowId.optional(),
        }),
        response: { 201: ImportPreview },
      },
      config: { access: { permission: "clients.import" } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const preview = await storeUpload(
        db,
        actingAs(actor, request.id),
        {
          fileName: request.query.fileName,
          sourceSystem: request.query.sourceSystem,
          dealershipId: request.query.dealershipId ?? actor.dealershipId,
        },
        request.body as AsyncIterable<Buffer>,
      );
      return reply.status(201).send(preview);
    },
  );

  app.post(
    "/api/imports/:id/start",
    {
      schema: {
        tags: ["imports"],
        params: IdParam,
        body: z.object({ mapping: ColumnMapping }),
        response: { 200: ImportBatch },
      },
      config: { access: { permission: "clients.import" } },
    },
    async (request) =>
      startImport(db, actingAs(actorOf(request), request.id), request.params.id, request.body.mapping),
  );

  app.get(
    "/api/imports",
    {
      schema: { tags: ["imports"], response: { 200: z.array(ImportBatch) } },
      config: { access: { permission: "clients.import" } },
    },
    async () => listImports(db, 50),
  );

  app.get(
    "/api/imports/:id",
    {
      schema: { tags: ["imports"], params: IdParam, response: { 200: ImportBatch } },
      config: { access: { permission: "clients.import" } },
    },
    async (request) => {
      const batch = await getImport(db, request.params.id);
      if (!batch) throw notFound("Import");
      return batch;
    },
  );

  app.get(
    "/api/imports/:id/rows",
    {
      schema: {
        tags: ["imports"],
        params: IdParam,
        querystring: z.object({
          kind: z.enum(["rejected", "skipped", "warning"]).optional(),
          afterRow: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.array(ImportRowNote) },
      },
      config: { access: { permission: "clients.import" } },
    },
    async (request) => listRowNotes(db, request.params.id, request.query),
  );
};
