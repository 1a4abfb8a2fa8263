import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../api/client";
import { hasKey } from "../i18n/lookup";
import { ru } from "../i18n/ru";

/** A sentence for the user in the interface language; the server's English message is for the log. */
export function useApiErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiRequestError && hasKey(ru.errors, error.code)) return t(`errors.${error.code}`);
    if (error instanceof ApiRequestError && error.status >= 500) return t("errors.internal_error");
    return t("errors.unknown");
  };
}

export function requestIdOf(error: unknown): string | undefined {
  return error instanceof ApiRequestError ? error.requestId : undefined;
}
