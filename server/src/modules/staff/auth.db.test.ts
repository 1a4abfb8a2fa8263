import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("signing in and out", () => {
  it("sets an httpOnly SameSite session cookie and returns the user with a CSRF token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "  Sales ", password: "orbit-demo" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "orbit_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const body = res.json();
    expect(body.user).toMatchObject({
      login: "sales",
      role: "salesperson",
      dealershipName: "Орбита Haval Алтуфьево",
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toContain("argon2");
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "service", password: "wrong-password" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("invalid_credentials");
    expect(res.cookies).toHaveLength(0);
  });

  it("locks a login after repeated failures, even for the right password, with Retry-After", async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "fi", password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    const locked = await attempt("orbit-demo");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("logout ends the session: the cookie no longer works", async () => {
    const who = await t.signIn("pm");
    expect((await t.as(who, "GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await t.as(who, "POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await t.as(who, "GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("stores the chosen language for the next session", async () => {
    const who = await t.signIn("marketer");
    const res = await t.as(who, "PATCH", "/api/auth/me", { locale: "en" });
    expect(res.json().user.locale).toBe("en");
    const again = await t.signIn("marketer");
    expect((await t.as(again, "GET", "/api/auth/me")).json().user.locale).toBe("en");
  });
});

describe("access checks on every route", () => {
  it("answers 401 JSON without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/staff/users" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses unsafe requests without the CSRF header", async () => {
    const who = await t.signIn("admin");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/staff/users",
      headers: { cookie: who.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
  });

  it("answers 403 when the role lacks the permission", async () => {
    const who = await t.signIn("sales");
    expect((await t.as(who, "GET", "/api/staff/users")).statusCode).toBe(403);
    expect((await t.as(who, "GET", "/api/audit")).statusCode).toBe(403);
  });

  it("keeps a dealership's staff list to that dealership", async () => {
    const manager = await t.signIn("sales.manager");
    const users = (await t.as(manager, "GET", "/api/staff/users")).json() as {
      dealershipId: number | null;
    }[];
    const own = t.org.dealershipIds.get("MSK-HAVAL");
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.dealershipId === own)).toBe(true);
    const director = await t.signIn("admin");
    const operator = (await t.as(director, "GET", "/api/staff/users?role=call_center_operator")).json()[0];
    expect((await t.as(manager, "GET", `/api/staff/users/${operator.id}`)).statusCode).toBe(404);
  });

  it("refuses to start a route that declares no access rule", async () => {
    const { default: Fastify } = await import("fastify");
    const { registerAccessControl } = await import("./accessControl");
    const app = Fastify();
    registerAccessControl(app, t.database.db, 1000);
    expect(() => app.get("/api/undeclared", async () => ({}))).toThrow(/declares no access rule/);
  });
});

describe("managing staff accounts", () => {
  it("creates a user, writes the action log with the state after, and never logs the password", async () => {
    const admin = await t.signIn("admin");
    const res = await t.as(admin, "POST", "/api/staff/users", {
      login: "Petrova.A",
      fullName: "Алина Петрова",
      role: "salesperson",
      dealershipId: t.org.dealershipIds.get("MSK-KIA"),
      password: "long-enough-password",
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.login).toBe("petrova.a");
    const log = (await t.as(admin, "GET", `/api/audit?entityType=user&entityId=${created.id}`)).json();
    expect(log[0]).toMatchObject({
      action: "create",
      actorUserId: admin.userId,
      processStep: "staff.onboarding",
    });
    expect(log[0].after.fullName).toBe("Алина Петрова");
    expect(JSON.stringify(log)).not.toContain("long-enough-password");
    const signedIn = await t.signIn("petrova.a", "long-enough-password");
    expect(signedIn.userId).toBe(created.id);
  });

  it("explains bad input field by field", async () => {
    const admin = await t.signIn("admin");
    const res = await t.as(admin, "POST", "/api/staff/users", {
      login: "x",
      role: "pilot",
      dealershipId: null,
      password: "short",
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(["body.fullName", "body.login", "body.password", "body.role"]);
  });

  it("answers 409 on a taken login and 400 on a department of another dealership", async () => {
    const admin = await t.signIn("admin");
    const base = { fullName: "Тест", role: "salesperson", password: "long-enough-password" };
    const taken = await t.as(admin, "POST", "/api/staff/users", {
      ...base,
      login: "sales",
      dealershipId: t.org.dealershipIds.get("MSK-KIA"),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].field).toBe("body.login");
    const departments = (await t.as(admin, "GET", "/api/departments")).json() as {
      id: number;
      dealershipId: number;
    }[];
    const foreign = departments.find((d) => d.dealershipId !== t.org.dealershipIds.get("MSK-KIA"));
    const wrong = await t.as(admin, "POST", "/api/staff/users", {
      ...base,
      login: "new.one",
      dealershipId: t.org.dealershipIds.get("MSK-KIA"),
      departmentId: foreign?.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toEqual({
      field: "body.departmentId",
      message: "belongs to another dealership",
    });
  });

  it("records the state before and after an update", async () => {
    const admin = await t.signIn("admin");
    const [service] = (await t.as(admin, "GET", "/api/staff/users?q=service")).json();
    const res = await t.as(admin, "PATCH", `/api/staff/users/${service.id}`, { extension: "777" });
    expect(res.statusCode).toBe(200);
    const [entry] = (await t.as(admin, "GET", `/api/audit?entityType=user&entityId=${service.id}`)).json();
    expect(entry.before.extension).toBe("120");
    expect(entry.after.extension).toBe("777");
  });

  it("does not let a dealership director create staff elsewhere or make admins", async () => {
    const admin = await t.signIn("admin");
    await t.as(admin, "POST", "/api/staff/users", {
      login: "kia.director",
      fullName: "Директор Kia",
      role: "director",
      dealershipId: t.org.dealershipIds.get("MSK-KIA"),
      password: "long-enough-password",
    });
    const director = await t.signIn("kia.director", "long-enough-password");
    const make = (dealership: string, role: string) =>
      t.as(director, "POST", "/api/staff/users", {
        login: `x.${dealership.toLowerCase()}.${role}`,
        fullName: "Новый сотрудник",
        role,
        dealershipId: t.org.dealershipIds.get(dealership),
        password: "long-enough-password",
      });
    expect((await make("MSK-KIA", "salesperson")).statusCode).toBe(201);
    expect((await make("MSK-HAVAL", "salesperson")).statusCode).toBe(403);
    expect((await make("MSK-KIA", "admin")).statusCode).toBe(403);
  });
});

describe("the action log", () => {
  it("is append-only in the database itself", async () => {
    await expect(t.database.query("UPDATE action_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(t.database.query("DELETE FROM action_log")).rejects.toThrow(/append-only/);
    await expect(t.database.query("TRUNCATE action_log")).rejects.toThrow(/append-only/);
  });
});
