import { describe, expect, it } from "vitest";
import { daySpan, hhmm, hourMarks, instantOf, localMinutes, movedStart, placement } from "./boardGeometry";

describe("planning board geometry", () => {
  it("reads instants as the centre's local minutes", () => {
    expect(localMinutes("2026-12-07T07:30:00.000Z", "Europe/Moscow", "2026-12-07")).toBe(630);
    // After midnight local time the next day counts on past 24:00.
    expect(localMinutes("2026-12-07T21:30:00.000Z", "Europe/Moscow", "2026-12-07")).toBe(1470);
    expect(instantOf("2026-12-07", 630, "Europe/Moscow")).toBe("2026-12-07T07:30:00.000Z");
  });

  it("places a job within the open hours, clipped", () => {
    const span = daySpan("08:00", "20:00");
    expect(placement(9 * 60, 11 * 60, span)).toEqual({ left: (60 / 720) * 100, width: (120 / 720) * 100 });
    expect(placement(7 * 60, 9 * 60, span).left).toBe(0);
    expect(daySpan(null, null)).toEqual({ from: 480, to: 1200 });
  });

  it("turns a drag into a start on the grid", () => {
    const span = daySpan("08:00", "20:00");
    // 720 minutes over 1200 px: 100 px is an hour.
    expect(movedStart(600, 100, 1200, span, 15)).toBe(660);
    expect(movedStart(600, 13, 1200, span, 15)).toBe(615);
    expect(movedStart(600, -200, 1200, span, 15)).toBe(480);
  });

  it("marks the hours and writes times", () => {
    expect(hourMarks({ from: 510, to: 660 })).toEqual([540, 600, 660]);
    expect(hhmm(545)).toBe("09:05");
  });
});
