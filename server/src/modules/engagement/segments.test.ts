import { describe, expect, it } from "vitest";
import { segmentOf } from "./segments";

const today = 20_000;
const base = {
  today,
  firstContactDay: today - 1000,
  activityDays: [today - 30],
  purchases: 0,
  blocked: false,
};

describe("segmentOf", () => {
  it("puts a blocked client in blocked whatever else is true", () => {
    expect(segmentOf({ ...base, blocked: true, purchases: 3 })).toBe("blocked");
  });
  it("calls a client of the last half year new", () => {
    expect(segmentOf({ ...base, firstContactDay: today - 100, activityDays: [today - 100] })).toBe("new");
  });
  it("calls a client gone quiet for over a year lapsed", () => {
    expect(segmentOf({ ...base, activityDays: [today - 400] })).toBe("lapsed");
  });
  it("calls a client back after a long pause returning", () => {
    expect(segmentOf({ ...base, activityDays: [today - 900, today - 20] })).toBe("returning");
  });
  it("calls two purchases or five visits loyal, else active", () => {
    expect(segmentOf({ ...base, activityDays: [today - 300, today - 10], purchases: 2 })).toBe("loyal");
    const visits = [today - 300, today - 240, today - 180, today - 120, today - 60];
    expect(segmentOf({ ...base, activityDays: visits })).toBe("loyal");
    expect(segmentOf({ ...base, activityDays: visits.slice(2) })).toBe("active");
  });
});
