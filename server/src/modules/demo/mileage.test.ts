import { describe, expect, it } from "vitest";
import { isoToDay } from "./dates";
import { type DrivingProfile, generateDrivingProfile, generateServiceReadings, mileageAt } from "./mileage";
import { createRng } from "./random";

const flat: DrivingProfile = {
  startDate: "2022-03-01",
  startKm: 10,
  kmPerYear: 18_000,
  seasonality: 0,
  yearFactors: [1],
};

describe("mileageAt", () => {
  it("starts at startKm and grows linearly without seasons or drift", () => {
    expect(mileageAt(flat, "2021-01-01")).toBe(10);
    expect(mileageAt(flat, "2022-03-01")).toBe(10);
    const days = isoToDay("2023-03-01") - isoToDay("2022-03-01");
    expect(mileageAt(flat, "2023-03-01")).toBe(Math.round(10 + (18_000 * days) / 365.25));
  });

  it("moves km into summer without changing a year's total", () => {
    const seasonal = { ...flat, seasonality: 0.3 };
    const summer = mileageAt(seasonal, "2022-08-01") - mileageAt(seasonal, "2022-07-01");
    const winter = mileageAt(seasonal, "2023-02-01") - mileageAt(seasonal, "2023-01-01");
    expect(summer).toBeGreaterThan(winter * 1.5);
    const year = (p: DrivingProfile) => mileageAt(p, "2025-03-01") - mileageAt(p, "2024-03-01");
    expect(Math.abs(year(seasonal) - year(flat))).toBeLessThan(20);
  });

  it("applies each year's factor and holds the last one", () => {
    const drifting = { ...flat, yearFactors: [1, 2] };
    const first = mileageAt(drifting, "2023-02-28") - mileageAt(drifting, "2022-03-01");
    const third = mileageAt(drifting, "2025-02-28") - mileageAt(drifting, "2024-03-01");
    expect(third / first).toBeCloseTo(2, 1);
  });

  it("never decreases", () => {
    const p = generateDrivingProfile(createRng(1), {
      annualKm: { low: 10_000, high: 30_000 },
      startDate: "2021-05-05",
    });
    let prev = -1;
    for (let day = isoToDay("2021-05-01"); day < isoToDay("2026-06-01"); day += 7) {
      const km = mileageAt(p, new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(km).toBeGreaterThanOrEqual(prev);
      prev = km;
    }
  });
});

describe("generateDrivingProfile", () => {
  it("draws km per year mostly inside the model's band", () => {
    const rng = createRng(2);
    const kms = Array.from(
      { length: 2000 },
      () =>
        generateDrivingProfile(rng, { annualKm: { low: 12_000, high: 24_000 }, startDate: "2022-01-01" })
          .kmPerYear,
    );
    const inside = kms.filter((k) => k >= 12_000 && k <= 24_000).length / kms.length;
    expect(inside).toBeGreaterThan(0.7);
    expect(inside).toBeLessThan(0.9);
  });
});

describe("generateServiceReadings", () => {
  const profile = generateDrivingProfile(createRng(3), {
    annualKm: { low: 12_000, high: 30_000 },
    startDate: "2021-04-10",
  });
  const readings = (seed: number, extra = {}) =>
    generateServiceReadings(profile, createRng(seed), {
      maintenance: { km: 15_000, months: 12 },
      until: "2026-06-01",
      ...extra,
    });

  it("is deterministic and keeps the truth beside each reading", () => {
    expect(readings(4)).toEqual(readings(4));
    for (const r of readings(4)) expect(r.trueKm).toBe(mileageAt(profile, r.date));
  });

  it("visits at roughly the maintenance interval, in order, until the end date", () => {
    const gaps: number[] = [];
    for (let seed = 0; seed < 50; seed++) {
      const rs = readings(seed, { typoShare: 0, roundedShare: 0 });
      let prev = { date: profile.startDate, trueKm: profile.startKm };
      for (const r of rs) {
        expect(r.date > prev.date).toBe(true);
        expect(r.date <= "2026-06-01").toBe(true);
        expect(r.km).toBe(r.trueKm);
        gaps.push(r.trueKm - prev.trueKm);
        prev = r;
      }
    }
    // Due at 15,000 km or 12 months, whichever first; skipped visits make some gaps double.
    const expected = Math.min(15_000, profile.kmPerYear);
    const median = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    expect(median).toBeGreaterThan(0.6 * expected);
    expect(median).toBeLessThan(1.4 * expected);
    expect(gaps[0]).toBeGreaterThan(0);
  });

  it("rounds or mistypes some readings when asked", () => {
    const rs = Array.from({ length: 40 }, (_, seed) =>
      readings(seed, { typoShare: 0.5, roundedShare: 0.5 }),
    ).flat();
    expect(rs.some((r) => r.kind === "typo" && r.km !== r.trueKm)).toBe(true);
    expect(rs.some((r) => r.kind === "rounded" && r.km % 100 === 0)).toBe(true);
    expect(rs.every((r) => r.kind !== "exact")).toBe(true);
  });
});
