import { describe, expect, it } from "vitest";
import { CAR_CATALOG } from "../demo/carCatalog";
import { generateDrivingProfile, generateServiceReadings, mileageAt } from "../demo/mileage";
import { createRng } from "../demo/random";
import { estimateMileage } from "./mileage";

describe("estimateMileage", () => {
  it("carries the recent rate forward from the latest reading", () => {
    const e = estimateMileage(
      [
        { date: "2024-01-10", km: 20_000 },
        { date: "2025-01-10", km: 40_000 },
      ],
      "2025-07-11",
    );
    expect(e.basis).toBe("readings");
    expect(Math.abs(e.kmPerYear - 20_000)).toBeLessThan(100);
    expect(e.km).toBeGreaterThan(49_500);
    expect(e.km).toBeLessThan(50_500);
  });

  it("ignores a mistyped reading that nothing agrees with", () => {
    const e = estimateMileage(
      [
        { date: "2023-03-01", km: 15_000 },
        { date: "2024-03-01", km: 300_000 },
        { date: "2025-03-01", km: 45_000 },
      ],
      "2025-03-01",
    );
    expect(e.km).toBe(45_000);
    expect(Math.abs(e.kmPerYear - 15_000)).toBeLessThan(100);
  });

  it("assumes the typical rate when it knows nothing, and says so", () => {
    const none = estimateMileage([], "2025-01-01", "2024-01-01");
    expect(none.basis).toBe("default");
    expect(Math.abs(none.km - 15_000)).toBeLessThan(100);
    expect(estimateMileage([{ date: "2025-01-01", km: 1000 }], "2025-01-01")).toMatchObject({
      basis: "default",
    });
  });

  it("stays within 15% of the true odometer for nine cars in ten, on generated driving histories", () => {
    const rng = createRng("mileage-estimate");
    const today = "2026-11-01";
    const errors: number[] = [];
    for (let i = 0; i < 500; i++) {
      const model = rng.pick(CAR_CATALOG);
      const start = `20${rng.int(19, 23)}-0${rng.int(1, 9)}-15`;
      const profile = generateDrivingProfile(rng, { annualKm: model.annualKm, startDate: start });
      const readings = generateServiceReadings(profile, rng, {
        maintenance: model.maintenance,
        until: today,
      });
      if (readings.length < 2) continue;
      const truth = mileageAt(profile, today);
      const estimate = estimateMileage(
        readings.map((r) => ({ date: r.date, km: r.km })),
        today,
        start,
      );
      errors.push(Math.abs(estimate.km - truth) / truth);
    }
    errors.sort((a, b) => a - b);
    expect(errors.length).toBeGreaterThan(300);
    expect(errors[Math.floor(errors.length * 0.9)]).toBeLessThan(0.15);
  });
});
