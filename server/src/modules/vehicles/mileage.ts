import type { MileageEstimate } from "@orbit/contracts";

export interface Reading {
  date: string;
  km: number;
}

const DAY = 86_400_000;
const YEAR = 365.25;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/** A car whose odometer history says little is assumed to do what an average Russian car does. */
export const DEFAULT_KM_PER_YEAR = 15_000;
const MIN_KM_PER_YEAR = 1_000;
const MAX_KM_PER_YEAR = 100_000;

/**
 * Readings that can all be true at once: the longest run that never goes down over time. An advisor's
 * typo ("54 300" typed "543 00" or "5 430") falls out because nothing after it agrees with it.
 */
function consistent(readings: readonly Reading[]): Reading[] {
  const sorted = [...readings].sort((a, b) => a.date.localeCompare(b.date) || a.km - b.km);
  const n = sorted.length;
  const best = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const gap = days(sorted[j]!.date, sorted[i]!.date);
      const rise = sorted[i]!.km - sorted[j]!.km;
      // Never backwards, and never faster than any car is driven.
      const plausible = rise >= 0 && rise <= Math.max(1, gap) * (MAX_KM_PER_YEAR / YEAR) + 500;
      if (plausible && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (best[i]! >= best[end]!) end = i;
  const out: Reading[] = [];
  for (let i = end; i >= 0 && n > 0; i = prev[i]!) out.unshift(sorted[i]!);
  return out;
}

/**
 * Today's odometer of a car from its readings (sales, service visits, the client's word): the rate of
 * the last three years of consistent readings, carried forward from the latest one. Service invitations
 * by mileage depend on it, so a car seen once, or never, gets the typical rate, and says so.
 */
export function estimateMileage(
  readings: readonly Reading[],
  today: string,
  registeredOn: string | null = null,
): MileageEstimate {
  const kept = consistent(readings.filter((r) => r.km >= 0 && r.date <= today));
  const last = kept.at(-1) ?? null;
  const recent = last ? kept.filter((r) => days(r.date, last.date) <= 3 * 365) : [];
  const first = recent[0];
  let kmPerYear = DEFAULT_KM_PER_YEAR;
  let basis: MileageEstimate["basis"] = "default";
  if (first && last && days(first.date, last.date) >= 60) {
    kmPerYear = ((last.km - first.km) / days(first.date, last.date)) * YEAR;
    basis = "readings";
  } else if (last && registeredOn && days(registeredOn, last.date) >= 180) {
    // One reading, but the car's age: the average since it was new.
    kmPerYear = (last.km / days(registeredOn, last.date)) * YEAR;
    basis = "readings";
  }
  kmPerYear = Math.min(MAX_KM_PER_YEAR, Math.max(MIN_KM_PER_YEAR, kmPerYear));
  const from = last ?? (registeredOn ? { date: registeredOn, km: 0 } : null);
  const km = from ? from.km + (Math.max(0, days(from.date, today)) / YEAR) * kmPerYear : 0;
  return {
    km: Math.round(km),
    kmPerYear: Math.round(kmPerYear),
    basis,
    lastReading: last ? { date: last.date, km: last.km } : null,
  };
}
