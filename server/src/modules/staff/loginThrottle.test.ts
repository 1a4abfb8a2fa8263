import { describe, expect, it } from "vitest";
import { decideLogin, LOGIN_THROTTLE } from "./loginThrottle";

const now = new Date("2026-03-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("decideLogin", () => {
  it("allows while failures for the login stay under the limit", () => {
    expect(decideLogin([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], [], now)).toEqual({
      allowed: true,
    });
  });

  it("locks the login after five recent failures until the oldest of them leaves the window", () => {
    const failures = [1, 2, 3, 4, 10].map(minutesAgo);
    const d = decideLogin(failures, failures, now);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.retryAfterMs).toBe(5 * 60_000);
  });

  it("forgets failures older than the window", () => {
    const failures = [1, 2, 3, 16, 20, 30].map(minutesAgo);
    expect(decideLogin(failures, [], now).allowed).toBe(true);
  });

  it("limits one address spraying many logins", () => {
    const fromIp = Array.from({ length: LOGIN_THROTTLE.maxFailuresPerIp }, (_, i) => minutesAgo(i * 0.1));
    expect(decideLogin([], fromIp, now).allowed).toBe(false);
    expect(decideLogin([], fromIp.slice(1), now).allowed).toBe(true);
  });
});
