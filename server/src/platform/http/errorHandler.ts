import type {} from "@fastify/static";
import type { ApiError, FieldError } from "@orbit/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { HttpError } from "./errors";

// Error codes of the pg driver and PostgreSQL that mean "the database is not there right now".
const DB_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08003",
  "08006",
  "53300", // too_many_connections
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && DB_UNAVAILABLE.has(e.code)) return true;
  if (e.message && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message))
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/**
 * One place turns every failure into the ApiError shape: validation to 400 with the fields, our own
 * HttpErrors to their status, framework 4xx (bad JSON, body too large) as they are, a lost database
 * to 503, and anything else to a 500 without details (the stack goes to the log, not the client).
 */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    const send = (status: number, body: ApiError["error"], headers?: Record<string, string>) => {
      if (headers) reply.headers(headers);
      return reply.status(status).send({ error: { ...body, requestId } } satisfies ApiError);
    };

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const fields: FieldError[] = error.validation.map((v) => ({
        field: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid",
      }));
      const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
      return send(400, { code: "validation_failed", message: summary, fields });
    }
    if (error instanceof HttpError) {
      return send(
        error.status,
        { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
        error.headers,
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, "database unavailable");
      return send(
        503,
        { code: "unavailable", message: "The database is unavailable; try again shortly" },
        {
          "retry-after": "5",
        },
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(status, { code: (error.code ?? "bad_request").toLowerCase(), message: error.message });
    }
    request.log.error({ err: error }, "unhandled error");
    return send(500, { code: "internal_error", message: "Something went wrong on our side" });
  });

  // Outside /api, an unknown GET is a client-side route of the web app: answer with its index.html.
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply
        .type("text/html")
        .sendFile(request.url.startsWith("/portal/") ? "portal.html" : "index.html");
    }
    return reply.status(404).send({
      error: {
        code: "not_found",
        message: `No route ${request.method} ${request.url}`,
        requestId: request.id,
      },
    } satisfies ApiError);
  });
}
