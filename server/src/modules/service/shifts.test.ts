import { ShiftPattern } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { shiftOn, worksOn } from "./shifts";

const fiveTwo = ShiftPattern.parse({
  schedule: "weekdays",
  start: "09:00",
  end: "18:00",
  breakStart: "13:00",
  breakEnd: "14:00",
});
const twoTwo = ShiftPattern.parse({ schedule: "2/2", anchor: "2026-12-07", start: "08:00", end: "20:00" });

describe("shifts", () => {
  it("works Monday to Friday on a five-day week", () => {
    // 2026-12-07 is a Monday.
    expect(["2026-12-07", "2026-12-11", "2026-12-12", "2026-12-13"].map((d) => worksOn(fiveTwo, d))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("works two days, rests two, before and after the anchor", () => {
    const days = [
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
    ];
    expect(days.map((d) => worksOn(twoTwo, d))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it("gives the hours and the break in minutes of the day", () => {
    expect(shiftOn(fiveTwo, "2026-12-08")).toEqual({ start: 540, end: 1080, breakStart: 780, breakEnd: 840 });
    expect(shiftOn(twoTwo, "2026-12-07")).toEqual({
      start: 480,
      end: 1200,
      breakStart: null,
      breakEnd: null,
    });
  });

  it("is off on the days of an absence, inclusive", () => {
    const leave = [{ from: "2026-12-08", to: "2026-12-09" }];
    expect(shiftOn(fiveTwo, "2026-12-07", leave)).not.toBeNull();
    expect(shiftOn(fiveTwo, "2026-12-08", leave)).toBeNull();
    expect(shiftOn(fiveTwo, "2026-12-09", leave)).toBeNull();
    expect(shiftOn(fiveTwo, "2026-12-10", leave)).not.toBeNull();
  });

  it("refuses a break outside the shift and a 2/2 without its first day", () => {
    expect(ShiftPattern.safeParse({ schedule: "2/2", start: "08:00", end: "20:00" }).success).toBe(false);
    expect(
      ShiftPattern.safeParse({
        schedule: "weekdays",
        start: "09:00",
        end: "18:00",
        breakStart: "19:00",
        breakEnd: "20:00",
      }).success,
    ).toBe(false);
  });
});
