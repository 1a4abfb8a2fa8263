import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config";
import { analyticsRoutes } from "./modules/analytics/routes";
import { auditRoutes } from "./modules/audit/routes";
import { dealRoutes } from "./modules/deals/routes";
import { importRoutes } from "./modules/identity/import/routes";
import type { MatcherProvider } from "./modules/identity/matcher";
import { identityRoutes } from "./modules/identity/routes";
import { type MessageProvider, providersFrom } from "./modules/messaging/providers";
import { messageRoutes } from "./modules/messaging/routes";
import { portalRoutes } from "./modules/portal/routes";
import { privacyRoutes } from "./modules/privacy/routes";
import { scenarioRoutes } from "./modules/scenarios/routes";
import { propensityRoutes } from "./modules/scoring/routes";
import { serviceRoutes } from "./modules/service/routes";
import { registerAccessControl } from "./modules/staff/accessControl";
import { staffRoutes } from "./modules/staff/routes";
import { stockRoutes } from "./modules/stock/routes";
import { taskRoutes } from "./modules/tasks/routes";
import { telephonyRoutes } from "./modules/telephony/routes";
import { telephonyWebhookRoutes } from "./modules/telephony/webhooks.routes";
import { workspaceRoutes } from "./modules/workspace/routes";
import type { Database, Db } from "./platform/db/database";
import { registerErrorHandling } from "./platform/http/errorHandler";
import { healthRoutes } from "./platform/http/health";
import { registerNulGuard } from "./platform/http/nulGuard";
import { PushHub } from "./platform/push/hub";
import { pushRoutes } from "./platform/push/routes";

declare module "fastify" {
  interface FastifyInstance {
    pushHub: PushHub;
  }
}

/** What every route plugin receives. */
export interface AppContext {
  db: Db;
  database: Database;
  config: Config;
  matchers: MatcherProvider;
  /** Where portal sign-in codes go; by default the configured SMS provider (the log in development). */
  portalSms?: MessageProvider;
}

export interface BuildOptions {
  /** Where the built web app is; defaults to web/dist beside the server package. */
  webDist?: string | null;
  logger?: boolean | object;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: ctx.config.logLevel,
      redact: ["req.headers.cookie", "req.headers['x-csrf-token']", "res.headers['set-cookie']"],
    },
    // Behind a load balancer the client address comes from X-Forwarded-For (login throttling uses it).
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDist = options.webDist === undefined ? defaultWebDist() : options.webDist;
  registerErrorHandling(app, { spaFallback: Boolean(webDist) });
  registerNulGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Orbit API",
        version: "1",
        description:
          "Predictive CRM and one-window front office for car dealer groups. Sign in with POST /api/auth/login; " +
          "send the returned csrfToken as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  registerAccessControl(app, ctx.db, ctx.config.sessionTtlMs);

  await app.register(healthRoutes, ctx);
  await app.register(staffRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await app.register(identityRoutes, ctx);
  await app.register(privacyRoutes, ctx);
  await app.register(importRoutes, ctx);
  await app.register(workspaceRoutes, ctx);
  await app.register(taskRoutes, ctx);
  await app.register(scenarioRoutes, ctx);
  await app.register(telephonyRoutes, ctx);
  await app.register(telephonyWebhookRoutes, ctx);
  await app.register(messageRoutes, ctx);
  // Pushes reach this process's browsers whichever process made them (PostgreSQL LISTEN/NOTIFY).
  const hub = await PushHub.start(ctx.database);
  app.decorate("pushHub", hub);
  app.addHook("onClose", () => hub.close());
  await app.register(pushRoutes(hub));
  await app.register(serviceRoutes, ctx);
  await app.register(propensityRoutes, ctx);
  await app.register(stockRoutes, ctx);
  await app.register(dealRoutes, ctx);
  await app.register(
    portalRoutes(ctx.portalSms ?? providersFrom(ctx.config.messaging, app.log).sms, hub),
    ctx,
  );
  await app.register(analyticsRoutes, ctx);

  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
    // The client portal, a second app of the same build, lives under /portal/.
    app.get("/portal", { schema: { hide: true } }, (_request, reply) => reply.redirect("/portal/"));
    app.get("/portal/", { schema: { hide: true } }, (_request, reply) => reply.sendFile("portal.html"));
  }
  return app;
}

function defaultWebDist(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "web", "dist");
    if (existsSync(join(candidate, "index.html"))) return candidate;
    dir = dirname(dir);
  }
  return null;
}
