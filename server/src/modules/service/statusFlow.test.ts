import { WORK_ORDER_STATUSES } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { canMove, nextStatuses } from "./statusFlow";

describe("work order statuses", () => {
  it("goes from booking to delivery through the workshop", () => {
    const path = ["booked", "arrived", "in_work", "waiting_parts", "in_work", "ready", "delivered"] as const;
    for (let i = 1; i < path.length; i++)
      expect(canMove(path[i - 1]!, path[i]!), `${path[i - 1]} -> ${path[i]}`).toBe(true);
  });

  it("ends at delivery, cancellation and no-show", () => {
    for (const s of ["delivered", "cancelled", "no_show"] as const) expect(nextStatuses(s)).toEqual([]);
  });

  it("does not skip the workshop or deliver what was never ready", () => {
    expect(canMove("booked", "delivered")).toBe(false);
    expect(canMove("in_work", "delivered")).toBe(false);
    expect(canMove("in_work", "cancelled")).toBe(false);
    expect(canMove("arrived", "no_show")).toBe(false);
  });

  it("has a rule for every status", () => {
    for (const s of WORK_ORDER_STATUSES) expect(Array.isArray(nextStatuses(s))).toBe(true);
  });
});
