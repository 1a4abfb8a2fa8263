import { Anchor, Badge, Button, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import type { Task } from "@orbit/contracts";
import { IconBriefcase, IconHandGrab, IconPhone } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { formatPhone } from "../clients/display";
import { useClientLabels } from "../clients/labels";
import { joinParts } from "../workspace/labels";
import { priorityColor, useTaskLabels } from "./labels";
import { TaskActions } from "./TaskActions";
import { attemptsText, DueBadges, RequestDetails } from "./TaskBits";
import { windowLastDay } from "./taskDisplay";

interface Props {
  task: Task;
  /** Set when the task is free in a queue: the employee may take it. */
  onTake?: () => void;
  taking?: boolean;
  onDone: (saved: Task) => void;
  hotkeys: boolean;
}

/** The task being worked: who, how to call, why now, the request's content, and how the call went. */
export function TaskPanel({ task, onTake, taking, onDone, hotkeys }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const clientLabels = useClientLabels();
  const format = useFormat();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`task-title-${task.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="lg" id={`task-title-${task.id}`} style={{ overflowWrap: "anywhere" }}>
              <Anchor component={Link} to={`/clients/${task.clientId}`} inherit title={t("tasks.openCard")}>
                {task.clientName}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {joinParts(clientLabels.segment(task.segment), task.vehicle)}
            </Text>
          </div>
          <DueBadges task={task} />
        </Group>

        {task.clientPhone ? (
          <Button
            component="a"
            href={`tel:${task.clientPhone}`}
            variant="light"
            size="md"
            leftSection={<IconPhone size={18} />}
            title={t("tasks.callTo", { name: task.clientName, phone: formatPhone(task.clientPhone) })}
            style={{ alignSelf: "flex-start" }}
          >
            {formatPhone(task.clientPhone)}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("tasks.noPhone")}
          </Text>
        )}

        <Text fw={500} style={{ overflowWrap: "anywhere" }}>
          {labels.reason(task.reason)}
        </Text>

        <Stack gap={2}>
          <Fact>
            {joinParts(
              attemptsText(task.attempts, t),
              task.lastAttemptAt && t("tasks.lastAttempt", { when: labels.when(task.lastAttemptAt) }),
              task.outcome && t("tasks.lastOutcome", { outcome: labels.outcome(task.outcome) }),
            )}
          </Fact>
          <Fact>
            {joinParts(
              t("tasks.slaUntil", { when: labels.when(task.slaAt) }),
              t("tasks.windowUntil", { when: format.date(windowLastDay(task.windowEnd)) }),
            )}
          </Fact>
          <Group gap={6}>
            <Badge
              size="sm"
              variant="light"
              color={priorityColor(task.priority)}
              radius="sm"
              tt="none"
              fw={500}
            >
              {t("tasks.priorityOf", { value: labels.priority(task.priority) })}
            </Badge>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {labels.source(task.source)}
            </Badge>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {labels.queue(task.queue)}
            </Badge>
          </Group>
          <Fact>
            {task.assigneeName
              ? t("tasks.assignee", { name: task.assigneeName })
              : t("tasks.unassigned", { queue: labels.queue(task.queue) })}
          </Fact>
        </Stack>

        <RequestDetails payload={task.payload} />

        {onTake && (
          <Button
            leftSection={<IconHandGrab size={16} />}
            onClick={onTake}
            loading={taking}
            variant="filled"
            color="teal"
            style={{ alignSelf: "flex-start" }}
          >
            {t("tasks.take")}
          </Button>
        )}

        <Divider />
        {task.dealId !== null ? (
          // A deal's hand-off is worked in the deal; completing its step there closes the task.
          <Stack gap="xs">
            <Text size="sm">{t("tasks.dealHandoff")}</Text>
            <Button
              component={Link}
              to={`/deals/${task.dealId}`}
              leftSection={<IconBriefcase size={16} />}
              style={{ alignSelf: "flex-start" }}
            >
              {t("tasks.openDeal")}
            </Button>
          </Stack>
        ) : (
          <>
            {task.result?.type === "deal" && (
              <Anchor component={Link} to={`/deals/${task.result.id}`} size="sm">
                {t("tasks.openDeal")}
              </Anchor>
            )}
            <TaskActions key={task.id} task={task} hotkeys={hotkeys} onDone={onDone} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function Fact({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
