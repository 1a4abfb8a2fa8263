import { Paper, Stack, Table, Text } from "@mantine/core";
import type { AnalyticsReport } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { cellText, rowLabel, stepLabel } from "./reportLabels";

export function ReportTable({ report }: { report: AnalyticsReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = report.columns.filter((c) => c !== "key" && c !== "label");
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
        <Table aria-label={t(`analytics.tabs.${report.report}`)} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {columns.map((c) => (
                <Table.Th key={c} ta="right">
                  {t(`analytics.columns.${c}` as "analytics.columns.due")}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={String(row.key)}>
                <Table.Td>{rowLabel(report, row, t, format)}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c} ta="right" data-column={c}>
                    {cellText(c, row[c] ?? null, format)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {report.factsAsOf !== undefined && (
        <Text size="xs" c="dimmed">
          {report.factsAsOf === null
            ? t("analytics.factsPending")
            : t("analytics.factsAsOf", { at: format.dateTime(report.factsAsOf) })}
        </Text>
      )}
      {report.variants.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs">
            {t("analytics.variants")}
          </Text>
          <Stack gap={6} component="ol" m={0} pl="lg">
            {report.variants.map((v) => (
              <li key={v.steps.join(">") || "other"}>
                <Text size="sm">
                  {v.steps.length ? v.steps.map((s) => stepLabel(s, t)).join(" → ") : t("analytics.other")}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("analytics.variantCases", {
                    cases: format.number(v.cases),
                    share: format.percent(v.share),
                    hours: format.number(Math.round(v.meanHours * 10) / 10),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
