import { TaskOutcome, type TaskOutcomeInput } from "@orbit/contracts";
import { fromLocalInput } from "../clients/display";

export const OUTCOMES = TaskOutcome.options;
export type Outcome = TaskOutcome;

/** The kinds of service visit a booked call can make (contracts' TaskOutcomeInput.booking.kind). */
export const WORK_KINDS = ["maintenance", "repair", "tyres", "bodywork", "diagnostics", "warranty"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** What acting on a task needs to know of it: the work list's Task and the card's CardTask both have it. */
export interface ActionableTask {
  id: number;
  clientId: number;
  queue: string;
  reason: { code: string };
  vehicleId: number | null;
  dueAt: string;
  windowEnd: string;
  attempts: number;
  assigneeUserId: number | null;
}

/** A booked service or call-centre task books a visit; a sales or finance one opens a deal. */
export function bookingMakesVisit(queue: string): boolean {
  return queue === "service" || queue === "call_center";
}

// As the server picks it when none is given (tasks.service.ts WORK_BY_REASON).
const WORK_BY_REASON: Record<string, WorkKind> = {
  maintenance_due_km: "maintenance",
  maintenance_due_time: "maintenance",
  tyres_summer: "tyres",
  tyres_winter: "tyres",
  warranty_ends: "diagnostics",
  abandoned_booking: "maintenance",
};

export function defaultWorkKind(reasonCode: string): WorkKind {
  return WORK_BY_REASON[reasonCode] ?? "repair";
}

/** Outcomes that need a moment: when to call back, when the client comes. */
export function needsMoment(outcome: Outcome | null): boolean {
  return outcome === "call_later" || outcome === "booked";
}

export interface OutcomeFormValues {
  outcome: Outcome | null;
  note: string;
  /** `datetime-local` values, local time. */
  callBackAt: string;
  bookingAt: string;
  bookingKind: WorkKind;
}

export function emptyOutcomeForm(task: Pick<ActionableTask, "reason">): OutcomeFormValues {
  return {
    outcome: null,
    note: "",
    callBackAt: "",
    bookingAt: "",
    bookingKind: defaultWorkKind(task.reason.code),
  };
}

/** Keys of `fieldErrors` the form's own checks give. */
export type MomentError = "required" | "date" | "future" | "afterWindow";
export type OutcomeErrors = Partial<
  Record<"outcome" | "callBackAt" | "bookingAt", MomentError | "chooseOutcome">
>;

function moment(value: string, now: Date): { iso: string } | { error: MomentError } {
  if (value.trim() === "") return { error: "required" };
  const iso = fromLocalInput(value);
  if (!iso) return { error: "date" };
  if (Date.parse(iso) <= now.getTime()) return { error: "future" };
  return { iso };
}

/**
 * The form as the API's TaskOutcomeInput, with the checks the server makes (a time in the future for
 * "call back" and "booked"), or the fields to fix. Only the chosen outcome's own fields are sent.
 */
export function toOutcomeRequest(
  values: OutcomeFormValues,
  task: Pick<ActionableTask, "queue">,
  now: Date = new Date(),
): { body: TaskOutcomeInput } | { errors: OutcomeErrors } {
  if (!values.outcome) return { errors: { outcome: "chooseOutcome" } };
  const note = values.note.trim();
  const body: TaskOutcomeInput = { outcome: values.outcome, ...(note ? { note } : {}) };
  if (values.outcome === "call_later") {
    const at = moment(values.callBackAt, now);
    if ("error" in at) return { errors: { callBackAt: at.error } };
    body.callBackAt = at.iso;
  }
  if (values.outcome === "booked") {
    const at = moment(values.bookingAt, now);
    if ("error" in at) return { errors: { bookingAt: at.error } };
    body.booking = bookingMakesVisit(task.queue) ? { at: at.iso, kind: values.bookingKind } : { at: at.iso };
  }
  return { body };
}

/** A new due time within the task's window (the server refuses one after it). */
export function toRescheduleRequest(
  value: string,
  task: Pick<ActionableTask, "windowEnd">,
  now: Date = new Date(),
): { dueAt: string } | { error: MomentError } {
  const at = moment(value, now);
  if ("error" in at) return at;
  if (Date.parse(at.iso) > Date.parse(task.windowEnd)) return { error: "afterWindow" };
  return { dueAt: at.iso };
}

/** Where the API's field errors go on the form: "booking.at" and "booking" at the booking time. */
export function outcomeFieldOf(apiField: string): keyof OutcomeErrors | null {
  if (apiField === "callBackAt") return "callBackAt";
  if (apiField === "booking" || apiField.startsWith("booking.")) return "bookingAt";
  if (apiField === "outcome") return "outcome";
  return null;
}
