import type { Locale } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useNotify } from "../../ui/notify";
import { useChangeLocale } from "../auth/session";

/** Switches the language for the signed-in employee; a failed save is reported, the switch stays. */
export function useLocaleSwitch(): (locale: Locale) => void {
  const { t } = useTranslation();
  const change = useChangeLocale();
  const notify = useNotify();
  return (locale) =>
    change.mutate(locale, {
      onError: () => notify.error(t("language.saveFailed")),
    });
}
