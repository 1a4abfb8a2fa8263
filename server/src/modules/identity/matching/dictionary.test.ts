import { describe, expect, it } from "vitest";
import { Dictionary } from "./dictionary";

describe("Dictionary", () => {
  it("gives equal strings equal dense ids", () => {
    const d = new Dictionary();
    expect(d.id("иванов")).toBe(0);
    expect(d.id("петров")).toBe(1);
    expect(d.id("иванов")).toBe(0);
    expect(d.size).toBe(2);
    expect(d.values).toEqual(["иванов", "петров"]);
  });
});
