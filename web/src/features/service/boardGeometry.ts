// The planning board's geometry: a day from opening to closing drawn left to right, jobs placed by their
// local minutes, and a card dropped somewhere turned back into a start time on the booking grid.

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight of an instant in the centre's time zone (a later day counts on: 1440+). */
export function localMinutes(iso: string, timeZone: string, day: string): number {
  let f = minuteFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    minuteFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  const localDay = `${p.year}-${p.month}-${p.day}`;
  const days = Math.round(
    (Date.parse(`${localDay}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
  );
  return days * 1440 + Number(p.hour) * 60 + Number(p.minute);
}

/** The instant of a local minute of the day in the zone (ISO, as the API takes it). */
export function instantOf(day: string, minutes: number, timeZone: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  // Correct by the zone's offset at that moment (read back through the formatter).
  const offset = localMinutes(new Date(guess).toISOString(), timeZone, day) - minutes;
  return new Date(guess - offset * 60_000).toISOString();
}

export interface Span {
  from: number;
  to: number;
}

/** The span the board shows: opening to closing, or a working day when the centre is closed. */
export function daySpan(open: string | null, close: string | null): Span {
  return open && close ? { from: clock(open), to: clock(close) } : { from: 8 * 60, to: 20 * 60 };
}

/** Left and width of a job in percent of the span, clipped to it. */
export function placement(start: number, end: number, span: Span): { left: number; width: number } {
  const total = span.to - span.from;
  const a = Math.max(span.from, Math.min(span.to, start));
  const b = Math.max(span.from, Math.min(span.to, end));
  return { left: ((a - span.from) / total) * 100, width: Math.max(((b - a) / total) * 100, 0.5) };
}

/** A card moved by `dx` pixels on a row `rowWidth` wide: its new start, snapped to `step` minutes. */
export function movedStart(start: number, dx: number, rowWidth: number, span: Span, step: number): number {
  const minutes = start + (dx / Math.max(rowWidth, 1)) * (span.to - span.from);
  return Math.round(minutes / step) * step;
}

/** The hours marked on the scale. */
export function hourMarks(span: Span): number[] {
  const out: number[] = [];
  for (let m = Math.ceil(span.from / 60) * 60; m <= span.to; m += 60) out.push(m);
  return out;
}

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
