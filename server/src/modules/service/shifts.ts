import type { ShiftPattern } from "@orbit/contracts";
import { clockMinutes, daysBetween, isoWeekday } from "./localTime";

export interface Absence {
  from: string;
  to: string;
}

/** A technician's working day in minutes of the local day, with the break (if any) to keep free. */
export interface ShiftDay {
  start: number;
  end: number;
  breakStart: number | null;
  breakEnd: number | null;
}

/** Whether the pattern puts the technician at work on the day, absences aside. */
export function worksOn(shift: ShiftPattern, day: string): boolean {
  if (shift.schedule === "weekdays") return shift.weekdays.includes(isoWeekday(day));
  // Two on, two off from the anchor, in both directions of time.
  const offset = daysBetween(shift.anchor ?? day, day);
  return ((offset % 4) + 4) % 4 < 2;
}

/** The technician's shift on a local day, or null when off (by the pattern or an absence). */
export function shiftOn(
  shift: ShiftPattern,
  day: string,
  absences: readonly Absence[] = [],
): ShiftDay | null {
  if (!worksOn(shift, day)) return null;
  if (absences.some((a) => a.from <= day && day <= a.to)) return null;
  return {
    start: clockMinutes(shift.start),
    end: clockMinutes(shift.end),
    breakStart: shift.breakStart ? clockMinutes(shift.breakStart) : null,
    breakEnd: shift.breakEnd ? clockMinutes(shift.breakEnd) : null,
  };
}
