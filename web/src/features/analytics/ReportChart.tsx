import { BarChart } from "@mantine/charts";
import { type AnalyticsReport, UTILISATION_REFERENCE, UTILISATION_TARGET } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { CHART_SERIES, RATE_COLUMNS, rowLabel } from "./reportLabels";

const COLORS = ["indigo.6", "teal.6", "orange.6"];

/**
 * The report as bars, one group per row; shares as percentages. Utilisation carries the industry's 15%
 * and the group's 50% target as lines, so a dealership sees at a glance where it stands.
 */
export function ReportChart({ report }: { report: AnalyticsReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const series = CHART_SERIES[report.report];
  const rates = series.every((s) => RATE_COLUMNS.has(s));
  const data = report.rows
    .filter((r) => r.key !== "cycle")
    .map((r) => ({
      label: rowLabel(report, r, t, format),
      ...Object.fromEntries(
        series.map((s) => {
          const v = r[s];
          const n = typeof v === "number" ? v : 0;
          return [s, rates ? Math.round(n * 1000) / 10 : Math.round(n * 10) / 10];
        }),
      ),
    }));
  const percent = (share: number) => format.percent(share);
  return (
    <BarChart
      h={300}
      data={data}
      dataKey="label"
      series={series.map((s, i) => ({
        name: s,
        label: t(`analytics.columns.${s}` as "analytics.columns.due"),
        color: COLORS[i] ?? "gray.6",
      }))}
      withLegend={series.length > 1}
      unit={rates ? "%" : undefined}
      yAxisProps={rates ? { domain: [0, 100] } : undefined}
      referenceLines={
        report.report === "utilisation"
          ? [
              {
                y: UTILISATION_REFERENCE * 100,
                label: t("analytics.reference", { value: percent(UTILISATION_REFERENCE) }),
                color: "red.6",
              },
              {
                y: UTILISATION_TARGET * 100,
                label: t("analytics.target", { value: percent(UTILISATION_TARGET) }),
                color: "teal.7",
              },
            ]
          : undefined
      }
    />
  );
}
