import { ROLES, type Role } from "@orbit/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../src/modules/demo/orgStructure";
import type { DeclaredAccess } from "../../src/modules/staff/accessControl";
import { can } from "../../src/modules/staff/permissions";
import { createTestApp, type SignedIn, type TestApp } from "../testApp";

/**
 * Every /api route against every role, generated from the route table the built app holds: the
 * matrix grows by itself with each new route, so a route that forgets its rule, or a role that gains
 * access it was not declared to have, fails here.
 */

const PROBE = "x-access-probe";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// The SSE stream never ends; it is probed like every route, but not called for real.
const STREAMS = new Set(["/api/push/stream"]);

let t: TestApp;
let routes: DeclaredAccess[];
const sessions = new Map<Role, SignedIn>();

beforeAll(async () => {
  t = await createTestApp(undefined, {
    // Runs on every route after the access rule (onRequest) and before validation.
    beforeReady: (app) =>
      app.addHook("preValidation", async (request, reply) => {
        if (request.headers[PROBE]) return reply.status(204).send();
      }),
  });
  routes = t.app.routeAccess.filter((r) => r.method !== "HEAD");
  for (const role of ROLES) {
    const login = DEMO_LOGINS.find((l) => l.role === role)?.login;
    if (!login) throw new Error(`no demo login for ${role}`);
    sessions.set(role, await t.signIn(login));
  }
});
afterAll(() => t.close());

/**
 * A concrete URL for a route pattern: ids that exist nowhere, names that mean nothing, and the
 * employee's own dealership (asking for another's is a scope refusal, tested on its own).
 */
const concrete = (url: string, dealershipId: number | null = null) =>
  url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === "dealershipId") return String(dealershipId ?? 1);
    return /id$/i.test(name) ? "999999" : "nothing";
  });

/**
 * Asks whether the request passed the access rule without running the route: the probe answers 204
 * right after the rule (onRequest) and before validation, so a write never happens and a route that
 * takes no body still gives a clean answer.
 */
async function probe(route: DeclaredAccess, who: SignedIn | null, csrf = true) {
  return t.app.inject({
    method: route.method as "GET",
    url: concrete(route.url),
    headers: {
      [PROBE]: "1",
      ...(who ? { cookie: who.cookie, ...(csrf ? { "x-csrf-token": who.csrfToken } : {}) } : {}),
      "content-type": "application/json",
    },
    ...(UNSAFE.has(route.method) ? { payload: "{}" } : {}),
  });
}

const homeOf = (who: SignedIn) => t.org.staff.find((s) => s.id === who.userId)?.dealershipId ?? null;

/** A client's route (the portal) admits a client's session only: to every employee it is 401. */
const forClients = (route: DeclaredAccess) => "client" in route.access;

const allowed = (role: Role, route: DeclaredAccess) =>
  "public" in route.access ||
  "signedIn" in route.access ||
  ("permission" in route.access && can(role, route.access.permission));

describe("the access matrix", () => {
  it("covers the whole API, each route with a rule", () => {
    expect(routes.length).toBeGreaterThan(100);
    const urls = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const known of ["POST /api/clients", "GET /api/audit", "PUT /api/deal-processes/:code"]) {
      expect(urls).toContain(known);
    }
  });

  it("answers 401 without a session on every route that is not public", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await probe(route, null);
      const expected = "public" in route.access ? 204 : 401;
      if (res.statusCode !== expected) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers 403 to a role without the permission and lets an allowed role through, on every route (401 on the clients' own)", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const role of ROLES) {
        const res = await probe(route, sessions.get(role) as SignedIn);
        const expected = forClients(route) ? 401 : allowed(role, route) ? 204 : 403;
        checked++;
        if (res.statusCode !== expected)
          wrong.push(`${role} ${route.method} ${route.url}: ${res.statusCode} (expected ${expected})`);
      }
    }
    expect(checked).toBe(routes.length * ROLES.length);
    expect(wrong).toEqual([]);
  });

  it("refuses every signed-in write without the CSRF header", async () => {
    const admin = sessions.get("admin") as SignedIn;
    const wrong: string[] = [];
    for (const route of routes.filter(
      (r) => UNSAFE.has(r.method) && !("public" in r.access) && !forClients(r),
    )) {
      const res = await probe(route, admin, false);
      if (res.statusCode !== 403 || res.json().error.code !== "csrf_failed") {
        wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the routes themselves, called for real", () => {
  it("never answer 401 or 403 to a role allowed to read, and never 500", async () => {
    const wrong: string[] = [];
    const reads = routes.filter((r) => r.method === "GET" && !STREAMS.has(r.url));
    for (const route of reads) {
      for (const role of ROLES) {
        if (!allowed(role, route)) continue;
        const who = sessions.get(role) as SignedIn;
        const res = await t.as(who, "GET", concrete(route.url, homeOf(who)));
        if ([401, 403].includes(res.statusCode) || res.statusCode >= 500) {
          wrong.push(`${role} GET ${route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
