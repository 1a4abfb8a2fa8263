import { describe, expect, it } from "vitest";
import { distanceKm, nearestFirst } from "./centres";

describe("the nearest service centre", () => {
  it("measures Moscow to St Petersburg as about 634 km", () => {
    const km = distanceKm({ lat: 55.7558, lon: 37.6173 }, { lat: 59.9343, lon: 30.3351 });
    expect(km).toBeGreaterThan(625);
    expect(km).toBeLessThan(640);
  });

  it("offers the nearest first, centres without a position last, by name without a position", () => {
    const centres = [
      { name: "Б Питер", latitude: 59.98, longitude: 30.22 },
      { name: "А Нигде", latitude: null, longitude: null },
      { name: "В Москва", latitude: 55.89, longitude: 37.58 },
    ];
    const inMoscow = nearestFirst(centres, { lat: 55.75, lon: 37.62 });
    expect(inMoscow.map((c) => c.name)).toEqual(["В Москва", "Б Питер", "А Нигде"]);
    expect(inMoscow[0]!.distanceKm).toBeLessThan(20);
    expect(nearestFirst(centres, null).map((c) => c.name)).toEqual(["А Нигде", "Б Питер", "В Москва"]);
  });
});
