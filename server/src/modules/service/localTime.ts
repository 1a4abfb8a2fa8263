// A service centre's local clock. Dealerships carry an IANA time zone; the slot search works in
// epoch milliseconds and needs "10:00 on 2026-12-07 at this centre" as an instant, and back.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at a moment (180 for Moscow). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((local - Math.floor(at / 1000) * 1000) / MINUTE);
}

/** The instant of a minute of a local day ("2026-12-07", 600 is 10:00) in the zone. */
export function localMoment(timeZone: string, day: string, minuteOfDay: number): number {
  const naive = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * MINUTE;
  // The offset at the naive instant is right except within hours of a DST change; correct once.
  const first = naive - zoneOffsetMinutes(timeZone, naive) * MINUTE;
  return naive - zoneOffsetMinutes(timeZone, first) * MINUTE;
}

/**
 * Minute-of-day to instant for one local day, with the day's offset looked up once (at noon): working
 * hours never straddle a daylight-saving change, which happens at night. The slot search calls this
 * per day instead of asking Intl for every moment.
 */
export function dayClock(timeZone: string, day: string): (minuteOfDay: number) => number {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const offset = zoneOffsetMinutes(timeZone, midnight + 12 * 60 * MINUTE);
  return (m) => midnight + (m - offset) * MINUTE;
}

/** The local day (YYYY-MM-DD) of an instant in the zone. */
export function localDay(timeZone: string, at: number): string {
  return new Date(at + zoneOffsetMinutes(timeZone, at) * MINUTE).toISOString().slice(0, 10);
}

/** The local minute of the day (0..1439) of an instant in the zone. */
export function localMinute(timeZone: string, at: number): number {
  const local = at + zoneOffsetMinutes(timeZone, at) * MINUTE;
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

/** "09:30" as 570. */
export const clockMinutes = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 1 Monday ... 7 Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export const nextDay = (day: string, n = 1): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
