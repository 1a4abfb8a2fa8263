import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { describeReason, type Reason, reasonTitle } from "./reasonText";
import { type DueState, whenText } from "./taskDisplay";

const PRIORITIES: Record<number, keyof typeof ru.tasks.priorities> = { 1: "high", 2: "normal", 3: "low" };

/**
 * The work lists' vocabulary in the interface language. Queues, sources, outcomes and reason codes come
 * from the server and grow with it: a value not known here is shown as it is.
 */
export function useTaskLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  const tt = ru.tasks;
  return {
    queue: (v: string) => (hasKey(tt.queues, v) ? t(`tasks.queues.${v}`) : v),
    source: (v: string) => (hasKey(tt.sources, v) ? t(`tasks.sources.${v}`) : v),
    outcome: (v: string) => (hasKey(tt.outcomes, v) ? t(`tasks.outcomes.${v}`) : v),
    priority: (n: number) => {
      const key = PRIORITIES[n];
      return key ? t(`tasks.priorities.${key}`) : String(n);
    },
    dueState: (s: DueState) => t(`tasks.dueStates.${s}`),
    reason: (reason: Reason) => describeReason(reason, t, format),
    reasonTitle: (code: string) => reasonTitle(code, t),
    /** "today, 10:00", "tomorrow, 10:00", "25 Nov, 10:00". */
    when: (iso: string) => whenText(iso, t, format),
    requestField: (key: string) => (hasKey(tt.requestFields, key) ? t(`tasks.requestFields.${key}`) : key),
    result: (r: { type: string; id: number }) =>
      hasKey(tt.result, r.type) ? t(`tasks.result.${r.type}`, { id: r.id }) : `${r.type} #${r.id}`,
    lifecycleKind: (v: string) => (hasKey(ru.lifecycle.kinds, v) ? t(`lifecycle.kinds.${v}`) : v),
    lifecycleStatus: (v: string) => (hasKey(ru.lifecycle.statuses, v) ? t(`lifecycle.statuses.${v}`) : v),
  };
}

export type TaskLabels = ReturnType<typeof useTaskLabels>;

/** High priority stands out; normal and low are quiet. */
export function priorityColor(priority: number): string {
  return priority <= 1 ? "red" : priority === 2 ? "orbit" : "gray";
}
