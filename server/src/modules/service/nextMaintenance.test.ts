import { describe, expect, it } from "vitest";
import { nextMaintenance } from "./nextMaintenance";

describe("next maintenance", () => {
  it("adds the model's months and km", () => {
    expect(nextMaintenance("2026-12-04", 30_120, { intervalKm: 15_000, intervalMonths: 12 })).toEqual({
      on: "2027-12-04",
      km: 45_120,
    });
  });

  it("keeps to the month's last day", () => {
    expect(nextMaintenance("2026-08-31", null, { intervalKm: 10_000, intervalMonths: 6 })).toEqual({
      on: "2027-02-28",
      km: null,
    });
  });
});
