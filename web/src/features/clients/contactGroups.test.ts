import type { ContactPoint } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { groupContacts } from "./contactGroups";

const point = (id: number, value: string, raw: string, isPrimary = false): ContactPoint => ({
  id,
  kind: "phone",
  value,
  raw,
  isPrimary,
  validFrom: "2026-01-01T00:00:00Z",
  validTo: null,
  sourceSystem: "orbit",
});

describe("contact groups", () => {
  it("shows a number reported twice once, with both typed forms", () => {
    const groups = groupContacts([
      point(1, "+79031112233", "+7 903 111-22-33"),
      point(2, "+79160000000", "8 916 000 00 00"),
      point(3, "+79031112233", "8 (903) 111-22-33", true),
    ]);
    expect(groups.map((g) => [g.value, g.isPrimary, g.points.map((p) => p.id)])).toEqual([
      ["+79031112233", true, [1, 3]],
      ["+79160000000", false, [2]],
    ]);
  });
});
