import { randomInt } from "node:crypto";

/**
 * The portal's sign-in code rules: a 6-digit code lives 5 minutes; a phone may ask for one a minute and
 * five an hour, an address twenty an hour; a code dies after five wrong guesses, and ten wrong guesses
 * on a phone within an hour lock it for the rest of that hour.
 */
export const OTP_RULES = {
  digits: 6,
  ttlMs: 5 * 60_000,
  resendAfterMs: 60_000,
  windowMs: 60 * 60_000,
  maxCodesPerPhone: 5,
  maxCodesPerIp: 20,
  maxGuessesPerCode: 5,
  maxFailuresPerPhone: 10,
} as const;

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Waits until the max-th most recent event of the window leaves it; 0 when under the limit. */
function waitFor(times: readonly Date[], max: number, windowMs: number, now: Date): number {
  const recent = times
    .map((d) => d.getTime())
    .filter((t) => now.getTime() - t < windowMs)
    .sort((a, b) => b - a);
  if (recent.length < max) return 0;
  return recent[max - 1]! + windowMs - now.getTime();
}

/** May a new code be sent to this phone from this address now? */
export function decideCodeRequest(
  sentToPhone: readonly Date[],
  sentFromIp: readonly Date[],
  now: Date,
  rules = OTP_RULES,
): Decision {
  const wait = Math.max(
    waitFor(sentToPhone, 1, rules.resendAfterMs, now),
    waitFor(sentToPhone, rules.maxCodesPerPhone, rules.windowMs, now),
    waitFor(sentFromIp, rules.maxCodesPerIp, rules.windowMs, now),
  );
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

/** Is the phone locked out by its wrong guesses of the last hour? */
export function decideVerification(failureTimes: readonly Date[], now: Date, rules = OTP_RULES): Decision {
  const wait = waitFor(failureTimes, rules.maxFailuresPerPhone, rules.windowMs, now);
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

export function newCode(digits: number = OTP_RULES.digits): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, "0");
}
