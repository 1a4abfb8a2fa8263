import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { PortalSession } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { HttpError, invalid, tooManyRequests } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { normalizePhone } from "../identity/phone";
import { grantSignUp } from "../loyalty/ledger.service";
import type { MessageProvider } from "../messaging/providers";
import type { ActingAs } from "../staff/actor";
import { decideCodeRequest, decideVerification, newCode, OTP_RULES } from "./otp";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const hashCode = (salt: string, code: string) => `${salt}$${sha256(`${salt}:${code}`)}`;

/** The signed-in client of a portal request. */
export interface PortalClient {
  partyId: number;
  name: string;
  phone: string;
  sessionId: string;
  csrfToken: string;
}

export const clientActing = (c: { partyId: number }, requestId: string | null = null): ActingAs => ({
  userId: null,
  role: `client:${c.partyId}`,
  dealershipId: null,
  requestId,
});

function e164(raw: string): string {
  const phone = normalizePhone(raw);
  if (!phone.valid) throw invalid("body.phone", `not a phone number (${phone.reason})`);
  return phone.e164;
}

async function clientByPhone(db: Db, phone: string): Promise<{ id: number; name: string } | null> {
  const [row] = await execRows<{ id: number; name: string }>(
    db,
    sql`SELECT p.id, p.display_name AS name FROM contact_points c JOIN parties p ON p.id = c.party_id
         WHERE c.kind = 'phone' AND c.value = ${phone} AND c.valid_to IS NULL AND p.status = 'active' AND p.kind = 'person'
         ORDER BY c.is_primary DESC, p.id LIMIT 1`,
  );
  return row ?? null;
}

/**
 * Sends a sign-in code by SMS under the rate limits. The answer is the same whether or not the phone is
 * a client's (nobody learns who is a client); a code goes out only to a client's phone.
 */
export async function requestCode(
  db: Db,
  sms: MessageProvider,
  input: { phone: string; ip: string },
  now = new Date(),
): Promise<{ expiresIn: number; resendIn: number }> {
  const phone = e164(input.phone);
  const since = new Date(now.getTime() - OTP_RULES.windowMs).toISOString();
  const [byPhone, byIp] = await Promise.all([
    execRows<{ at: Date }>(
      db,
      sql`SELECT created_at AS at FROM portal_codes WHERE phone = ${phone} AND created_at > ${since}::timestamptz`,
    ),
    execRows<{ at: Date }>(
      db,
      sql`SELECT created_at AS at FROM portal_codes WHERE ip = ${input.ip} AND created_at > ${since}::timestamptz`,
    ),
  ]);
  const decision = decideCodeRequest(
    byPhone.map((r) => new Date(r.at)),
    byIp.map((r) => new Date(r.at)),
    now,
  );
  if (!decision.allowed) {
    throw tooManyRequests("Too many codes asked for; try again later", decision.retryAfterMs / 1000);
  }
  const client = await clientByPhone(db, phone);
  const code = newCode();
  await db.execute(
    sql`INSERT INTO portal_codes (phone, ip, code_hash, party_id, created_at, expires_at)
        VALUES (${phone}, ${input.ip}, ${hashCode(randomBytes(8).toString("hex"), code)}, ${client?.id ?? null},
                ${now.toISOString()}::timestamptz, ${new Date(now.getTime() + OTP_RULES.ttlMs).toISOString()}::timestamptz)`,
  );
  if (client) {
    await sms.send({
      to: phone,
      text: `Код для входа в личный кабинет «Орбита»: ${code}. Никому не сообщайте его.`,
    });
  }
  return { expiresIn: OTP_RULES.ttlMs / 1000, resendIn: OTP_RULES.resendAfterMs / 1000 };
}

const wrongCode = () => new HttpError(401, "wrong_code", "Wrong or expired code");

/**
 * Checks the code and opens a portal session. Wrong guesses count against the code and the phone; a
 * locked phone is refused before the code is even looked at. The first sign-in earns the sign-up points.
 */
