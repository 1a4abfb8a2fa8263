import { CAR_MODELS_BY_ID, type CarModel, type GeneratedCar, generateCar } from "../cars";
import { dayToIso, isoToDay } from "../dates";
import { type DrivingProfile, generateDrivingProfile, mileageAt } from "../mileage";
import type { Residence } from "../people";
import type { ClientStory } from "./context";

/** A car in a client's life: when it came and (if it did) when it went. */
export interface OwnedCar {
  vehicleId: number;
  car: GeneratedCar;
  model: CarModel;
  profile: DrivingProfile;
  from: number;
  to: number | null;
  ownerPartyId: number;
}

const BODY: Record<string, string> = {
  suv: "suv",
  crossover: "crossover",
  sedan: "sedan",
  hatchback: "hatchback",
  wagon: "wagon",
  minivan: "minivan",
  pickup: "pickup",
};
// Chinese brands sell with longer warranties in Russia; the rest give three years.
const WARRANTY_YEARS: Record<string, number> = {
  Haval: 5,
  Tank: 5,
  Chery: 5,
  Exeed: 5,
  Omoda: 5,
  Geely: 5,
  Changan: 5,
};

export interface CarRequest {
  /** First registration: a new car on its purchase day, a used one years before. */
  registeredDay: number;
  brands?: readonly string[];
  residence: Residence;
  ownerPartyId: number;
  from: number;
  sourceSystem: string;
}

/** Creates a car with its VIN and plate, writes it and its owner. */
export function acquireCar(c: ClientStory, req: CarRequest): OwnedCar {
  const vehicleId = c.w.nextId("vehicle");
  const generated = generateCar(c.rng, {
    asOf: dayToIso(req.registeredDay),
    residence: req.residence,
    ...(req.brands?.length ? { brands: req.brands } : {}),
    serial: vehicleId,
  });
  const car = { ...generated, firstRegistered: dayToIso(req.registeredDay) };
  const model = CAR_MODELS_BY_ID.get(car.modelId);
  if (!model) throw new Error(`unknown model ${car.modelId}`);
  const profile = generateDrivingProfile(c.rng, {
    annualKm: model.annualKm,
    startDate: car.firstRegistered,
    startKm: car.odometerAtRegistration,
  });
  const warrantyYears = WARRANTY_YEARS[car.brand] ?? 3;
  c.w.add("vehicles", [
    vehicleId,
    car.vin,
    car.brand,
    car.model,
    car.modelYear,
    BODY[model.body] ?? null,
    car.engine.fuel,
    car.drive.toLowerCase(),
    car.colour,
    car.plate,
    car.firstRegistered,
    dayToIso(req.registeredDay + warrantyYears * 365),
  ]);
  const owned: OwnedCar = {
    vehicleId,
    car,
    model,
    profile,
    from: req.from,
    to: null,
    ownerPartyId: req.ownerPartyId,
  };
  return owned;
}

/** Writes the ownership rows once the car's story is known (sold or still owned). */
export function recordOwnership(c: ClientStory, owned: OwnedCar, sourceSystem: string): void {
  c.w.add("vehicle_ownerships", [
    owned.vehicleId,
    owned.ownerPartyId,
    "owner",
    dayToIso(owned.from),
    owned.to === null ? null : dayToIso(owned.to),
    sourceSystem,
  ]);
}

/** The day the factory warranty ends. */
export const warrantyEndOf = (owned: OwnedCar) =>
  isoToDay(owned.car.firstRegistered) + (WARRANTY_YEARS[owned.car.brand] ?? 3) * 365;

export const kmOn = (owned: OwnedCar, day: number) => Math.round(mileageAt(owned.profile, dayToIso(day)));
