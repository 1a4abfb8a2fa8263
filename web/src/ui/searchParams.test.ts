import { describe, expect, it } from "vitest";
import { patchedParams } from "./searchParams";

describe("a patch of the URL's parameters", () => {
  it("sets, replaces and removes, leaving the others as they were", () => {
    const next = patchedParams(new URLSearchParams("from=2026-01-01&to=2026-02-01&by=kind"), {
      from: "2026-03-01",
      dealershipId: 4,
      to: null,
      by: "",
      q: undefined,
    });
    expect(next.toString()).toBe("from=2026-03-01&dealershipId=4");
  });
});
