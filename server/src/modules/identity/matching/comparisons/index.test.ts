import { describe, expect, it } from "vitest";
import type { ComparisonSpec } from "../types";
import { levelScheme, prepareComparison } from "./index";

const specs: ComparisonSpec[] = [
  { name: "a", field: "f", kind: "name" },
  { name: "b", field: "f", kind: "date" },
  { name: "c", field: "f", kind: "identifier" },
  { name: "d", field: "f", kind: "set", values: "phone" },
  { name: "e", field: "f", kind: "exact" },
  { name: "g", field: "f", kind: "text" },
  { name: "h", field: "f", kind: "orgName" },
];

describe("comparison kinds", () => {
  it.each(specs)("$kind: a missing value gives level 0 and labels match the level count", (spec) => {
    const scheme = levelScheme(spec);
    expect(scheme.labels.length).toBe(scheme.termFrequency.length);
    expect(scheme.labels.at(-1)).toBe("different");
    const prepared = prepareComparison(spec, [{ f: null }, { f: "x" }], new Map());
    expect(prepared.level(0, 1)).toBe(0);
  });
});
