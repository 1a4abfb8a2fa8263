import { describe, expect, it } from "vitest";
import { memoize } from "./memo";

describe("memoize", () => {
  it("computes each value once, including falsy results, and forgets beyond its bound", () => {
    let calls = 0;
    const f = memoize((s: string) => {
      calls++;
      return s.length === 0 ? null : s.toUpperCase();
    }, 2);
    expect(f("a")).toBe("A");
    expect(f("a")).toBe("A");
    expect(f("")).toBeNull();
    expect(f("")).toBeNull();
    expect(calls).toBe(2);
    f("b"); // bound reached: the cache starts afresh
    f("a");
    expect(calls).toBe(4);
  });
});
