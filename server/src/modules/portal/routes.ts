import {
  IdParam,
  LoyaltySummary,
  PortalBookingInput,
  PortalBookingStarted,
  PortalCentre,
  PortalCodeRequest,
  PortalCodeSent,
  PortalHome,
  PortalReview,
  PortalSession,
  PortalSignIn,
  PortalSlotQuery,
  PortalSlots,
  PortalWorkOrder,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import type { PushHub } from "../../platform/push/hub";
import { loyaltySummary } from "../loyalty/ledger.service";
import type { MessageProvider } from "../messaging/providers";
import { clientOf, PORTAL_COOKIE, registerPortalAccess } from "./access";
import { requestCode, sessionOf, signOut, verifyCode } from "./auth.service";
import {
  bookingPhoto,
  clientOrder,
  portalBook,
  portalHome,
  portalSlots,
  reviewVisit,
  serviceCentres,
  startBooking,
} from "./portal.service";

const Ok = z.object({ ok: z.literal(true) });
const client = { access: { client: true as const } };
const PORTAL_SESSION_TTL_MS = 30 * 86_400_000;

/** The client portal's API under /api/portal: its own sign-in, sessions and CSRF token. */
export function portalRoutes(sms: MessageProvider, hub: PushHub): FastifyPluginAsyncZod<AppContext> {
  return async (app, { db, config }) => {
    registerPortalAccess(app, db);
    const open = new Set<import("node:http").ServerResponse>();
    // An open stream would keep the server from closing; end them first.
    app.addHook("preClose", async () => {
      for (const res of open) res.end();
      open.clear();
    });
    const cookieOptions = {
      path: "/",
      httpOnly: true,
      sameSite: "lax" as const,
      secure: config.cookieSecure,
    };

    app.post(
      "/api/portal/auth/code",
      {
        schema: { tags: ["portal"], body: PortalCodeRequest, response: { 200: PortalCodeSent } },
        config: { access: { public: true } },
      },
      async (request) => requestCode(db, sms, { phone: request.body.phone, ip: request.ip }),
    );

    app.post(
      "/api/portal/auth/sign-in",
      {
        schema: { tags: ["portal"], body: PortalSignIn, response: { 200: PortalSession } },
        config: { access: { public: true } },
      },
      async (request, reply) => {
        const { token, session } = await verifyCode(db, {
          ...request.body,
          ip: request.ip,
          ttlMs: PORTAL_SESSION_TTL_MS,
        });
        reply.setCookie(PORTAL_COOKIE, token, { ...cookieOptions, maxAge: PORTAL_SESSION_TTL_MS / 1000 });
        return session;
      },
    );

    app.post(
      "/api/portal/auth/sign-out",
      { schema: { tags: ["portal"], response: { 200: Ok } }, config: client },
      async (request, reply) => {
        await signOut(db, clientOf(request), request.id);
        reply.clearCookie(PORTAL_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/portal/me",
      { schema: { tags: ["portal"], response: { 200: PortalSession } }, config: client },
      async (request) => sessionOf(clientOf(request)),
    );

    app.get(
      "/api/portal/home",
      { schema: { tags: ["portal"], response: { 200: PortalHome } }, config: client },
      async (request) => portalHome(db, clientOf(request)),
    );

    app.get(
      "/api/portal/loyalty",
      { schema: { tags: ["portal"], response: { 200: LoyaltySummary } }, config: client },
      async (request) => loyaltySummary(db, clientOf(request).partyId),
    );

    app.get(
      "/api/portal/centres",
      {
        schema: {
          tags: ["portal"],
          querystring: z.object({
            lat: z.coerce.number().min(-90).max(90).optional(),
            lon: z.coerce.number().min(-180).max(180).optional(),
          }),
          response: { 200: z.array(PortalCentre) },
        },
        config: client,
      },
      async (request) => {
        const { lat, lon } = request.query;
        return serviceCentres(db, lat !== undefined && lon !== undefined ? { lat, lon } : null);
      },
    );

    app.get(
      "/api/portal/slots",
      {
        schema: { tags: ["portal"], querystring: PortalSlotQuery, response: { 200: PortalSlots } },
        config: client,
      },
      async (request) => portalSlots(db, clientOf(request).partyId, request.query),
    );

    app.post(
      "/api/portal/bookings/start",
      { schema: { tags: ["portal"], body: PortalBookingStarted, response: { 200: Ok } }, config: client },
      async (request) => {
        await startBooking(db, clientOf(request).partyId, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/portal/bookings",
      {
        schema: { tags: ["portal"], body: PortalBookingInput, response: { 201: PortalWorkOrder } },
        config: client,
      },
      async (request, reply) => {
        const order = await portalBook(db, clientOf(request), request.body, request.id);
        return reply.status(201).send(order);
      },
    );

    app.get(
      "/api/portal/work-orders/:id",
      { schema: { tags: ["portal"], params: IdParam, response: { 200: PortalWorkOrder } }, config: client },
      async (request) => clientOrder(db, clientOf(request).partyId, request.params.id),
    );

    app.get(
      "/api/portal/work-orders/:id/photo",
      { schema: { tags: ["portal"], params: IdParam }, config: client },
      async (request, reply) => {
        const photo = await bookingPhoto(db, clientOf(request).partyId, request.params.id);
        return reply
          .type(photo.contentType)
          .header("cache-control", "private, max-age=3600")
          .send(photo.data);
      },
    );

    app.post(
      "/api/portal/work-orders/:id/review",
      {
        schema: { tags: ["portal"], params: IdParam, body: PortalReview, response: { 200: PortalWorkOrder } },
        config: client,
      },
      async (request) => reviewVisit(db, clientOf(request), request.params.id, request.body, request.id),
    );

    // The client's live events (their work orders' statuses), on their own channel of the push hub.
    app.get(
      "/api/portal/stream",
      { schema: { tags: ["portal"] }, config: client },
      async (request, reply) => {
        const { partyId } = clientOf(request);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        res.write("retry: 2000\n: connected\n\n");
        open.add(res);
        const unsubscribe = hub.subscribeClient(partyId, (event) => {
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        });
        const ping = setInterval(() => res.write(": ping\n\n"), 20_000);
        request.raw.on("close", () => {
          clearInterval(ping);
          unsubscribe();
          open.delete(res);
        });
      },
    );
  };
}
