import type { TFunction } from "i18next";
import type { Formatters } from "../../i18n/format";

/** After the third unanswered call a task closes (the server's queues.ts MAX_ATTEMPTS). */
export const MAX_ATTEMPTS = 3;

// The dealer group's calendar is Moscow time, as on the server (platform/time/dealerCalendar.ts).
const DEALER_UTC_OFFSET_HOURS = 3;

/** The dealer's calendar day (YYYY-MM-DD) at a moment: what the API means by "today". */
export function dealerDay(at: Date = new Date()): string {
  return new Date(at.getTime() + DEALER_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The last dealer day of a task's window: the API's windowEnd is the first moment after it (midnight
 * Moscow time), which reads as "until 3 Dec, 00:00" where people mean "until 2 Dec".
 */
export function windowLastDay(windowEnd: string): string {
  return dealerDay(new Date(Date.parse(windowEnd) - 1));
}

/**
 * How urgent a task is by its times: the first call's deadline (SLA) passed; due on an earlier day and
 * not done; due today and the time has come; later today; a later day.
 */
export type DueState = "sla" | "overdue" | "now" | "today" | "later";

const startOfDay = (d: Date, plusDays = 0) =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + plusDays).getTime();

export function dueState(task: { dueAt: string; slaAt: string }, now: Date = new Date()): DueState {
  const due = Date.parse(task.dueAt);
  if (Date.parse(task.slaAt) <= now.getTime()) return "sla";
  if (due < startOfDay(now)) return "overdue";
  if (due <= now.getTime()) return "now";
  return due < startOfDay(now, 1) ? "today" : "later";
}

export const DUE_COLORS: Record<DueState, string> = {
  sla: "red",
  overdue: "orange",
  now: "orbit",
  today: "gray",
  later: "gray",
};

/** A moment near today as people say it: "today, 10:00", "tomorrow, 10:00", "25 Nov, 10:00". */
export function whenText(iso: string, t: TFunction, format: Formatters, now: Date = new Date()): string {
  const at = new Date(iso);
  const days = Math.round((startOfDay(at) - startOfDay(now)) / 86_400_000);
  if (days === 0) return t("tasks.when.today", { time: format.time(iso) });
  if (days === 1) return t("tasks.when.tomorrow", { time: format.time(iso) });
  if (days === -1) return t("tasks.when.yesterday", { time: format.time(iso) });
  return at.getFullYear() === now.getFullYear() ? format.shortDateTime(iso) : format.dateTime(iso);
}

/** Quick choices for "call back", "the client comes" and "move to": local times a person would pick. */
export const PRESETS = ["inHour", "inThreeHours", "tomorrowMorning", "inTwoDays", "inWeek"] as const;
export type Preset = (typeof PRESETS)[number];

const FIVE_MINUTES = 5 * 60_000;
const MORNING_HOUR = 10;

export function presetMoment(preset: Preset, now: Date = new Date()): Date {
  const roundUp = (ms: number) => new Date(Math.ceil(ms / FIVE_MINUTES) * FIVE_MINUTES);
  const morning = (plusDays: number) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + plusDays, MORNING_HOUR, 0);
  switch (preset) {
    case "inHour":
      return roundUp(now.getTime() + 60 * 60_000);
    case "inThreeHours":
      return roundUp(now.getTime() + 3 * 60 * 60_000);
    case "tomorrowMorning":
      return morning(1);
    case "inTwoDays":
      return morning(2);
    case "inWeek":
      return morning(7);
  }
}

/** A moment as a `datetime-local` value to the minute, in the browser's time zone. */
export function toLocalMinutes(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return "";
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
