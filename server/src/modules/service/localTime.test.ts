import { describe, expect, it } from "vitest";
import { isoWeekday, localDay, localMinute, localMoment, zoneOffsetMinutes } from "./localTime";

describe("a centre's local clock", () => {
  it("knows Moscow is three hours ahead all year", () => {
    expect(zoneOffsetMinutes("Europe/Moscow", Date.parse("2026-01-15T12:00:00Z"))).toBe(180);
    expect(zoneOffsetMinutes("Europe/Moscow", Date.parse("2026-07-15T12:00:00Z"))).toBe(180);
  });

  it("turns a local minute into an instant and back", () => {
    const at = localMoment("Europe/Moscow", "2026-12-07", 600);
    expect(new Date(at).toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(localDay("Europe/Moscow", at)).toBe("2026-12-07");
    expect(localMinute("Europe/Moscow", at)).toBe(600);
    // Just after local midnight is still the local day, though UTC is on the day before.
    const early = localMoment("Europe/Moscow", "2026-12-07", 30);
    expect(localDay("Europe/Moscow", early)).toBe("2026-12-07");
  });

  it("follows daylight saving where a zone has it", () => {
    // Berlin: 10:00 local is 09:00 UTC in winter, 08:00 UTC in summer.
    expect(new Date(localMoment("Europe/Berlin", "2026-01-10", 600)).toISOString()).toBe(
      "2026-01-10T09:00:00.000Z",
    );
    expect(new Date(localMoment("Europe/Berlin", "2026-07-10", 600)).toISOString()).toBe(
      "2026-07-10T08:00:00.000Z",
    );
  });

  it("numbers weekdays from Monday", () => {
    expect(isoWeekday("2026-12-07")).toBe(1);
    expect(isoWeekday("2026-12-13")).toBe(7);
  });
});
