import type { WorkOrderStatus } from "@orbit/contracts";

export const STATUS_COLORS: Record<WorkOrderStatus, string> = {
  booked: "blue",
  arrived: "cyan",
  in_work: "orange",
  waiting_parts: "grape",
  ready: "teal",
  delivered: "gray",
  cancelled: "gray",
  no_show: "red",
};

/** The nearest free time the server names when an asked time is taken, if it named one. */
export function nearestFreeTime(message: string): string | null {
  return /nearest free time is (\S+?)(?:[;"]|$)/.exec(message)?.[1] ?? null;
}
