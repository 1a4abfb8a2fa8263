import type { DealField, DealPanel, Role } from "@orbit/contracts";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

/** "2 d 3 h", "3 h 20 min", "12 min": how long a deal or a step took. */
export function durationText(seconds: number, t: TFunction): string {
  const m = Math.floor(seconds / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (d > 0) return t("deals.duration.days", { d, h: h % 24 });
  if (h > 0) return t("deals.duration.hours", { h, m: m % 60 });
  return t("deals.duration.minutes", { m });
}

/** The deals' vocabulary in the interface language; codes the app does not know are shown as they are. */
export function useDealLabels() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const edit = (processStep: string | null) => {
    const edits = ru.deals.timeline.edits as Record<string, string>;
    return processStep && Object.hasOwn(edits, processStep)
      ? (t as unknown as (k: string) => string)(`deals.timeline.edits.${processStep}`)
      : null;
  };
  const action = (a: string) => {
    const actions = ru.deals.timeline.actions as Record<string, string>;
    return Object.hasOwn(actions, a)
      ? (t as unknown as (k: string) => string)(`deals.timeline.actions.${a}`)
      : a;
  };
  return {
    field: (f: DealField) => t(`deals.fields.${f}`),
    panel: (p: DealPanel) => t(`deals.panels.${p}`),
    role: (r: Role) => t(`roles.${r}`),
    roles: (rs: readonly Role[]) => rs.map((r) => t(`roles.${r}`)).join(", "),
    status: (s: string) => (hasKey(ru.deals.statuses, s) ? t(`deals.statuses.${s}`) : s),
    stepStatus: (s: string) => (hasKey(ru.deals.stepStatus, s) ? t(`deals.stepStatus.${s}`) : s),
    /** A title kept in both languages (process and step names are data). */
    title: (x: { ru: string; en: string }) => (en ? x.en : x.ru),
    action,
    /** An edit of the deal's data, by the part it changed. */
    edit,
    duration: (seconds: number) => durationText(seconds, t),
  };
}
