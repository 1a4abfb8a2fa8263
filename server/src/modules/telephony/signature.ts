import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed webhook's timestamp may be from now: older ones are replays. */
export const REPLAY_WINDOW_S = 300;

/** The generic webhook's signature: hex HMAC-SHA256 over "<timestamp>.<raw body>" with the PBX's secret. */
export function genericSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function checkGenericSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  now: Date = new Date(),
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{9,12}$/.test(timestamp))
    return { ok: false, reason: "missing or bad X-Orbit-Timestamp" };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_S)
    return { ok: false, reason: "timestamp outside the replay window" };
  const sent = signature?.startsWith("sha256=") ? signature.slice(7) : signature;
  if (!sent || !/^[0-9a-f]{64}$/i.test(sent))
    return { ok: false, reason: "missing or bad X-Orbit-Signature" };
  return sameHex(sent.toLowerCase(), genericSignature(secret, timestamp, rawBody))
    ? { ok: true }
    : { ok: false, reason: "signature does not match" };
}

/** Mango Office VPBX: sign = sha256(vpbx_api_key + json + vpbx_api_salt), hex. */
export function mangoSign(apiKey: string, json: string, salt: string): string {
  return createHash("sha256")
    .update(apiKey + json + salt)
    .digest("hex");
}

export function checkMangoSign(
  apiKey: string,
  salt: string,
  sentKey: string,
  sign: string,
  json: string,
): boolean {
  if (!/^[0-9a-f]{64}$/i.test(sign)) return false;
  // The key is compared in constant time too: it is half of what identifies the account.
  const keyOk = sameText(sentKey, apiKey);
  return sameHex(sign.toLowerCase(), mangoSign(apiKey, json, salt)) && keyOk;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

function sameText(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}
