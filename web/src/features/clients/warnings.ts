import type { FieldError } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { useClientLabels } from "./labels";

/**
 * A warning about a value the server could not read and dropped, e.g. { field: "phones.0", message:
 * '"12-34" is not a phone number (invalid length)' }: the field without its index, and the value.
 */
export function parseWarning(w: FieldError): { field: string; value: string | null } {
  const field = w.field.replace(/^body\./, "").replace(/\.\d+$/, "");
  const quoted = /^"(.*)" is not\b/.exec(w.message);
  const bare = /^(\S+) is not\b/.exec(w.message);
  return { field, value: quoted?.[1] ?? bare?.[1] ?? null };
}

/** The warning in the interface language; an unfamiliar one keeps the server's words after the field. */
export function useWarningText(): (w: FieldError) => string {
  const { t } = useTranslation();
  const labels = useClientLabels();
  return (w) => {
    const { field, value } = parseWarning(w);
    if (value !== null && hasKey(ru.clientWarnings, field)) return t(`clientWarnings.${field}`, { value });
    return `${labels.field(field)}: ${w.message}`;
  };
}