export async function verifyCode(
  db: Db,
  input: { phone: string; code: string; ip: string; ttlMs: number },
  now = new Date(),
): Promise<{ token: string; session: PortalSession }> {
  const phone = e164(input.phone);
  const since = new Date(now.getTime() - OTP_RULES.windowMs).toISOString();
  const failures = await execRows<{ at: Date; n: number }>(
    db,
    sql`SELECT created_at AS at, failed_attempts AS n FROM portal_codes WHERE phone = ${phone} AND failed_attempts > 0 AND created_at > ${since}::timestamptz`,
  );
  // Each wrong guess counts, dated by its code (close enough within an hour's window).
  const times = failures.flatMap((f) => Array.from({ length: f.n }, () => new Date(f.at)));
  const locked = decideVerification(times, now);
  if (!locked.allowed) {
    throw tooManyRequests(
      "Too many wrong codes; this phone is locked for a while",
      locked.retryAfterMs / 1000,
    );
  }
  const [code] = await execRows<{
    id: number;
    code_hash: string;
    party_id: number | null;
    failed_attempts: number;
  }>(
    db,
    sql`SELECT id, code_hash, party_id, failed_attempts FROM portal_codes
         WHERE phone = ${phone} AND used_at IS NULL AND expires_at > ${now.toISOString()}::timestamptz
         ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
  );
  if (!code) throw wrongCode();
  const [salt = ""] = code.code_hash.split("$");
  const right = Buffer.from(hashCode(salt, input.code));
  const stored = Buffer.from(code.code_hash);
  const ok = right.length === stored.length && timingSafeEqual(right, stored);
  if (!ok || !code.party_id) {
    const dead = code.failed_attempts + 1 >= OTP_RULES.maxGuessesPerCode;
    await db.execute(
      sql`UPDATE portal_codes SET failed_attempts = failed_attempts + 1${dead ? sql`, used_at = ${now.toISOString()}::timestamptz` : sql``}
           WHERE id = ${code.id}`,
    );
    throw wrongCode();
  }
  const partyId = code.party_id;
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE portal_codes SET used_at = ${now.toISOString()}::timestamptz WHERE id = ${code.id}`,
    );
    await tx.execute(
      sql`INSERT INTO portal_sessions (id, party_id, csrf_token, expires_at)
          VALUES (${sha256(token)}, ${partyId}, ${csrfToken}, ${new Date(now.getTime() + input.ttlMs).toISOString()}::timestamptz)`,
    );
    const by = clientActing({ partyId });
    await recordAction(tx, by, {
      entityType: "party",
      entityId: partyId,
      action: "portal:sign_in",
      after: { ip: input.ip },
    });
    await grantSignUp(tx, by, partyId, now);
  });
  const client = await resolvePortalSession(db, token);
  if (!client) throw wrongCode();
  return { token, session: sessionOf(client) };
}

export function sessionOf(c: PortalClient): PortalSession {
  return { csrfToken: c.csrfToken, client: { id: c.partyId, name: c.name, phone: c.phone } };
}

export async function resolvePortalSession(db: Db, token: string): Promise<PortalClient | null> {
  if (!token || token.length > 100) return null;
  const [row] = await execRows<{
    id: string;
    party_id: number;
    csrf_token: string;
    name: string;
    phone: string | null;
  }>(
    db,
    sql`SELECT s.id, s.party_id, s.csrf_token, p.display_name AS name,
               (SELECT c.value FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL
                 ORDER BY c.is_primary DESC, c.id LIMIT 1) AS phone
          FROM portal_sessions s JOIN parties p ON p.id = s.party_id AND p.status = 'active'
         WHERE s.id = ${sha256(token)} AND s.expires_at > now()`,
  );
  if (!row) return null;
  return {
    partyId: row.party_id,
    name: row.name,
    phone: row.phone ?? "",
    sessionId: row.id,
    csrfToken: row.csrf_token,
  };
}

export async function signOut(db: Db, c: PortalClient, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM portal_sessions WHERE id = ${c.sessionId}`);
    await recordAction(tx, clientActing(c, requestId), {
      entityType: "party",
      entityId: c.partyId,
      action: "portal:sign_out",
    });
  });
}

/** Housekeeping: forget expired portal sessions and codes older than the rate limits look at. */
export async function purgePortalExpired(db: Db): Promise<{ sessions: number; codes: number }> {
  const s = await execRows<{ id: string }>(
    db,
    sql`DELETE FROM portal_sessions WHERE expires_at < now() RETURNING id`,
  );
  const c = await execRows<{ id: number }>(
    db,
    sql`DELETE FROM portal_codes WHERE created_at < now() - interval '1 day' RETURNING id`,
  );
  return { sessions: s.length, codes: c.length };
}
