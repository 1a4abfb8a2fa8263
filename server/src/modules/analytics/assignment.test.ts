import { describe, expect, it } from "vitest";
import { assignArms, pilotCount } from "./assignment";

describe("assignArms", () => {
  const ids = Array.from({ length: 100 }, (_, i) => i + 1);
  it("gives the same groups for the same seed and other groups for another", () => {
    const a = assignArms(ids, "exp-1", 0.5);
    expect(assignArms([...ids].reverse(), "exp-1", 0.5)).toEqual(a);
    const pilotsA = a.filter((u) => u.arm === "pilot").map((u) => u.unitId);
    const pilotsB = assignArms(ids, "exp-2", 0.5)
      .filter((u) => u.arm === "pilot")
      .map((u) => u.unitId);
    expect(pilotsA).toHaveLength(50);
    expect(pilotsA).not.toEqual(pilotsB);
  });
  it("puts the share in the pilot and keeps a control", () => {
    expect(assignArms(ids, "s", 0.2).filter((u) => u.arm === "pilot")).toHaveLength(20);
    expect(pilotCount(5, 0.5)).toBe(3);
    expect(pilotCount(2, 0.9)).toBe(1);
    expect(pilotCount(3, 0.01)).toBe(1);
    expect(pilotCount(1, 0.5)).toBe(1);
  });
  it("is not the order of the ids", () => {
    const pilots = assignArms(ids, "s", 0.5)
      .filter((u) => u.arm === "pilot")
      .map((u) => u.unitId)
      .sort((x, y) => x - y);
    expect(pilots).not.toEqual(ids.slice(0, 50));
  });
});
