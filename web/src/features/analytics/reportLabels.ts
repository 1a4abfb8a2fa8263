import type { AnalyticsReport } from "@orbit/contracts";
import type { TFunction } from "i18next";
import type { Formatters } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

type Row = AnalyticsReport["rows"][number];

/** Columns that are shares (0..1), shown as percentages and charted on a 0-100 scale. */
export const RATE_COLUMNS = new Set([
  "utilisation",
  "walletShare",
  "conversion",
  "showUpRate",
  "strikeRate",
  "answerRate",
  "bookingRate",
  "adherence",
]);
const MONEY_COLUMNS = new Set(["revenue", "revenuePerClient"]);
const HOUR_COLUMNS = new Set(["medianHours", "p90Hours", "callbackMinutes"]);

/** A process step ("service.arrived", "deal.credit") in the employee's words when the app knows it. */
export function stepLabel(step: string, t: TFunction): string {
  const [area, code = ""] = step.split(".");
  if (area === "service" && hasKey(ru.service.statuses, code)) return t(`service.statuses.${code}`);
  return code.replace(/[_.]+/g, " ") || step;
}

/** What a row is about, in words: a kind, a source, a channel, a month, a year of ownership, a name. */
export function rowLabel(report: AnalyticsReport, row: Row, t: TFunction, format: Formatters): string {
  const key = row.key === null ? null : String(row.key);
  const label = row.label === null ? null : String(row.label);
  if (report.report === "utilisation" && report.by === "month" && key)
    return format.monthYear(new Date(`${key}-01T12:00:00Z`));
  if (report.report === "utilisation" && (report.by ?? "kind") === "kind" && key)
    return hasKey(ru.lifecycle.kinds, key) ? t(`lifecycle.kinds.${key}`) : key;
  if (report.report === "wallet") return t("analytics.year", { year: key });
  if (report.report === "funnel" && key)
    return hasKey(ru.analytics.sources, key) ? t(`analytics.sources.${key}`) : key;
  if (report.report === "showUp" && key)
    return hasKey(ru.service.channels, key) ? t(`service.channels.${key}`) : key;
  if (report.report === "process") {
    if (key === "cycle") return t("analytics.cycle");
    if ((report.by ?? "step") === "step" && key) return stepLabel(key, t);
  }
  if (label) return label;
  return report.report === "utilisation" ? t("analytics.nobody") : t("analytics.unknown");
}

export function cellText(column: string, value: Row[string], format: Formatters): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return value;
  if (RATE_COLUMNS.has(column)) return format.percent(value);
  if (MONEY_COLUMNS.has(column)) return format.money(value);
  if (HOUR_COLUMNS.has(column)) return format.number(Math.round(value * 10) / 10);
  return format.number(value);
}

/** The series each report charts. */
export const CHART_SERIES: Record<AnalyticsReport["report"], string[]> = {
  utilisation: ["utilisation"],
  wallet: ["walletShare"],
  funnel: ["leads", "won"],
  showUp: ["showUpRate"],
  strikeRate: ["strikeRate"],
  calls: ["answered", "missed"],
  process: ["medianHours", "p90Hours"],
};
