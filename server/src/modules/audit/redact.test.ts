import { describe, expect, it } from "vitest";
import { redactSecrets } from "./service";

describe("redactSecrets", () => {
  it("removes secrets at any depth and keeps everything else", () => {
    const at = new Date("2026-01-02T03:04:05Z");
    expect(
      redactSecrets({ login: "ivanov", passwordHash: "$argon2id$...", nested: [{ password: "x", at }] }),
    ).toEqual({
      login: "ivanov",
      passwordHash: "[redacted]",
      nested: [{ password: "[redacted]", at: at.toISOString() }],
    });
  });
});
