import { Button, Group, Paper, Skeleton, Stack } from "@mantine/core";
import type { AnalyticsReportName } from "@orbit/contracts";
import { IconChartBar, IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { type ReportFilter, reportPath, useReport } from "./api";
import { ReportChart } from "./ReportChart";
import { ReportTable } from "./ReportTable";

export function ReportPanel({ report, filter }: { report: AnalyticsReportName; filter: ReportFilter }) {
  const { t } = useTranslation();
  const badPeriod = filter.from > filter.to;
  const query = useReport(report, filter, !badPeriod);
  const data = query.data?.report === report ? query.data : undefined;
  if (query.isError && !data) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (!data) return <Skeleton h={300} radius="md" />;
  return (
    <Stack gap="md" aria-busy={query.isFetching}>
      <Group justify="flex-end">
        <Button
          component="a"
          href={reportPath(report, filter, true)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          {t("analytics.csv")}
        </Button>
      </Group>
      {data.rows.length === 0 ? (
        <Notice icon={<IconChartBar size={28} />} title={t("analytics.empty")} description={null} />
      ) : (
        <>
          <Paper withBorder radius="md" p="md" data-testid="report-chart">
            <ReportChart report={data} />
          </Paper>
          <ReportTable report={data} />
        </>
      )}
    </Stack>
  );
}
