import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

/** Scenario kinds and event source types in the interface language; unknown ones as they come. */
export function useScenarioLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: string) => (hasKey(ru.scenarios.kinds, k) ? t(`scenarios.kinds.${k}`) : k),
    kindText: (k: string) => (hasKey(ru.scenarios.kindTexts, k) ? t(`scenarios.kindTexts.${k}`) : undefined),
    source: (s: string) => (hasKey(ru.eventSources.sources, s) ? t(`eventSources.sources.${s}`) : s),
  };
}
