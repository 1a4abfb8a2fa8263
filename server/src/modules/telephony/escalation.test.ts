import { describe, expect, it } from "vitest";
import { callbackOwner, nextEscalation } from "./escalation";
import { inTime, monthBounds, ruleAmount } from "./points";

const steps = [
  { afterS: 20, target: "department_head" as const, userId: null },
  { afterS: 40, target: "director" as const, userId: null },
];
const rang = new Date("2026-11-26T10:00:00Z");

describe("escalation", () => {
  it("a chain goes to each step N seconds after the call began to ring, then stops", () => {
    expect(nextEscalation("chain", steps, 0, rang)).toEqual({
      step: 1,
      at: new Date("2026-11-26T10:00:20Z"),
    });
    expect(nextEscalation("chain", steps, 1, rang)).toEqual({
      step: 2,
      at: new Date("2026-11-26T10:00:40Z"),
    });
    expect(nextEscalation("chain", steps, 2, rang)).toBeNull();
  });
  it("the journal strategy never passes the call on, and its call-back goes to the queue", () => {
    expect(nextEscalation("journal", steps, 0, rang)).toBeNull();
    expect(callbackOwner("journal", 7)).toEqual({ assignee: null });
    expect(callbackOwner("chain", 7)).toEqual({ assignee: 7 });
  });
});

describe("points", () => {
  it("a fixed amount, or a multiple of the stake", () => {
    expect(ruleAmount({ points: -50, multiplier: null }, -50)).toBe(-50);
    expect(ruleAmount({ points: null, multiplier: 3 }, -50)).toBe(150);
  });
  it("a handover counts within the rule's time", () => {
    const answered = new Date("2026-11-26T10:00:00Z");
    expect(inTime(answered, new Date("2026-11-26T10:06:59Z"), 420)).toBe(true);
    expect(inTime(answered, new Date("2026-11-26T10:07:01Z"), 420)).toBe(false);
    expect(inTime(answered, new Date("2026-11-26T11:00:00Z"), null)).toBe(true);
  });
  it("months", () => {
    expect(monthBounds("2026-12")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
  });
});
