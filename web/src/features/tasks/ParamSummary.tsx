import { Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { useCardLabels } from "../workspace/labels";
import { fieldsFor, type ParamField } from "./paramFields";

/** A standard's or scenario's parameters in one line: "Maintenance interval, km: 15 000 · …". */
export function ParamSummary({
  table,
  kind,
  params,
}: {
  table: Record<string, ParamField[]>;
  kind: string;
  params: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  const month = useMemo(
    () => new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ru-RU", { month: "short" }),
    [i18n.language],
  );
  const parts = fieldsFor(table, kind, params).flatMap((f) => {
    const value = params[f.key];
    const label = hasKey(ru.params.labels, f.key) ? t(`params.labels.${f.key}`) : f.key;
    let text: string | null = null;
    if (typeof value === "number") text = f.type === "percent" ? format.percent(value) : format.number(value);
    else if (Array.isArray(value)) {
      text = value
        .map((v) =>
          f.type === "months" && typeof v === "number"
            ? month.format(new Date(2026, v - 1, 15))
            : f.type === "policyKinds"
              ? labels.policyKind(String(v))
              : f.type === "families"
                ? labels.offerFamily(String(v))
                : typeof v === "number"
                  ? format.number(v)
                  : String(v),
        )
        .join(", ");
    }
    return text ? [`${label}: ${text}`] : [];
  });
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
      {parts.join(" · ")}
    </Text>
  );
}
