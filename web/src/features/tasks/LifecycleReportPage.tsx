import { Group, Paper, Progress, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconChartDonut } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { PeriodFilters, periodParams } from "../../ui/PeriodFilters";
import { usePatchedSearchParams } from "../../ui/searchParams";
import { placeholderKeys } from "../../ui/skeleton";
import { useCurrentUser } from "../auth/session";
import { useTaskLabels } from "./labels";
import { type LifecycleCounts, useLifecycleUtilisation } from "./lifecycleApi";
import { presetPeriod } from "./period";
import { dealerDay } from "./taskDisplay";

/**
 * How well the group used its lifecycle points in a period: the chances (points whose window began in
 * it), what became of them, and the share converted, by kind. The period and dealership are in the URL.
 */
export function LifecycleReportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, set] = usePatchedSearchParams();
  const today = dealerDay();
  const fallback = presetPeriod("thisMonth", today);
  const groupWide = user.dealershipId === null;
  const { from, to, dealershipId } = periodParams(params, fallback, groupWide);
  const badPeriod = from > to;
  const report = useLifecycleUtilisation({ from, to, dealershipId }, { enabled: !badPeriod });

  const data = report.data;
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t("lifecycle.reportTitle")} subtitle={t("lifecycle.reportSubtitle")} />
      <PeriodFilters
        from={from}
        to={to}
        today={today}
        dealershipId={dealershipId}
        groupWide={groupWide}
        onChange={set}
      />

      {report.isError && !data ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : data && data.total.due === 0 ? (
        <Notice
          icon={<IconChartDonut size={28} />}
          title={t("lifecycle.emptyTitle")}
          description={t("lifecycle.emptyText")}
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table aria-label={t("lifecycle.reportTitle")}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("lifecycle.colKind")}</Table.Th>
                <Table.Th ta="right">{t("lifecycle.colDue")}</Table.Th>
                <Table.Th ta="right" visibleFrom="md">
                  {t("lifecycle.colOpen")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="md">
                  {t("lifecycle.colTaken")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("lifecycle.colMissed")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("lifecycle.colConverted")}
                </Table.Th>
                <Table.Th ta="right">{t("lifecycle.colUtilisation")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data
                ? data.byKind.map((row) => <Row key={row.kind} kind={row.kind} counts={row} />)
                : placeholderKeys(6).map((k) => (
                    <Table.Tr key={k}>
                      <Table.Td colSpan={7}>
                        <Skeleton h={14} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
            {data && (
              <Table.Tfoot bg="var(--mantine-color-gray-0)">
                <Row kind={null} counts={data.total} />
              </Table.Tfoot>
            )}
          </Table>
        </Paper>
      )}
      <Text size="xs" c="dimmed" maw={760}>
        {t("lifecycle.help")}
      </Text>
    </Stack>
  );
}

function Row({ kind, counts }: { kind: string | null; counts: LifecycleCounts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTaskLabels();
  const Cell = kind === null ? Table.Th : Table.Td;
  const share = counts.utilisation;
  return (
    <Table.Tr>
      <Cell>{kind === null ? t("lifecycle.total") : labels.lifecycleKind(kind)}</Cell>
      <Cell ta="right">{format.number(counts.due)}</Cell>
      <Cell ta="right" visibleFrom="md">
        {format.number(counts.open)}
      </Cell>
      <Cell ta="right" visibleFrom="md">
        {format.number(counts.taken)}
      </Cell>
      <Cell ta="right" visibleFrom="sm">
        {format.number(counts.missed)}
      </Cell>
      <Cell ta="right" visibleFrom="sm">
        {format.number(counts.converted)}
      </Cell>
      <Cell ta="right">
        {share === null ? (
          t("common.empty")
        ) : (
          <Group gap={8} wrap="nowrap" justify="flex-end">
            <Progress
              value={share * 100}
              color={share >= 0.5 ? "teal" : share >= 0.25 ? "yellow" : "red"}
              w={80}
              visibleFrom="sm"
              aria-hidden
            />
            <Text span size="sm" fw={600} miw={52} ta="right">
              {format.percent(share)}
            </Text>
          </Group>
        )}
      </Cell>
    </Table.Tr>
  );
}
