import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../test/tcpProxy";
import { testAppContext } from "../../../test/testContext";
import { createTestDatabase } from "../../../test/testDatabase";
import { buildApp } from "../../app";
import { startBackground } from "../../background";
import { seedStaff } from "../../modules/demo/seedStaff";
import { type Database, openDatabase } from "../db/database";
import { enqueue } from "../jobs/queue";

// Cutting the connection needs a real server behind a proxy; PGlite lives in the process.
const onPostgres = process.env.ORBIT_TEST_DB === "postgres";

let direct: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let viaProxy: Database;
let app: FastifyInstance;
let background: { stop(): Promise<void> };

beforeAll(async () => {
  if (!onPostgres) return;
  direct = await createTestDatabase();
  await seedStaff(direct.database.db, []);
  proxy = await startTcpProxy(direct.url!);
  viaProxy = await openDatabase({ kind: "postgres", url: proxy.url, poolSize: 4 });
  const ctx = testAppContext(viaProxy);
  app = await buildApp(ctx, { webDist: null, logger: false });
  await app.ready();
  background = startBackground(ctx, app.log);
});
afterAll(async () => {
  if (!onPostgres) return;
  await background?.stop();
  await app?.close();
  await viaProxy?.close();
  await proxy?.close();
  await direct?.drop();
});

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("not reached in time");
}

describe.skipIf(!onPostgres)("when the database goes away", () => {
  it("answers 503 with Retry-After instead of failing, writes nothing, and serves again when it is back", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "admin", password: "orbit-demo" },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `orbit_session=${login.cookies.find((c) => c.name === "orbit_session")!.value}`;
    const headers = { cookie, "x-csrf-token": (login.json() as { csrfToken: string }).csrfToken };
    const pops: string[] = [];
    const stopListening = await viaProxy.listen("orbit_test_away", (p) => pops.push(p));

    await proxy.cut();
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(503);
    expect(health.headers["retry-after"]).toBe("5");
    expect(health.json().error.code).toBe("unavailable");
    // Signed in, the session cannot be checked: 503, not "signed out".
    const read = await app.inject({ method: "GET", url: "/api/staff/users", headers });
    expect(read.statusCode).toBe(503);
    const write = await app.inject({
      method: "POST",
      url: "/api/clients",
      headers,
      payload: { kind: "person", lastName: "Недописанный", firstName: "Клиент", phones: ["+79160000001"] },
    });
    expect(write.statusCode).toBe(503);
    // Meanwhile the worker's schedules fail and retry; nothing crashes the process.
    await new Promise((r) => setTimeout(r, 1500));

    await proxy.restore();
    await until(async () => (await app.inject({ method: "GET", url: "/api/health" })).statusCode === 200);
    const again = await app.inject({ method: "GET", url: "/api/staff/users", headers });
    expect(again.statusCode).toBe(200);
    const [none] = await direct.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM parties WHERE display_name LIKE 'Недописанный%'",
    );
    expect(none?.n).toBe(0);

    // The worker takes jobs again, and notifications reach this process's listeners again.
    const jobId = await enqueue(direct.database.db, "worklists.evaluate", { scenariosOnly: true });
    await until(async () => {
      const [job] = await direct.database.query<{ status: string }>("SELECT status FROM jobs WHERE id = $1", [
        jobId,
      ]);
      return job?.status === "done";
    }, 60_000);
    await until(async () => {
      await direct.database.query("SELECT pg_notify('orbit_test_away', 'back')");
      return pops.includes("back");
    });
    await stopListening();
  });
});
