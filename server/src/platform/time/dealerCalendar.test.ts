import { describe, expect, it } from "vitest";
import { addDays, dealerDay, dealerHour, dealerMoment, dealerMonthStart } from "./dealerCalendar";

describe("the dealer's calendar", () => {
  it("starts the day at midnight Moscow time, 21:00 UTC the evening before", () => {
    expect(dealerDay(new Date("2026-11-25T20:59:00Z"))).toBe("2026-11-25");
    expect(dealerDay(new Date("2026-11-25T21:00:00Z"))).toBe("2026-11-26");
  });
  it("starts the month at midnight Moscow time on its first day", () => {
    expect(dealerMonthStart(new Date("2026-11-30T22:00:00Z")).toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(dealerMonthStart(new Date("2026-11-30T20:00:00Z")).toISOString()).toBe("2026-10-31T21:00:00.000Z");
  });
  it("places an hour of a dealer's day and reads it back", () => {
    const at = dealerMoment("2026-11-26", 10);
    expect(at.toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(dealerHour(at)).toBe(10);
    expect(dealerMoment("2026-11-26", 25).toISOString()).toBe("2026-11-26T22:00:00.000Z");
  });
  it("counts days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
