import { describe, expect, it } from "vitest";
import { checkGenericSignature, checkMangoSign, genericSignature, mangoSign } from "./signature";

describe("generic webhook signature", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const ts = String(now.getTime() / 1000);
  const body = '{"id":"e1"}';
  const sig = `sha256=${genericSignature("s3cret-secret", ts, body)}`;

  it("accepts the HMAC of the timestamp and the exact body", () => {
    expect(checkGenericSignature("s3cret-secret", { timestamp: ts, signature: sig }, body, now)).toEqual({
      ok: true,
    });
  });
  it("refuses a changed body, another secret, a missing header and an old timestamp", () => {
    expect(
      checkGenericSignature("s3cret-secret", { timestamp: ts, signature: sig }, `${body} `, now).ok,
    ).toBe(false);
    expect(checkGenericSignature("other-secret", { timestamp: ts, signature: sig }, body, now).ok).toBe(
      false,
    );
    expect(
      checkGenericSignature("s3cret-secret", { timestamp: ts, signature: undefined }, body, now).ok,
    ).toBe(false);
    const later = new Date(now.getTime() + 301_000);
    expect(checkGenericSignature("s3cret-secret", { timestamp: ts, signature: sig }, body, later)).toEqual({
      ok: false,
      reason: "timestamp outside the replay window",
    });
  });
});

describe("Mango Office sign", () => {
  it("is sha256(api_key + json + salt) and needs the right key", () => {
    const json = '{"entry_id":"x"}';
    const sign = mangoSign("key", json, "salt");
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
    expect(checkMangoSign("key", "salt", "key", sign, json)).toBe(true);
    expect(checkMangoSign("key", "salt", "other", sign, json)).toBe(false);
    expect(checkMangoSign("key", "salt", "key", sign, `${json} `)).toBe(false);
  });
});
