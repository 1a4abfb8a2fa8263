import type { ActionLogEntry } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

/** Known log vocabulary in the interface language; anything new is shown as recorded. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const table = ru.audit;
  return {
    entityType: (type: string) => (hasKey(table.entityTypes, type) ? t(`audit.entityTypes.${type}`) : type),
    entity: (entry: Pick<ActionLogEntry, "entityType" | "entityId">) =>
      t("audit.entityRef", {
        type: hasKey(table.entityTypes, entry.entityType)
          ? t(`audit.entityTypes.${entry.entityType}`)
          : entry.entityType,
        id: entry.entityId,
      }),
    action: (action: string) => {
      // A call's outcome is logged as "outcome:<outcome>"; i18next reads ":" as a namespace, so it is split here.
      const outcome = /^outcome:(.+)$/.exec(action)?.[1];
      if (outcome) {
        const name = hasKey(ru.tasks.outcomes, outcome) ? t(`tasks.outcomes.${outcome}`) : outcome;
        return t("audit.actions.outcome", { outcome: name });
      }
      return hasKey(table.actions, action) ? t(`audit.actions.${action}`) : action;
    },
    step: (step: string) => {
      // Steps are dotted ids ("staff.onboarding"), and i18next reads dots as nesting.
      const key = step.replaceAll(".", "_");
      return hasKey(table.steps, key) ? t(`audit.steps.${key}`) : step;
    },
    field: (field: string) => (hasKey(table.fields, field) ? t(`audit.fields.${field}`) : field),
    role: (role: string) => (hasKey(ru.roles, role) ? t(`roles.${role}`) : role),
    /** "Система · demo" for writes by a named process (role "system:<name>"). */
    actor: (entry: Pick<ActionLogEntry, "actorName" | "actorRole">) => {
      if (entry.actorName) return entry.actorName;
      const process = entry.actorRole?.startsWith("system:") ? entry.actorRole.slice("system:".length) : null;
      return process ? `${t("audit.system")} · ${process}` : t("audit.system");
    },
  };
}

export function actionColor(action: string): string {
  if (action.startsWith("create")) return "teal";
  if (action.startsWith("update")) return "orbit";
  if (action.startsWith("delete")) return "red";
  return "gray";
}
