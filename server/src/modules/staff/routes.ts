import {
  ChangeOwnSettings,
  CreateStaffUser,
  Dealership,
  Department,
  IdParam,
  LoginRequest,
  Role,
  SessionInfo,
  StaffUser,
  TextRowId,
  UpdateStaffUser,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { notFound } from "../../platform/http/errors";
import { actorOf, SESSION_COOKIE } from "./accessControl";
import { actingAs } from "./actor";
import { canAccessDealership, dealershipScope } from "./scope";
import { login, logout, sessionInfo } from "./session.service";
import {
  createUser,
  getUser,
  listDealerships,
  listDepartments,
  listUsers,
  setOwnLocale,
  updateUser,
} from "./staff.service";

const Ok = z.object({ ok: z.literal(true) });

export const staffRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, config }) => {
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.cookieSecure,
  };

  app.post(
    "/api/auth/login",
    {
      schema: { tags: ["auth"], body: LoginRequest, response: { 200: SessionInfo } },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const { token, session } = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        ttlMs: config.sessionTtlMs,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      });
      return session;
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], response: { 200: Ok } }, config: { access: { signedIn: true } } },
    async (request, reply) => {
      await logout(db, actorOf(request), request.id);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], response: { 200: SessionInfo } }, config: { access: { signedIn: true } } },
    async (request) => sessionInfo(db, actorOf(request)),
  );

  app.patch(
    "/api/auth/me",
    {
      schema: { tags: ["auth"], body: ChangeOwnSettings, response: { 200: SessionInfo } },
      config: { access: { signedIn: true } },
    },
    async (request) => {
      const actor = actorOf(request);
      await setOwnLocale(db, actor, actingAs(actor, request.id), request.body.locale);
      return sessionInfo(db, { ...actor, locale: request.body.locale });
    },
  );

  app.get(
    "/api/dealerships",
    {
      schema: { tags: ["staff"], response: { 200: z.array(Dealership) } },
      config: { access: { permission: "dealerships.read" } },
    },
    // Every employee sees the whole group's dealership list: clients move between them.
    async () => listDealerships(db, "all"),
  );

  app.get(
    "/api/departments",
    {
      schema: { tags: ["staff"], response: { 200: z.array(Department) } },
      config: { access: { permission: "dealerships.read" } },
    },
    async () => listDepartments(db, "all"),
  );

  app.get(
    "/api/staff/users",
    {
      schema: {
        tags: ["staff"],
        querystring: z.object({
          dealershipId: TextRowId.optional(),
          role: Role.optional(),
          q: z.string().trim().max(100).optional(),
        }),
        response: { 200: z.array(StaffUser) },
      },
      config: { access: { permission: "staff.read" } },
    },
    async (request) => listUsers(db, dealershipScope(actorOf(request)), request.query),
  );

  app.get(
    "/api/staff/users/:id",
    {
      schema: { tags: ["staff"], params: IdParam, response: { 200: StaffUser } },
      config: { access: { permission: "staff.read" } },
    },
    async (request) => {
      const user = await getUser(db, request.params.id);
      // Someone outside the reader's scope is reported as absent, not as forbidden: ids do not leak.
      if (!user || !canAccessDealership(actorOf(request), user.dealershipId)) throw notFound("User");
      return user;
    },
  );

  app.post(
    "/api/staff/users",
    {
      schema: { tags: ["staff"], body: CreateStaffUser, response: { 201: StaffUser } },
      config: { access: { permission: "staff.manage" } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await createUser(db, actor, actingAs(actor, request.id), request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/staff/users/:id",
    {
      schema: { tags: ["staff"], params: IdParam, body: UpdateStaffUser, response: { 200: StaffUser } },
      config: { access: { permission: "staff.manage" } },
    },
    async (request) => {
      const actor = actorOf(request);
      const existing = await getUser(db, request.params.id);
      if (!existing || !canAccessDealership(actor, existing.dealershipId)) throw notFound("User");
      return updateUser(db, actor, actingAs(actor, request.id), request.params.id, request.body);
    },
  );
};
