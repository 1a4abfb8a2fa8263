import { describe, expect, it } from "vitest";
import { adjacentKeys } from "./keyboard";

describe("adjacentKeys", () => {
  it("knows the ЙЦУКЕН neighbours", () => {
    // в: ы and а beside it, у and к above, ч and с below.
    expect([...adjacentKeys("в")].sort().join("")).toBe("акуысч".split("").sort().join(""));
    expect(adjacentKeys("Й")).toBe("цф");
  });

  it("knows the QWERTY neighbours and nothing else", () => {
    expect([...adjacentKeys("s")].sort().join("")).toBe("adewxz");
    expect(adjacentKeys("1")).toBe("");
  });
});
