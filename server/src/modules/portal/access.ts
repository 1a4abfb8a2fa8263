import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/database";
import { requireCsrfToken } from "../../platform/http/csrf";
import { unauthorized } from "../../platform/http/errors";
import { type PortalClient, resolvePortalSession } from "./auth.service";

declare module "fastify" {
  interface FastifyRequest {
    portalClient: PortalClient | null;
  }
}

/** The portal's own cookie: a client's session never opens staff routes, nor a staff session these. */
export const PORTAL_COOKIE = "orbit_portal";

/** Checks the client's session (and CSRF token on writes) for the routes of the plugin it is added to. */
export function registerPortalAccess(app: FastifyInstance, db: Db): void {
  app.decorateRequest("portalClient", null);
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || !("client" in access)) return;
    const token = request.cookies[PORTAL_COOKIE];
    const client = token ? await resolvePortalSession(db, token) : null;
    if (!client) throw unauthorized();
    requireCsrfToken(request, client.csrfToken);
    request.portalClient = client;
  });
}

export function clientOf(request: FastifyRequest): PortalClient {
  if (!request.portalClient) throw unauthorized();
  return request.portalClient;
}
