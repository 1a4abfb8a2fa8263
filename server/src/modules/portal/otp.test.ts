import { describe, expect, it } from "vitest";
import { decideCodeRequest, decideVerification, newCode, OTP_RULES } from "./otp";

const now = new Date("2026-12-05T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("sign-in codes", () => {
  it("a phone waits a minute between codes", () => {
    expect(decideCodeRequest([], [], now)).toEqual({ allowed: true });
    expect(decideCodeRequest([ago(20_000)], [], now)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(decideCodeRequest([ago(61_000)], [], now)).toEqual({ allowed: true });
  });

  it("a phone gets five codes an hour and an address twenty", () => {
    const five = [1, 2, 3, 4, 5].map((m) => ago(m * 10 * 60_000));
    const d = decideCodeRequest(five, [], now);
    expect(d.allowed).toBe(false);
    // Free again when the fifth most recent (50 min ago) leaves the hour.
    expect(d).toEqual({ allowed: false, retryAfterMs: 10 * 60_000 });
    const twenty = Array.from({ length: 20 }, (_, i) => ago((i + 2) * 60_000));
    expect(decideCodeRequest([], twenty, now).allowed).toBe(false);
    expect(decideCodeRequest([], twenty.slice(1), now).allowed).toBe(true);
  });

  it("ten wrong guesses within an hour lock the phone", () => {
    const nine = Array.from({ length: 9 }, (_, i) => ago(i * 60_000));
    expect(decideVerification(nine, now).allowed).toBe(true);
    const ten = [...nine, ago(30 * 60_000)];
    expect(decideVerification(ten, now)).toEqual({ allowed: false, retryAfterMs: 30 * 60_000 });
    expect(decideVerification([...nine, ago(OTP_RULES.windowMs + 1)], now).allowed).toBe(true);
  });

  it("codes are six digits", () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });
});
