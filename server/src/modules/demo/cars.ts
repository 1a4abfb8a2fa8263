// Cars for demo clients: a model from the catalog, a VIN that passes vehicles/vin.ts with a correct
// check digit, a Russian plate from the owner's region, and the facts a dealership records at sale.
import { modelYearCode, withCheckDigit } from "../vehicles/vin";
import type { Residence } from "./addresses";
import { CAR_CATALOG, type CarModel, type Drive, type Engine } from "./carCatalog";
import { DEFAULT_AS_OF, dayToIso, isoToDay, yearOf } from "./dates";
import { type Rng, scatter, substreams, WeightedTable } from "./random";

export type { BodyType, CarModel, ComfortClass, Drive, Engine, Fuel } from "./carCatalog";
export { CAR_CATALOG, CAR_MODELS_BY_ID } from "./carCatalog";

const SERIAL_SPACE = 1_000_000;
const VIN_DIGITS = "0123456789";
const OVERFLOW_PLANTS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/**
 * A VIN for the model and model year: the catalog's WMI, model code and plant, a serial, and a correct
 * check digit. Pass a distinct `serial` per car (a running number) for VINs unique across the data set;
 * without one the serial is random, and a million cars of one model year would share a few.
 */
export function generateVin(model: CarModel, year: number, rng: Rng, serial?: number): string {
  let tail = "";
  if (serial === undefined) {
    for (let i = 0; i < 6; i++) tail += VIN_DIGITS[rng.int(0, 9)];
  } else {
    tail = String(scatter(serial % SERIAL_SPACE, SERIAL_SPACE, 0x71e)).padStart(6, "0");
  }
  // Beyond a million serials the plant position carries the overflow, with letters other than the
  // model's own plant, so an overflow VIN never repeats one of the first million.
  let plant = model.vin.plant;
  if (serial !== undefined && serial >= SERIAL_SPACE) {
    const letters = OVERFLOW_PLANTS.replace(model.vin.plant, "");
    const overflow = Math.floor(serial / SERIAL_SPACE) - 1;
    if (overflow >= letters.length)
      throw new Error(
        `VIN serial ${serial} is beyond the ${letters.length + 1} million VINs a model can have`,
      );
    plant = letters[overflow]!;
  }
  return withCheckDigit(`${model.vin.wmi}${model.vin.vds}0${modelYearCode(year)}${plant}${tail}`);
}

// --- plates ------------------------------------------------------------------------------------------

export const PLATE_REGIONS: Record<Residence, readonly string[]> = {
  Москва: ["77", "97", "99", "177", "197", "199", "777", "797", "799"],
  "Московская область": ["50", "90", "150", "190", "750"],
  "Санкт-Петербург": ["78", "98", "178", "198"],
  "Ленинградская область": ["47", "147"],
};

// Newer codes are issued as older ones run out, so recent registrations carry the later codes; we simply
// weight the codes by how many cars still carry them.
const PLATE_REGION_WEIGHTS: Record<Residence, readonly number[]> = {
  Москва: [14, 10, 14, 14, 12, 12, 10, 8, 6],
  "Московская область": [35, 25, 20, 15, 5],
  "Санкт-Петербург": [35, 25, 25, 15],
  "Ленинградская область": [70, 30],
};

export function pickPlateRegion(residence: Residence, rng: Rng): string {
  return rng.weighted(PLATE_REGIONS[residence], PLATE_REGION_WEIGHTS[residence]);
}

const LETTERS = "АВЕКМНОРСТУХ";
const PLATE_SPACE = 12 * 12 * 12 * 999; // three letters and a number 001-999 per region code

/**
 * A private-car plate "А123ВС77" (compact form, as vehicles/plate.ts normalises it). A distinct `serial`
 * per car gives distinct plates within a region code (1.7 million of them); without one it is random.
 */
