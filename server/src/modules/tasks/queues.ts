import type { Role } from "@orbit/contracts";
import { addDays, dealerDay, dealerHour, dealerMoment } from "../../platform/time/dealerCalendar";

type Queue = "sales" | "service" | "finance" | "call_center" | "appraisal";

/** The department queues each role works from when a task has no owner yet. */
export function queuesOf(role: Role): Queue[] {
  switch (role) {
    case "salesperson":
      return ["sales"];
    // In a smaller dealership the head of sales appraises trade-ins himself.
    case "sales_manager":
      return ["sales", "appraisal"];
    case "service_advisor":
      return ["service"];
    case "fi_specialist":
      return ["finance"];
    case "appraiser":
      return ["appraisal"];
    // The contact centre makes service invitations and answers web requests for every department.
    case "call_center_operator":
    case "call_center_head":
      return ["call_center", "service"];
    case "admin":
    case "director":
      return ["sales", "service", "finance", "call_center", "appraisal"];
    case "personal_manager":
    case "marketer":
      return [];
  }
}

/** Maximum attempts to reach a client before a task closes as not reached. */
export const MAX_ATTEMPTS = 3;

/**
 * When to try again after no answer: two hours later within calling hours, else the next morning an hour
 * after calls may start (the first calls of the day are the ones left from yesterday); the third attempt
 * is the last.
 */
export function nextAttempt(
  now: Date,
  attempts: number,
  callFromHour: number,
  callToHour: number,
): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  // Calling hours are the dealer's local time.
  const later = new Date(now.getTime() + 2 * 3_600_000);
  const hour = dealerHour(later);
  if (hour >= callFromHour && hour < callToHour - 1) return later;
  // Before calling hours (past midnight): that morning; after them: the morning after.
  const day = dealerDay(later);
  return dealerMoment(hour < callFromHour ? day : addDays(day, 1), callFromHour + 1);
}
