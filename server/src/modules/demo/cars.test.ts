import { describe, expect, it } from "vitest";
import { checkPlate } from "../vehicles/plate";
import { checkVin, computeVinCheckDigit, hasValidCheckDigit } from "../vehicles/vin";
import {
  CAR_CATALOG,
  CAR_MODELS_BY_ID,
  generateCar,
  generatePlate,
  generateVin,
  PLATE_REGIONS,
} from "./cars";
import { DEMO_DEALERSHIPS } from "./orgStructure";
import { createRng } from "./random";

describe("car catalog", () => {
  it("has unique ids and sane figures", () => {
    expect(CAR_MODELS_BY_ID.size).toBe(CAR_CATALOG.length);
    for (const m of CAR_CATALOG) {
      expect(m.seats).toBeGreaterThanOrEqual(2);
      expect(m.groundClearanceMm).toBeGreaterThan(100);
      expect(m.groundClearanceMm).toBeLessThan(300);
      expect(m.priceRub.min).toBeLessThanOrEqual(m.priceRub.max);
      expect(m.annualKm.low).toBeLessThan(m.annualKm.high);
      expect(m.years.from).toBeGreaterThanOrEqual(2021);
      expect(m.years.to).toBeLessThanOrEqual(2026);
      expect(m.engines.length).toBeGreaterThan(0);
      expect(m.drives.length).toBeGreaterThan(0);
      expect(`${m.vin.wmi}${m.vin.vds}${m.vin.plant}`).toMatch(/^[A-HJ-NPR-Z0-9]{9}$/);
    }
  });

  it("covers every brand the demo dealerships sell, with Lada under AvtoVAZ's XTA", () => {
    const brands = new Set(CAR_CATALOG.map((m) => m.brand));
    for (const d of DEMO_DEALERSHIPS) for (const b of d.brands) expect(brands).toContain(b);
    expect(CAR_MODELS_BY_ID.get("lada-vesta")?.vin.wmi).toBe("XTA");
  });
});

describe("generateVin", () => {
  it("produces VINs that validate, with a correct check digit and the model year in position 10", () => {
    const rng = createRng(1);
    for (const model of CAR_CATALOG) {
      for (let year = model.years.from; year <= model.years.to; year++) {
        const vin = generateVin(model, year, rng);
        expect(checkVin(vin, 2026)).toEqual({ valid: true, vin, checkDigitOk: true, modelYear: year });
        expect(vin.startsWith(model.vin.wmi + model.vin.vds)).toBe(true);
      }
    }
  });

  it("yields VINs whose corrupted check digit is detected", () => {
    const vin = generateVin(CAR_CATALOG[0]!, 2024, createRng(2));
    const wrong = vin.slice(0, 8) + (vin[8] === "1" ? "2" : "1") + vin.slice(9);
    expect(hasValidCheckDigit(wrong)).toBe(false);
    expect(checkVin(wrong)).toMatchObject({ valid: true, checkDigitOk: false });
    expect(computeVinCheckDigit(wrong)).toBe(vin[8]);
  });

  it("gives distinct VINs for distinct serials, beyond a million too", () => {
    const model = CAR_CATALOG[0]!;
    const rng = createRng(3);
    const vins = new Set<string>();
    for (let i = 0; i < 20_000; i++) vins.add(generateVin(model, 2024, rng, i));
    for (let i = 1_000_000; i < 1_000_100; i++) vins.add(generateVin(model, 2024, rng, i));
    // A model built at plant "B" must not meet the first overflow letter.
    const plantB = { ...model, vin: { ...model.vin, plant: "B" } };
    const firstMillion = new Set(Array.from({ length: 2000 }, (_, i) => generateVin(plantB, 2024, rng, i)));
    for (let i = 1_000_000; i < 1_002_000; i++)
      expect(firstMillion.has(generateVin(plantB, 2024, rng, i))).toBe(false);
    expect(vins.size).toBe(20_100);
    for (const v of vins) expect(hasValidCheckDigit(v)).toBe(true);
  });
});

describe("generatePlate", () => {
  it("produces valid private plates in every region code", () => {
    const rng = createRng(4);
    for (const region of Object.values(PLATE_REGIONS).flat()) {
      for (let i = 0; i < 50; i++) {
        const plate = generatePlate(region, rng);
        expect(checkPlate(plate)).toMatchObject({ valid: true, plate, kind: "private", region });
      }
    }
  });

  it("gives distinct plates for distinct serials", () => {
    const rng = createRng(5);
    const plates = new Set<string>();
    for (let i = 0; i < 20_000; i++) plates.add(generatePlate("77", rng, i));
    expect(plates.size).toBe(20_000);
  });
});

describe("generateCar", () => {
  it("is deterministic and consistent with its model", () => {
    const a = Array.from({ length: 50 }, (_, i) =>
      generateCar(createRng(6).fork(String(i)), { asOf: "2026-06-01" }),
    );
    const b = Array.from({ length: 50 }, (_, i) =>
      generateCar(createRng(6).fork(String(i)), { asOf: "2026-06-01" }),
    );
    expect(a).toEqual(b);
    for (const car of a) {
      const model = CAR_MODELS_BY_ID.get(car.modelId)!;
      expect(model.engines).toContainEqual(car.engine);
      expect(model.drives).toContain(car.drive);
      expect(car.modelYear).toBeGreaterThanOrEqual(model.years.from);
      expect(car.modelYear).toBeLessThanOrEqual(Math.min(model.years.to, 2026));
      expect(car.firstRegistered <= "2026-06-01").toBe(true);
      expect(car.firstRegistered.slice(0, 4)).toBe(String(car.modelYear));
      expect(car.priceRub).toBeGreaterThanOrEqual(model.priceRub.min - 10_000);
      expect(car.priceRub).toBeLessThanOrEqual(model.priceRub.max + 10_000);
      expect(checkVin(car.vin, 2026)).toMatchObject({ checkDigitOk: true, modelYear: car.modelYear });
    }
  });

  it("restricts brands and plates to what was asked", () => {
    const rng = createRng(7);
    for (let i = 0; i < 200; i++) {
      const car = generateCar(rng, { brands: ["Haval", "Tank"], residence: "Ленинградская область" });
      expect(["Haval", "Tank"]).toContain(car.brand);
      const plate = checkPlate(car.plate);
      expect(plate.valid).toBe(true);
      expect(PLATE_REGIONS["Ленинградская область"]).toContain(plate.valid ? plate.region : "");
    }
    expect(() => generateCar(rng, { brands: ["Zaporozhets"] })).toThrow();
  });
});
