import { describe, expect, it } from "vitest";
import { diffRows } from "./diff";

describe("diffRows", () => {
  it("puts changed fields first and marks them", () => {
    const rows = diffRows(
      { login: "a", role: "salesperson", phone: null },
      { login: "a", role: "director", phone: null },
    );
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ["role", true],
      ["login", false],
      ["phone", false],
    ]);
  });

  it("handles a creation (nothing before) and plain values", () => {
    expect(diffRows(null, { login: "a" })).toEqual([
      { field: "login", before: undefined, after: "a", changed: true },
    ]);
    expect(diffRows("x", "y")).toEqual([{ field: "value", before: "x", after: "y", changed: true }]);
    expect(diffRows(null, null)).toEqual([]);
  });
});