export function generatePlate(region: string, rng: Rng, serial?: number): string {
  const n =
    serial === undefined ? rng.int(0, PLATE_SPACE - 1) : scatter(serial % PLATE_SPACE, PLATE_SPACE, 0x91a);
  const number = (n % 999) + 1;
  let rest = Math.floor(n / 999);
  const l1 = LETTERS[rest % 12]!;
  rest = Math.floor(rest / 12);
  const l2 = LETTERS[rest % 12]!;
  const l3 = LETTERS[Math.floor(rest / 12)]!;
  return `${l1}${String(number).padStart(3, "0")}${l2}${l3}${region}`;
}

// --- a client's car ----------------------------------------------------------------------------------

export interface GeneratedCar {
  modelId: string;
  brand: string;
  model: string;
  modelYear: number;
  vin: string;
  plate: string;
  engine: Engine;
  drive: Drive;
  colour: string;
  /** First registration (sale to the first owner), YYYY-MM-DD. */
  firstRegistered: string;
  /** Odometer at firstRegistered: a few km for a new car, more for one bought used. */
  odometerAtRegistration: number;
  priceRub: number;
}

export interface CarOptions {
  asOf?: string;
  residence?: Residence;
  /** Restrict to these brands (a dealership's franchises); any brand when absent. */
  brands?: readonly string[];
  /** A running number making VIN and plate unique; see generateVin and generatePlate. */
  serial?: number;
}

const COLOURS = [
  "белый",
  "чёрный",
  "серый",
  "серебристый",
  "синий",
  "красный",
  "коричневый",
  "зелёный",
  "бежевый",
];
const COLOUR_WEIGHTS = [30, 22, 18, 12, 8, 4, 3, 2, 1];

const ALL_MODELS = new WeightedTable(
  CAR_CATALOG,
  CAR_CATALOG.map((m) => m.popularity),
);
const byBrands = new Map<string, WeightedTable<CarModel>>();

function modelTable(brands?: readonly string[]): WeightedTable<CarModel> {
  if (!brands || brands.length === 0) return ALL_MODELS;
  const key = brands.join("|");
  let table = byBrands.get(key);
  if (!table) {
    const models = CAR_CATALOG.filter((m) => brands.includes(m.brand));
    if (models.length === 0) throw new Error(`no catalog models for brands ${key}`);
    table = new WeightedTable(
      models,
      models.map((m) => m.popularity),
    );
    byBrands.set(key, table);
  }
  return table;
}

export function generateCar(rng: Rng, options: CarOptions = {}): GeneratedCar {
  const asOf = isoToDay(options.asOf ?? DEFAULT_AS_OF);
  const s = substreams(rng, ["model", "ids", "sale"]);
  const model = modelTable(options.brands).sample(s.model);
  const lastYear = Math.min(model.years.to, yearOf(asOf));
  const firstYear = Math.min(model.years.from, lastYear);
  const modelYear = s.model.int(firstYear, lastYear);
  const engine = s.model.pick(model.engines);
  const drive = s.model.pick(model.drives);

  // Sold between the model year's start and a year later (not after asOf); a tenth bought used.
  const yearStart = isoToDay(`${modelYear}-01-01`);
  const firstRegistered = s.sale.int(yearStart, Math.max(yearStart, Math.min(asOf, yearStart + 364)));
  const odometerAtRegistration = s.sale.chance(0.1) ? s.sale.int(5_000, 60_000) : s.sale.int(0, 30);
  const priceRub = Math.round(s.sale.int(model.priceRub.min, model.priceRub.max) / 10_000) * 10_000;

  const residence = options.residence ?? "Москва";
  return {
    modelId: model.id,
    brand: model.brand,
    model: model.model,
    modelYear,
    vin: generateVin(model, modelYear, s.ids, options.serial),
    plate: generatePlate(pickPlateRegion(residence, s.ids), s.ids, options.serial),
    engine,
    drive,
    colour: s.sale.weighted(COLOURS, COLOUR_WEIGHTS),
    firstRegistered: dayToIso(firstRegistered),
    odometerAtRegistration,
    priceRub,
  };
}
