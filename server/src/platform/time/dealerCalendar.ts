/**
 * The dealer group's calendar: its days, months and calling hours are Moscow time (UTC+3 all year,
 * no daylight saving since 2014). Server clocks run in UTC; everything that means "today" or "this
 * month" for a dealer goes through here.
 */
export const DEALER_TIME_ZONE = "Europe/Moscow";
export const DEALER_UTC_OFFSET_HOURS = 3;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The dealer's calendar day (YYYY-MM-DD) at a moment. */
export function dealerDay(at: Date = new Date()): string {
  return new Date(at.getTime() + DEALER_UTC_OFFSET_HOURS * HOUR).toISOString().slice(0, 10);
}

/** The moment the dealer's month containing `at` began (its first day, 00:00 Moscow). */
export function dealerMonthStart(at: Date = new Date()): Date {
  const local = new Date(at.getTime() + DEALER_UTC_OFFSET_HOURS * HOUR);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - DEALER_UTC_OFFSET_HOURS * HOUR);
}

/** The moment an hour of the dealer's day (fractional days and hours past 24 roll over). */
export function dealerMoment(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - DEALER_UTC_OFFSET_HOURS) * HOUR);
}

/** The dealer's hour of day (0-23) at a moment. */
export function dealerHour(at: Date): number {
  return new Date(at.getTime() + DEALER_UTC_OFFSET_HOURS * HOUR).getUTCHours();
}

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
