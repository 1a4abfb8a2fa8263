import { describe, expect, it } from "vitest";
import { ruleFields } from "../blocking";
import { levelScheme } from "../comparisons";
import type { ModelSpec } from "../types";
import { companySpec } from "./company";
import { PERSON_FIELDS, personSpec } from "./person";

describe.each([personSpec, companySpec])("$name spec", (spec: ModelSpec) => {
  it("names its comparisons uniquely and declares swaps between name comparisons", () => {
    const names = spec.comparisons.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [a, b] of spec.swappable ?? []) {
      expect(spec.comparisons.find((c) => c.name === a)?.kind).toBe("name");
      expect(spec.comparisons.find((c) => c.name === b)?.kind).toBe("name");
    }
    for (const c of spec.comparisons) expect(levelScheme(c).labels.length).toBeGreaterThan(1);
  });

  it("blocks only on fields it compares, with unique rule names", () => {
    const fields = new Set(spec.comparisons.map((c) => c.field));
    for (const rule of spec.blocking) for (const f of ruleFields(rule)) expect(fields.has(f)).toBe(true);
    expect(new Set(spec.blocking.map((r) => r.name)).size).toBe(spec.blocking.length);
  });
});

describe("person spec", () => {
  it("compares every person field Orbit feeds", () => {
    expect(personSpec.comparisons.map((c) => c.field).sort()).toEqual([...PERSON_FIELDS].sort());
  });

  it("treats surname, phone, car and address as shared within a household, the rest as personal", () => {
    const household = personSpec.comparisons.filter((c) => c.household).map((c) => c.name);
    expect(household).toEqual(["lastName", "phones", "vins", "city", "address"]);
  });
});
