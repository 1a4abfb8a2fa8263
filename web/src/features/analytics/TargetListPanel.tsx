import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { SEGMENT_NAMES } from "@orbit/contracts";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useCurrentUser } from "../auth/session";
import { useDealerships } from "../staff/api";
import { dealerDay } from "../tasks/taskDisplay";
import { type TargetFilter, targetQuery, useCampaignTasks, useTargetPreview } from "./api";

/** A campaign's list from segments and filters: previewed, downloaded as CSV or turned into calls. */
export function TargetListPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const user = useCurrentUser();
  const dealerships = useDealerships();
  const [filter, setFilter] = useState<TargetFilter>({ segments: ["lapsed"] });
  const [campaign, setCampaign] = useState("");
  const [dueOn, setDueOn] = useState(dealerDay());
  const [queue, setQueue] = useState<"sales" | "service" | "call_center">("call_center");
  const preview = useTargetPreview(filter);
  const makeTasks = useCampaignTasks();
  const segment = (s: string) =>
    (SEGMENT_NAMES as readonly string[]).includes(s) ? t(`analytics.targets.segmentNames.${s as "new"}`) : s;
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t("analytics.targets.segments")}
          data={SEGMENT_NAMES.map((s) => ({ value: s, label: segment(s) }))}
          value={filter.segments}
          onChange={(segments) => setFilter((f) => ({ ...f, segments }))}
          searchable
          w={320}
        />
        {user.dealershipId === null && (
          <Select
            label={t("analytics.dealership")}
            placeholder={t("analytics.allDealerships")}
            data={(dealerships.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            value={filter.dealershipId ? String(filter.dealershipId) : null}
            onChange={(v) => setFilter((f) => ({ ...f, dealershipId: v ? Number(v) : undefined }))}
            clearable
            w={260}
          />
        )}
        <NumberInput
          label={t("analytics.targets.inactiveDays")}
          min={1}
          max={3650}
          value={filter.inactiveDays ?? ""}
          onChange={(v) => setFilter((f) => ({ ...f, inactiveDays: typeof v === "number" ? v : undefined }))}
          w={220}
        />
        <Button
          component="a"
          href={`/api/target-lists/csv?${targetQuery(filter)}`}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          {t("analytics.csv")}
        </Button>
      </Group>
      {preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => preview.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="sm" data-testid="target-total">
            {t("analytics.targets.total", { n: format.number(preview.data?.total ?? 0) })}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("analytics.targets.name")}</Table.Th>
                <Table.Th>{t("analytics.targets.phone")}</Table.Th>
                <Table.Th>{t("analytics.targets.segment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(preview.data?.sample ?? []).slice(0, 10).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.phone ?? "—"}</Table.Td>
                  <Table.Td>{segment(c.segment)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t("analytics.targets.campaign")}
            value={campaign}
            onChange={(e) => setCampaign(e.currentTarget.value)}
            w={260}
          />
          <TextInput
            type="date"
            label={t("analytics.targets.dueOn")}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            w={170}
          />
          <Select
            label={t("analytics.targets.queue")}
            data={(["call_center", "service", "sales"] as const).map((q) => ({
              value: q,
              label: t(`analytics.targets.queues.${q}`),
            }))}
            value={queue}
            onChange={(v) => v && setQueue(v as typeof queue)}
            allowDeselect={false}
            w={200}
          />
          <Button
            disabled={!campaign.trim() || !preview.data?.total}
            loading={makeTasks.isPending}
            onClick={() =>
              makeTasks.mutate(
                { filter, campaign, dueOn, queue },
                {
                  onSuccess: (r) => notify.success(t("analytics.targets.tasksCreated", { count: r.created })),
                  onError: (error) => notify.error(errorText(error)),
                },
              )
            }
          >
            {t("analytics.targets.makeTasks")}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
