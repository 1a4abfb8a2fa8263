// The true odometer of a generated car at any date, and the readings service advisors record at its
// visits. Estimating a car's current mileage from sparse, noisy readings is a product feature (service
// invitations by estimated mileage); keeping the truth beside the readings lets a test score it.
import { addMonths, dayOfYear, dayToIso, isoToDay } from "./dates";
import type { Rng } from "./random";

export interface DrivingProfile {
  /** The day startKm was true, usually first registration. */
  startDate: string;
  startKm: number;
  /** Long-run km per year before yearly drift and seasons. */
  kmPerYear: number;
  /** Amplitude of the seasonal swing: 0.2 means 20% more per day at midsummer, 20% less at midwinter. */
  seasonality: number;
  /** Multiplier for each year since startDate (a new job, a second car); the last one holds after. */
  yearFactors: number[];
}

const YEAR = 365.25;
const MIDSUMMER = 195; // mid-July: the dacha and holiday season

export function generateDrivingProfile(
  rng: Rng,
  car: { annualKm: { low: number; high: number }; startDate: string; startKm?: number },
): DrivingProfile {
  // Log-normal with the catalog's band as its 10th and 90th percentiles.
  const median = Math.sqrt(car.annualKm.low * car.annualKm.high);
  const sigma = Math.log(car.annualKm.high / car.annualKm.low) / (2 * 1.2816);
  const kmPerYear = Math.min(100_000, Math.max(1_000, Math.round(median * Math.exp(rng.normal(0, sigma)))));
  const yearFactors = [1];
  for (let i = 1; i < 12; i++) {
    const next = yearFactors[i - 1]! * Math.exp(rng.normal(0, 0.12));
    yearFactors.push(Math.min(1.6, Math.max(0.5, next)));
  }
  return {
    startDate: car.startDate,
    startKm: car.startKm ?? 0,
    kmPerYear,
    seasonality: 0.1 + rng.next() * 0.25,
    yearFactors,
  };
}

// Integral of the seasonal factor 1 + a·cos(2π(doy - midsummer)/year) from day 0 to t, where doy on
// day 0 is phase0. Its mean over a year is 1, so seasons move km within a year without adding any.
function seasonalDays(t: number, phase0: number, a: number): number {
  const w = (2 * Math.PI) / YEAR;
  return t + (a / w) * (Math.sin(w * (phase0 + t - MIDSUMMER)) - Math.sin(w * (phase0 - MIDSUMMER)));
}

function mileageOnDay(profile: DrivingProfile, start: number, phase0: number, day: number): number {
  const t = day - start;
  if (t <= 0) return profile.startKm;
  const perDay = profile.kmPerYear / YEAR;
  let km = profile.startKm;
  let from = 0;
  for (let year = 0; from < t; year++) {
    const to = Math.min(t, (year + 1) * YEAR);
    const factor = profile.yearFactors[Math.min(year, profile.yearFactors.length - 1)]!;
    km +=
      perDay *
      factor *
      (seasonalDays(to, phase0, profile.seasonality) - seasonalDays(from, phase0, profile.seasonality));
    from = to;
  }
  return km;
}

/** True odometer reading (whole km) on a date, YYYY-MM-DD. */
export function mileageAt(profile: DrivingProfile, date: string): number {
  const start = isoToDay(profile.startDate);
  return Math.round(mileageOnDay(profile, start, dayOfYear(start), isoToDay(date)));
}

export type ReadingKind = "exact" | "rounded" | "typo";

export interface OdometerReading {
  date: string;
  /** As the service advisor typed it. */
  km: number;
  /** What the odometer showed. */
  trueKm: number;
  kind: ReadingKind;
}

export interface ReadingOptions {
  maintenance: { km: number; months: number };
  /** Last day to generate visits for, YYYY-MM-DD. */
  until: string;
  /** Share of readings rounded to hundreds or thousands, and with a typing error. */
  roundedShare?: number;
  typoShare?: number;
  /** Share of due visits skipped, and the chance to stop coming after a visit (under warranty, after). */
  skipShare?: number;
  stopShare?: { underWarranty: number; after: number };
}

// A digit dropped, doubled, or two neighbours swapped: the errors a tired advisor makes.
function typo(km: number, rng: Rng): number {
  const s = String(km);
  if (s.length < 3) return km + 1;
  const i = rng.int(0, s.length - 2);
  const variant = rng.int(0, 2);
  const out =
    variant === 0
      ? s.slice(0, i) + s.slice(i + 1)
      : variant === 1
        ? s.slice(0, i) + s[i] + s.slice(i)
        : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  const n = Number(out);
  return n === km ? km + 10 ** rng.int(1, 3) : n;
}

/**
 * Odometer readings at maintenance visits to the dealer from the profile's start until `until`. Owners
 * come when either the km or the months of the interval run out, a few weeks early or late; some skip a
 * visit, and some stop coming (more often once the warranty, taken as three years, is over).
 */
export function generateServiceReadings(
  profile: DrivingProfile,
  rng: Rng,
  options: ReadingOptions,
): OdometerReading[] {
  const start = isoToDay(profile.startDate);
  const phase0 = dayOfYear(start);
  const until = isoToDay(options.until);
  const at = (day: number) => mileageOnDay(profile, start, phase0, day);
  const roundedShare = options.roundedShare ?? 0.05;
  const typoShare = options.typoShare ?? 0.03;
  const readings: OdometerReading[] = [];

  let last = start;
  let lastKm = profile.startKm;
  for (;;) {
    // Due when the km or the months run out, whichever first.
    const byTime = addMonths(last, options.maintenance.months);
    let due = byTime;
    const targetKm = lastKm + options.maintenance.km;
    if (at(byTime) >= targetKm) {
      let lo = last;
      let hi = byTime;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (at(mid) >= targetKm) hi = mid;
        else lo = mid;
      }
      due = hi;
    }
    if (rng.chance(options.skipShare ?? 0.1)) {
      // Skipped: the next due point counts from here, as if serviced elsewhere or not at all.
      last = due;
      lastKm = targetKm;
      if (due > until) break;
      continue;
    }
    const visit = Math.max(last + 1, due + Math.round(Math.min(120, Math.max(-30, rng.normal(10, 25)))));
    if (visit > until) break;
    const trueKm = Math.round(at(visit));
    const roll = rng.next();
    let km = trueKm;
    let kind: ReadingKind = "exact";
    if (roll < typoShare) {
      km = typo(trueKm, rng);
      kind = "typo";
    } else if (roll < typoShare + roundedShare) {
      const unit = rng.chance(0.5) ? 100 : 1000;
      km = Math.round(trueKm / unit) * unit;
      kind = "rounded";
    }
    readings.push({ date: dayToIso(visit), km, trueKm, kind });
    last = visit;
    lastKm = trueKm;
    const underWarranty = visit - start < 3 * YEAR;
    const stop = options.stopShare ?? { underWarranty: 0.03, after: 0.15 };
    if (rng.chance(underWarranty ? stop.underWarranty : stop.after)) break;
  }
  return readings;
}
