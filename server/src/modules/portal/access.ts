import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/database";
import { HttpError, unauthorized } from "../../platform/http/errors";
import { type PortalClient, resolvePortalSession } from "./auth.service";

declare module "fastify" {
  interface FastifyRequest {
    portalClient: PortalClient | null;
  }
}

/** The portal's own cookie: a client's session never opens staff routes, nor a staff session these. */
export const PORTAL_COOKIE = "orbit_portal";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Checks the client's session (and CSRF token on writes) for the routes of the plugin it is added to. */
export function registerPortalAccess(app: FastifyInstance, db: Db): void {
  app.decorateRequest("portalClient", null);
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || !("client" in access)) return;
    const token = request.cookies[PORTAL_COOKIE];
    const client = token ? await resolvePortalSession(db, token) : null;
    if (!client) throw unauthorized();
    if (UNSAFE.has(request.method) && !sameToken(request.headers["x-csrf-token"], client.csrfToken)) {
      throw new HttpError(403, "csrf_failed", "Missing or wrong X-CSRF-Token header; reload the page");
    }
    request.portalClient = client;
  });
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== "string" || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

export function clientOf(request: FastifyRequest): PortalClient {
  if (!request.portalClient) throw unauthorized();
  return request.portalClient;
}
