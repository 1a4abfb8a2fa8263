import type { AnalyticsReport } from "@orbit/contracts";
import { stringify } from "csv-stringify/sync";

/** A report's table as CSV with a BOM, so Excel opens the Cyrillic names right. */
export function reportCsv(report: Pick<AnalyticsReport, "columns" | "rows">): string {
  const rows = report.rows.map((r) => report.columns.map((c) => r[c] ?? ""));
  return `\uFEFF${stringify([report.columns, ...rows])}`;
}
