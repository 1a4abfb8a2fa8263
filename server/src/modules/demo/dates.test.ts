import { describe, expect, it } from "vitest";
import { addMonths, civilFromDays, dayOfYear, dayToIso, isoToDay, yearOf, yearsBetween } from "./dates";

describe("day numbers", () => {
  it("round-trips ISO dates", () => {
    expect(isoToDay("1970-01-01")).toBe(0);
    expect(dayToIso(isoToDay("2024-02-29"))).toBe("2024-02-29");
    expect(isoToDay("2026-01-01") - isoToDay("2025-01-01")).toBe(365);
    expect(yearOf(isoToDay("2025-12-31"))).toBe(2025);
  });

  it("agrees with Date for every day from 1900 to 2100", () => {
    const wrong: string[] = [];
    for (let day = isoToDay("1900-01-01"); day <= isoToDay("2100-12-31"); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayToIso(day) !== iso || isoToDay(iso) !== day) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(civilFromDays(isoToDay("2024-02-29"))).toEqual([2024, 2, 29]);
  });

  it("counts days of the year from zero", () => {
    expect(dayOfYear(isoToDay("2025-01-01"))).toBe(0);
    expect(dayOfYear(isoToDay("2025-12-31"))).toBe(364);
    expect(dayOfYear(isoToDay("2024-12-31"))).toBe(365);
  });

  it("adds months clamped to the end of the month", () => {
    expect(dayToIso(addMonths(isoToDay("2025-01-31"), 1))).toBe("2025-02-28");
    expect(dayToIso(addMonths(isoToDay("2024-01-31"), 1))).toBe("2024-02-29");
    expect(dayToIso(addMonths(isoToDay("2025-11-15"), 14))).toBe("2027-01-15");
    expect(dayToIso(addMonths(isoToDay("2025-03-15"), -3))).toBe("2024-12-15");
    expect(dayToIso(addMonths(isoToDay("2025-08-31"), 1))).toBe("2025-09-30");
    expect(dayToIso(addMonths(isoToDay("2025-07-31"), 1))).toBe("2025-08-31");
    expect(dayToIso(addMonths(isoToDay("2025-12-31"), -1))).toBe("2025-11-30");
    expect(dayToIso(addMonths(isoToDay("2024-02-29"), -12 * 18))).toBe("2006-02-28");
  });

  it("computes whole years of age", () => {
    expect(yearsBetween(isoToDay("2000-06-15"), isoToDay("2026-06-14"))).toBe(25);
    expect(yearsBetween(isoToDay("2000-06-15"), isoToDay("2026-06-15"))).toBe(26);
  });
});
