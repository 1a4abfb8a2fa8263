import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pino from "pino";
import { type AppContext, buildApp } from "../src/app";
import { generateDemoGroup } from "../src/modules/demo/generate";
import { DEMO_PASSWORD } from "../src/modules/demo/orgStructure";
import { type SeededOrg, seedStaff } from "../src/modules/demo/seedStaff";
import type { Database } from "../src/platform/db/database";
import { testAppContext } from "./testContext";
import { createTestDatabase } from "./testDatabase";

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  userId: number;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  org: SeededOrg;
  matchers: AppContext["matchers"];
  /** Signs in one of the demo logins (admin, director, sales, service, ...). */
  signIn(login: string, password?: string): Promise<SignedIn>;
  /** Calls the API as a signed-in employee, with the session cookie and CSRF header. */
  as(
    who: SignedIn,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * An Orbit API on a fresh database with the demo group's dealerships and staff, no network; with
 * `demo`, the whole demo group (clients, history, the day's work lists) as of that day.
 */
export async function createTestApp(
  demo?: { clients: number; seed: number; asOf: string },
  options: {
    beforeReady?: (app: FastifyInstance) => void;
    portalSms?: AppContext["portalSms"];
  } = {},
): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  const org = demo ? await generateDemo(database, demo) : await seedStaff(database.db, []);
  const { beforeReady: _, ...extra } = options;
  const ctx = { ...testAppContext(database), ...extra };
  const app = await buildApp(ctx, {
    webDist: null,
    logger: process.env.TEST_APP_LOG ? { level: "error" } : false,
  });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    org,
    matchers: ctx.matchers,
    async signIn(login, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login, password } });
      if (res.statusCode !== 200)
        throw new Error(`sign-in as ${login} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "orbit_session");
      if (!cookie) throw new Error("no session cookie");
      const body = res.json() as { csrfToken: string; user: { id: number } };
      return { cookie: `orbit_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
    },
    as(who, method, url, body) {
      return app.inject({
        method,
        url,
        headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

async function generateDemo(
  database: Database,
  demo: { clients: number; seed: number; asOf: string },
): Promise<SeededOrg> {
  await generateDemoGroup(database, { ...demo, log: pino({ level: "silent" }) });
  const dealerships = await database.query<{ id: number; code: string }>("SELECT id, code FROM dealerships");
  const staff = await database.query<{
    id: number;
    role: SeededOrg["staff"][number]["role"];
    dealershipId: number | null;
  }>(`SELECT id, role, dealership_id AS "dealershipId" FROM users`);
  return { dealershipIds: new Map(dealerships.map((d) => [d.code, d.id])), staff };
}
