import { describe, expect, it } from "vitest";
import { HashIds } from "./hash";

describe("HashIds", () => {
  it("numbers distinct keys densely in first-seen order, through table growth", () => {
    const ids = new HashIds(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `ph:7916${String(i).padStart(7, "0")}`);
    keys.forEach((k, i) => {
      expect(ids.id(k)).toBe(i);
    });
    keys.forEach((k, i) => {
      expect(ids.id(k)).toBe(i);
    });
    expect(ids.size).toBe(5000);
    expect(ids.id("nm:ivanov+ivan|1985")).toBe(5000);
  });
});
