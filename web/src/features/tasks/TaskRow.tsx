import { Anchor, Box, Group, Text, UnstyledButton } from "@mantine/core";
import type { Task } from "@orbit/contracts";
import { IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatPhone } from "../clients/display";
import { joinParts } from "../workspace/labels";
import type { TaskScope } from "./api";
import { priorityColor, useTaskLabels } from "./labels";
import { attemptsText, DueBadges } from "./TaskBits";

interface Props {
  task: Task;
  scope: TaskScope;
  selected: boolean;
  onSelect: () => void;
}

/**
 * One task in the list: the client (to the card), the phone (to dial), the car, why to call, when, how
 * many attempts, where it comes from. The reason is the button that opens the task.
 */
export function TaskRow({ task, scope, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  return (
    <Box
      component="li"
      id={`task-${task.id}`}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
      px="sm"
      py={8}
      style={{
        cursor: "pointer",
        borderLeft: `4px solid var(--mantine-color-${priorityColor(task.priority)}-${task.priority <= 1 ? 6 : 3})`,
        background: selected ? "var(--mantine-color-orbit-0)" : undefined,
        borderBottom: "1px solid var(--mantine-color-gray-2)",
        scrollMarginTop: 72,
      }}
    >
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Anchor
          component={Link}
          to={`/clients/${task.clientId}`}
          fw={600}
          fz="sm"
          onClick={(e) => e.stopPropagation()}
          style={{ overflowWrap: "anywhere" }}
        >
          {task.clientName}
        </Anchor>
        <DueBadges task={task} />
      </Group>
      <UnstyledButton
        onClick={(e) => {
          e.stopPropagation();
          onSelect();
        }}
        aria-pressed={selected}
        display="block"
        w="100%"
        mt={2}
      >
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {labels.reason(task.reason)}
        </Text>
      </UnstyledButton>
      <Group gap={8} mt={2} style={{ rowGap: 0 }}>
        {task.clientPhone && (
          <Anchor
            href={`tel:${task.clientPhone}`}
            size="xs"
            fw={500}
            onClick={(e) => e.stopPropagation()}
            title={t("tasks.callTo", { name: task.clientName, phone: formatPhone(task.clientPhone) })}
            style={{ whiteSpace: "nowrap" }}
          >
            <IconPhone size={12} style={{ verticalAlign: -1, marginRight: 3 }} aria-hidden />
            {formatPhone(task.clientPhone)}
          </Anchor>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {joinParts(
            task.vehicle,
            attemptsText(task.attempts, t),
            task.outcome && t("tasks.lastOutcome", { outcome: labels.outcome(task.outcome) }),
            labels.source(task.source),
            scope !== "mine" && labels.queue(task.queue),
            scope === "all" &&
              (task.assigneeName ?? t("tasks.unassigned", { queue: labels.queue(task.queue) })),
          )}
        </Text>
      </Group>
    </Box>
  );
}
