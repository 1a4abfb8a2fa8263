import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeclaredAccess } from "../../src/modules/staff/accessControl";
import { dealerDay } from "../../src/platform/time/dealerCalendar";
import { createTestApp, type SignedIn, type TestApp } from "../testApp";

/**
 * Every route that takes a body gets generated bad input: wrong types, hostile strings, huge and
 * negative numbers, missing and extra fields, under the field names its own schema declares so that
 * the input gets past the first check. Every route that reads gets the same in its query string and
 * its path's ids. The answer must always be a deliberate one, never a 500.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
// Ending the session would turn every later request into a 401 and hide what the fuzz is after.
// An event stream answers 200 and stays open: inject would wait for its end.
const SKIP = new Set(["POST /api/auth/logout", "GET /api/push/stream"]);

let t: TestApp;
let admin: SignedIn;
let routes: DeclaredAccess[];
let reads: DeclaredAccess[];

beforeAll(async () => {
  t = await createTestApp({ clients: 30, seed: 4, asOf: dealerDay() });
  admin = await t.signIn("admin");
  routes = t.app.routeAccess.filter(
    (r) => ["POST", "PUT", "PATCH"].includes(r.method) && r.body && !SKIP.has(`${r.method} ${r.url}`),
  );
  reads = t.app.routeAccess.filter((r) => r.method === "GET" && !SKIP.has(`${r.method} ${r.url}`));
});
afterAll(() => t.close());

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "'; DROP TABLE parties; --",
    "<script>alert(1)</script>",
    "NaN",
    "-1",
    "1e309",
    "2026-02-30",
    "9999-99-99T99:99:99Z",
    "+7 (999) 999-99-99-99",
    "𝕆𝕣𝕓𝕚𝕥",
    "\ud800",
    "x".repeat(5000),
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.5),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 30 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(hostileString, hostileNumber), { maxKeys: 5 }),
  fc.anything({ maxDepth: 3 }),
);

/** The top-level field names a zod object schema declares (zod 4 keeps them on `.shape`). */
function fieldsOf(schema: unknown): string[] {
  const s = schema as {
    shape?: Record<string, unknown>;
    _zod?: { def?: { shape?: Record<string, unknown> } };
  };
  return Object.keys(s?.shape ?? s?._zod?.def?.shape ?? {});
}

const bodyFor = (route: DeclaredAccess): fc.Arbitrary<unknown> => {
  const fields = fieldsOf(route.body);
  const shaped =
    fields.length > 0
      ? fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] })
      : fc.constant({});
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
};

// Ids that exist (the demo's first rows), so that input reaching a service meets real records.
const concrete = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name: string) => (/id$/i.test(name) ? "1" : "new_car"));

/**
 * Sends each route generated input (`RUNS` cases, the same `SEED`) and returns every answer in the
 * 500s, one line each; the first such case ends a route's run. A 4xx must carry an error code.
 */
async function serverErrors<T>(
  targets: DeclaredAccess[],
  inputFor: (route: DeclaredAccess) => fc.Arbitrary<T>,
  send: (route: DeclaredAccess, input: T) => Promise<{ res: LightMyRequestResponse; what: string }>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of targets) {
    await fc
      .assert(
        fc.asyncProperty(inputFor(route), async (input) => {
          const { res, what } = await send(route, input);
          if (res.statusCode >= 500) {
            failures.push(`${what.slice(0, 400)} -> ${res.body.slice(0, 300)}`);
            return false;
          }
          if (res.statusCode >= 400) expect(res.json().error.code, what).toBeTruthy();
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      .catch(() => {});
  }
  return failures;
}

describe("generated bad input on every route that takes a body", () => {
  it("is answered with a 4xx (or taken when it happens to be valid), never a 500", async () => {
    expect(routes.length).toBeGreaterThan(40);
    const failures = await serverErrors(routes, bodyFor, async (route, body) => ({
      res: await t.app.inject({
        method: route.method as "POST",
        url: concrete(route.url),
        headers: {
          cookie: admin.cookie,
          "x-csrf-token": admin.csrfToken,
          "content-type": "application/json",
        },
        payload: JSON.stringify(body) ?? "null",
      }),
      what: `${route.method} ${route.url} ${JSON.stringify(body)}`,
    }));
    expect(failures).toEqual([]);
  });
});

// Names pages put in their query strings, for the routes that read the query without a schema.
const COMMON_QUERY_FIELDS = [
  "q",
  "from",
  "to",
  "dealershipId",
  "asOf",
  "limit",
  "offset",
  "status",
  "staffId",
];
const rawQueries = fc.constantFrom(
  "%",
  "q=%ZZ",
  "from=%E0%A4%A",
  "a[b][c]=1",
  "__proto__[x]=1",
  "constructor[prototype][x]=1",
  "limit=1&limit=2&limit=3",
  `q=${"%FF".repeat(200)}`,
  "=&&=&",
);
const pathId = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "1.5",
    "1e3",
    "99999999999999999999",
    "NaN",
    "' OR 1=1 --",
    "%00",
    "..",
    "new_car",
  ),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);
const queryValue = fc.oneof(
  hostileString,
  hostileNumber.map(String),
  fc.array(hostileString, { maxLength: 4 }),
);

const requestFor = (route: DeclaredAccess): fc.Arbitrary<string> => {
  const declared = fieldsOf(route.query);
  const fields = declared.length > 0 ? declared : COMMON_QUERY_FIELDS;
  const names = route.url.match(/:(\w+)/g) ?? [];
  const path = fc
    .tuple(
      ...names.map(() =>
        fc.oneof({ weight: 1, arbitrary: fc.constant("1") }, { weight: 2, arbitrary: pathId }),
      ),
    )
    .map((values) => {
      let i = 0;
      return route.url.replace(/:(\w+)/g, () => encodeURIComponent(values[i++] ?? "1"));
    });
  const shaped = fc
    .record(Object.fromEntries(fields.map((f) => [f, queryValue])), { requiredKeys: [] })
    .map((query) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        for (const v of [value].flat()) params.append(key, String(v));
      }
      return params.toString();
    });
  const query = fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: rawQueries });
  return fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p));
};

describe("generated bad input in the query string and the path of every route that reads", () => {
  it("is answered with a 4xx (or read when it happens to be valid), never a 500", async () => {
    expect(reads.length).toBeGreaterThan(60);
    expect(reads.filter((r) => fieldsOf(r.query).length > 0).length).toBeGreaterThan(15);
    const failures = await serverErrors(reads, requestFor, async (_route, url) => ({
      res: await t.app.inject({
        method: "GET",
        url,
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      }),
      what: `GET ${url}`,
    }));
    expect(failures).toEqual([]);
  });
});
