import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/testApp";
import { testAppContext } from "../../../test/testContext";
import { buildApp } from "../../app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("error responses", () => {
  it("answers malformed JSON with 400, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"login": "admin", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.requestId).toBeTruthy();
  });

  it("answers an oversized body with 413", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "admin", password: "x".repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
  });

  it("answers a form post (a cross-site attempt) with 415", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "login=admin&password=orbit-demo",
    });
    expect(res.statusCode).toBe(415);
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("hides internal failures behind a 500 without details", async () => {
    const app = await buildApp(testAppContext(t.database), { webDist: null, logger: false });
    app.get("/api/test-explode", { config: { access: { public: true } } }, async () => {
      throw new Error("secret internals at /srv/orbit");
    });
    const res = await app.inject({ method: "GET", url: "/api/test-explode" });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: "internal_error" });
    expect(res.body).not.toContain("/srv/orbit");
  });

  it("serves the OpenAPI description", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain("/api/staff/users");
  });
});
