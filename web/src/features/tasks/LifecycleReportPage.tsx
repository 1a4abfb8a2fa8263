import {
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconChartDonut } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { useCurrentUser } from "../auth/session";
import { useDealerships } from "../staff/api";
import { useTaskLabels } from "./labels";
import { type LifecycleCounts, useLifecycleUtilisation } from "./lifecycleApi";
import { PERIOD_PRESETS, type PeriodPreset, presetPeriod } from "./period";
import { dealerDay } from "./taskDisplay";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How well the group used its lifecycle points in a period: the chances (points whose window began in
 * it), what became of them, and the share converted, by kind. The period and dealership are in the URL.
 */
export function LifecycleReportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const dealerships = useDealerships();
  const [params, setParams] = useSearchParams();
  const today = dealerDay();
  const fallback = presetPeriod("thisMonth", today);
  const from = ISO_DATE.test(params.get("from") ?? "") ? (params.get("from") as string) : fallback.from;
  const to = ISO_DATE.test(params.get("to") ?? "") ? (params.get("to") as string) : fallback.to;
  const dealershipParam = Number(params.get("dealershipId")) || undefined;
  // A dealership's employee sees their dealership (the API decides so); the group's staff choose.
  const groupWide = user.dealershipId === null;
  const dealershipId = groupWide ? dealershipParam : undefined;
  const badPeriod = from > to;
  const report = useLifecycleUtilisation({ from, to, dealershipId }, { enabled: !badPeriod });

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const data = report.data;
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t("lifecycle.reportTitle")} subtitle={t("lifecycle.reportSubtitle")} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t("lifecycle.from")}
          value={from}
          max={to}
          onChange={(e) => ISO_DATE.test(e.currentTarget.value) && set({ from: e.currentTarget.value })}
          w={170}
        />
        <TextInput
          type="date"
          label={t("lifecycle.to")}
          value={to}
          min={from}
          onChange={(e) => ISO_DATE.test(e.currentTarget.value) && set({ to: e.currentTarget.value })}
          w={170}
          error={badPeriod ? t("lifecycle.badPeriod") : undefined}
        />
        <Group gap={4} role="group" aria-label={t("lifecycle.presetsLabel")}>
          {PERIOD_PRESETS.map((p: PeriodPreset) => {
            const period = presetPeriod(p, today);
            const active = period.from === from && period.to === to;
            return (
              <Button
                key={p}
                size="compact-sm"
                variant={active ? "light" : "default"}
                fw={500}
                aria-pressed={active}
                onClick={() => set(period)}
              >
                {t(`lifecycle.presets.${p}`)}
              </Button>
            );
          })}
        </Group>
        {groupWide && (
          <Select
            label={t("lifecycle.dealership")}
            placeholder={t("lifecycle.allDealerships")}
            data={(dealerships.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            value={dealershipId ? String(dealershipId) : null}
            onChange={(v) => set({ dealershipId: v })}
            clearable
            clearButtonProps={{ "aria-label": t("common.clear") }}
            w={260}
            maw="100%"
          />
        )}
      </Group>

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
