import { createHash, randomBytes } from "node:crypto";
import type { SessionInfo } from "@orbit/contracts";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { HttpError, tooManyRequests, unauthorized } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { Actor } from "./actor";
import { decideLogin, LOGIN_THROTTLE } from "./loginThrottle";
import { verifyDecoy, verifyPassword } from "./password";
import { permissionsOf } from "./permissions";
import { dealerships, loginAttempts, sessions, users } from "./schema";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

export interface LoginInput {
  login: string;
  password: string;
  ip: string;
  userAgent: string | null;
  ttlMs: number;
}

/** Checks the password under the brute-force throttle and opens a session; returns the cookie token. */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; session: SessionInfo }> {
  const login = input.login.trim().toLowerCase();
  const now = new Date();
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [byLogin, byIp] = await Promise.all([
    failures(eq(loginAttempts.login, login)),
    failures(eq(loginAttempts.ip, input.ip)),
  ]);
  const decision = decideLogin(
    byLogin.map((r) => r.at),
    byIp.map((r) => r.at),
    now,
  );
  if (!decision.allowed) {
    throw tooManyRequests("Too many failed sign-in attempts; try again later", decision.retryAfterMs / 1000);
  }

  const [user] = await db.select().from(users).where(eq(users.login, login)).limit(1);
  const ok = user?.active
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDecoy(input.password);
  await db.insert(loginAttempts).values({ login, ip: input.ip, succeeded: ok, at: now });
  if (!ok || !user) throw new HttpError(401, "invalid_credentials", "Wrong login or password");

  const token = newToken();
  const csrfToken = newToken();
  const sessionId = sha256(token);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + input.ttlMs),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAction(
      tx,
      { userId: user.id, role: user.role, dealershipId: user.dealershipId, requestId: null },
      { entityType: "user", entityId: user.id, action: "login", after: { ip: input.ip } },
    );
  });
  const actor = await resolveSession(db, token, input.ttlMs);
  if (!actor) throw unauthorized();
  return { token, session: await sessionInfo(db, actor) };
}

/** Finds the live session for a cookie token and slides its expiry; null when absent or expired. */
export async function resolveSession(db: Db, token: string, ttlMs: number): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      login: users.login,
      fullName: users.fullName,
      role: users.role,
      dealershipId: users.dealershipId,
      departmentId: users.departmentId,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  // Sliding expiry, written at most once a minute so reads stay reads.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlMs) })
      .where(eq(sessions.id, id));
  }
  const { lastSeenAt: _, ...actor } = row;
  return actor;
}

export async function sessionInfo(db: Db, actor: Actor): Promise<SessionInfo> {
  const [home] = actor.dealershipId
    ? await db
        .select({ name: dealerships.name })
        .from(dealerships)
        .where(eq(dealerships.id, actor.dealershipId))
    : [];
  return {
    csrfToken: actor.csrfToken,
    user: {
      id: actor.userId,
      login: actor.login,
      fullName: actor.fullName,
      role: actor.role,
      dealershipId: actor.dealershipId,
      dealershipName: home?.name ?? null,
      departmentId: actor.departmentId,
      locale: actor.locale,
      permissions: [...permissionsOf(actor.role)],
    },
  };
}

export async function logout(db: Db, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordAction(
      tx,
      { userId: actor.userId, role: actor.role, dealershipId: actor.dealershipId, requestId },
      { entityType: "user", entityId: actor.userId, action: "logout" },
    );
  });
}

/** Housekeeping: forget expired sessions and login attempts older than the throttle window needs. */
export async function purgeExpired(db: Db): Promise<{ sessions: number; attempts: number }> {
  const s = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  const a = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, sql`now() - interval '1 day'`))
    .returning({ id: loginAttempts.id });
  return { sessions: s.length, attempts: a.length };
}
