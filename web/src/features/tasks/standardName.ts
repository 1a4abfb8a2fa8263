import type { ContactStandard } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

/** A standard's own name, else its kind's ("Maintenance invitation"), else its code. */
export function useStandardName() {
  const { t } = useTranslation();
  return (s: Pick<ContactStandard, "name" | "kind" | "code">) =>
    s.name?.trim() || (hasKey(ru.standards.kinds, s.kind) ? t(`standards.kinds.${s.kind}`) : s.code);
}

/** What a kind of standard does, in a sentence; nothing for a kind this app does not know. */
export function useStandardKindText() {
  const { t } = useTranslation();
  return (kind: string) => (hasKey(ru.standards.kindTexts, kind) ? t(`standards.kindTexts.${kind}`) : null);
}
