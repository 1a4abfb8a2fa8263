/**
 * Login brute-force protection, decided from recent failed attempts (kept in the database so that
 * every API process sees the same counts). Per login it stops password guessing against one
 * account; per address it stops spraying one password over many logins.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerLogin: 5,
  maxFailuresPerIp: 30,
} as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function decideLogin(
  failuresForLogin: readonly Date[],
  failuresFromIp: readonly Date[],
  now: Date,
  rules: typeof LOGIN_THROTTLE = LOGIN_THROTTLE,
): ThrottleDecision {
  const waitFor = (failures: readonly Date[], max: number): number => {
    const recent = failures
      .map((d) => d.getTime())
      .filter((t) => now.getTime() - t < rules.windowMs)
      .sort((a, b) => b - a);
    if (recent.length < max) return 0;
    // Locked until the max-th most recent failure leaves the window.
    const pivot = recent[max - 1] as number;
    return pivot + rules.windowMs - now.getTime();
  };
  const wait = Math.max(
    waitFor(failuresForLogin, rules.maxFailuresPerLogin),
    waitFor(failuresFromIp, rules.maxFailuresPerIp),
  );
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}
