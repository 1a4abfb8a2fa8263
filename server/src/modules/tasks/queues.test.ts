import { describe, expect, it } from "vitest";
import { nextAttempt, queuesOf } from "./queues";

describe("nextAttempt", () => {
  it("tries again two hours later during calling hours", () => {
    // 11:00 Moscow
    expect(nextAttempt(new Date("2026-11-26T08:00:00Z"), 1, 9, 21)?.toISOString()).toBe(
      "2026-11-26T10:00:00.000Z",
    );
  });
  it("moves a late no-answer to the next morning", () => {
    // 19:30 Moscow: 21:30 would be after hours
    expect(nextAttempt(new Date("2026-11-26T16:30:00Z"), 1, 9, 21)?.toISOString()).toBe(
      "2026-11-27T07:00:00.000Z",
    );
  });
  it("moves a no-answer after midnight to that same morning, not the next", () => {
    // 23:30 Moscow: 01:30 is the next day, its morning is 10:00
    expect(nextAttempt(new Date("2026-11-26T20:30:00Z"), 1, 9, 21)?.toISOString()).toBe(
      "2026-11-27T07:00:00.000Z",
    );
    // 05:00 Moscow: 07:00 is before calling hours, so 10:00 the same day
    expect(nextAttempt(new Date("2026-11-26T02:00:00Z"), 2, 9, 21)?.toISOString()).toBe(
      "2026-11-26T07:00:00.000Z",
    );
  });
  it("gives up after the third attempt", () => {
    expect(nextAttempt(new Date("2026-11-26T08:00:00Z"), 3, 9, 21)).toBeNull();
  });
});

describe("queuesOf", () => {
  it("routes roles to their department queues", () => {
    expect(queuesOf("service_advisor")).toEqual(["service"]);
    expect(queuesOf("call_center_operator")).toContain("service");
    expect(queuesOf("marketer")).toEqual([]);
  });
});
