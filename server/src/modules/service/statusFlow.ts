import type { WorkOrderStatus } from "@orbit/contracts";

/**
 * Where a work order may go from each status. A booked car arrives, is cancelled or does not come; the
 * workshop works on it, may wait for parts, finishes it; the advisor delivers it. Delivered, cancelled
 * and no-show are final; an arrival recorded by mistake can go back to booked.
 */
const NEXT: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  booked: ["arrived", "cancelled", "no_show"],
  arrived: ["in_work", "booked", "cancelled"],
  in_work: ["waiting_parts", "ready"],
  waiting_parts: ["in_work", "ready"],
  ready: ["delivered", "in_work"],
  delivered: [],
  cancelled: [],
  no_show: [],
};

export function nextStatuses(from: WorkOrderStatus): readonly WorkOrderStatus[] {
  return NEXT[from];
}

export function canMove(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses whose time on the plan may still be moved (the car is not yet in work). */
export const MOVABLE: readonly WorkOrderStatus[] = ["booked", "arrived"];

/** Statuses that hold their post and technician. */
export const HOLDS_TIME: readonly WorkOrderStatus[] = [
  "booked",
  "arrived",
  "in_work",
  "waiting_parts",
  "ready",
  "delivered",
];
