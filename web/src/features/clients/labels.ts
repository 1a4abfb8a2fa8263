import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { useDealerships } from "../staff/api";
import { parseSourceSystem } from "./display";

/**
 * Client vocabulary in the interface language. Values come from the server and from import files,
 * so anything unknown (a CSV column, a new source system) is shown as it is.
 */
export function useClientLabels() {
  const { t } = useTranslation();
  const dealerships = useDealerships();
  const dealershipByCode = useMemo(
    () => new Map((dealerships.data ?? []).map((d) => [d.code, d])),
    [dealerships.data],
  );
  const dealershipById = useMemo(
    () => new Map((dealerships.data ?? []).map((d) => [d.id, d])),
    [dealerships.data],
  );
  return {
    field: (name: string) => (hasKey(ru.clientFields, name) ? t(`clientFields.${name}`) : name),
    segment: (s: string) => (hasKey(ru.segments, s) ? t(`segments.${s}`) : s),
    gender: (g: string) => (hasKey(ru.genders, g) ? t(`genders.${g}`) : g),
    kind: (k: string) => (hasKey(ru.partyKinds, k) ? t(`partyKinds.${k}`) : k),
    contactKind: (k: string) => (hasKey(ru.contactKinds, k) ? t(`contactKinds.${k}`) : k),
    documentKind: (k: string) => (hasKey(ru.documentKinds, k) ? t(`documentKinds.${k}`) : k),
    channel: (c: string) => (hasKey(ru.consentChannels, c) ? t(`consentChannels.${c}`) : c),
    purpose: (p: string) => (hasKey(ru.consentPurposes, p) ? t(`consentPurposes.${p}`) : p),
    reason: (r: string) => (hasKey(ru.versionReasons, r) ? t(`versionReasons.${r}`) : r),
    dealership: (id: number) => dealershipById.get(id)?.name ?? `#${id}`,
    /** "dms:MSK-KIA" -> "DMS · Orbita Kia Moscow"; "orbit" -> "Orbit (employee)". */
    source: (sourceSystem: string) => {
      const { kind, name } = parseSourceSystem(sourceSystem);
      if (kind === "orbit") return t("sources.orbit");
      if (kind === "portal") return t("sources.portal");
      if (kind === "dms") return t("sources.dms", { name: dealershipByCode.get(name)?.name ?? name });
      if (kind === "1c") return t("sources.oneC", { name });
      if (kind === "import") return t("sources.import", { name });
      return sourceSystem;
    },
  };
}

export type ClientLabels = ReturnType<typeof useClientLabels>;
