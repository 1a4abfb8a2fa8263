import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

type ReasonKey = keyof typeof ru.imports.reasons;
type WarningField = keyof typeof ru.clientWarnings;

export type ReasonPart =
  | { reason: ReasonKey; values: Record<string, string> }
  | { warning: WarningField; value: string }
  | { text: string };

const PATTERNS: [RegExp, ReasonKey, string[]][] = [
  [/^(?:lastName|firstName|fullName): a name is required$/, "nameRequired", []],
  [/^(?:companyName|inn): a company name or INN is required$/, "companyRequired", []],
  [/^repeats the key "(.*)" of row (\d+)$/, "repeatsKey", ["key", "row"]],
  [/^already imported as client (\d+)$/, "alreadyImported", ["id"]],
  [/^(.+): "(.*)" is not a date$/, "notADate", ["column", "value"]],
];

/**
 * The server words why a row was rejected, skipped or warned about in English ("lastName: a name is
 * required; ..."): the known reasons become translatable parts, anything else stays as written.
 */
export function parseReason(reason: string): ReasonPart[] {
  return reason.split("; ").map((part) => {
    for (const [re, key, names] of PATTERNS) {
      const m = re.exec(part);
      if (m) return { reason: key, values: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ""])) };
    }
    const dropped = /^(\w+?)(?:\.\d+)?: "(.*)" is not\b/.exec(part);
    if (dropped?.[1] && hasKey(ru.clientWarnings, dropped[1]))
      return { warning: dropped[1], value: dropped[2] ?? "" };
    return { text: part };
  });
}

export function useReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  const known = ({ reason, values: v }: { reason: ReasonKey; values: Record<string, string> }) => {
    switch (reason) {
      case "repeatsKey":
        return t("imports.reasons.repeatsKey", { key: v.key, row: v.row });
      case "alreadyImported":
        return t("imports.reasons.alreadyImported", { id: v.id });
      case "notADate":
        return t("imports.reasons.notADate", { column: v.column, value: v.value });
      default:
        return t(`imports.reasons.${reason}`);
    }
  };
  return (reason) =>
    parseReason(reason)
      .map((p) =>
        "reason" in p
          ? known(p)
          : "warning" in p
            ? t(`clientWarnings.${p.warning}`, { value: p.value })
            : p.text,
      )
      .join("; ");
}
