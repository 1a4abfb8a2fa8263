import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useClientLabels } from "../clients/labels";
import { useTaskLabels } from "./labels";
import { requestTopic } from "./reasonText";
import { DUE_COLORS, dueState, MAX_ATTEMPTS } from "./taskDisplay";

/** When the task is due, coloured by urgency; "past the response time" in red once the SLA passed. */
export function DueBadges({ task }: { task: { dueAt: string; slaAt: string } }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const state = dueState(task);
  return (
    <Group gap={4} wrap="wrap" justify="flex-end" style={{ flexShrink: 0 }}>
      {state === "sla" && (
        <Badge color="red" variant="filled" radius="sm" tt="none" fw={500}>
          {t("tasks.dueStates.sla")}
        </Badge>
      )}
      {state === "overdue" && (
        <Badge color="orange" variant="filled" radius="sm" tt="none" fw={500}>
          {t("tasks.dueStates.overdue")}
        </Badge>
      )}
      <Badge
        color={DUE_COLORS[state]}
        variant="light"
        radius="sm"
        tt="none"
        fw={600}
        title={t("tasks.slaUntil", { when: labels.when(task.slaAt) })}
      >
        <time dateTime={task.dueAt}>{labels.when(task.dueAt)}</time>
      </Badge>
    </Group>
  );
}

/** "Attempts: 1 of 3" or "not called yet". */
export function attemptsText(attempts: number, t: TFunction): string {
  return attempts > 0 ? t("tasks.attempts", { count: attempts, max: MAX_ATTEMPTS }) : t("tasks.noAttempts");
}

/**
 * A web request's content as it came (topic, comment, the dealership it names...): what the client
 * asked for, to read before calling. Nested values are not shown: they are the site's own bookkeeping.
 */
export function RequestDetails({ payload }: { payload: unknown }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const clientLabels = useClientLabels();
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return null;
  const rows = Object.entries(payload as Record<string, unknown>).flatMap(([key, value]) => {
    if (value === null || value === undefined || value === "" || typeof value === "object") return [];
    const text =
      key === "topic" && typeof value === "string"
        ? requestTopic(value, t)
        : key === "dealershipId" && typeof value === "number"
          ? clientLabels.dealership(value)
          : String(value);
    return [{ key, label: labels.requestField(key), text }];
  });
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("tasks.requestTitle")}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} highlightOnHover={false}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th fw={500} c="dimmed" w="35%" style={{ verticalAlign: "top", paddingRight: 8 }}>
                {r.label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>{r.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
