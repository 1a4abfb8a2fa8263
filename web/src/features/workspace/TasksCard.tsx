import { Badge, Button, Collapse, Group, Stack, Text } from "@mantine/core";
import type { ClientCard } from "@orbit/contracts";
import { IconChecklist, IconChevronUp, IconPhoneCall } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, useCurrentUser } from "../auth/session";
import { useTaskLabels } from "../tasks/labels";
import { TaskActions } from "../tasks/TaskActions";
import { attemptsText, DueBadges } from "../tasks/TaskBits";
import { joinParts } from "./labels";
import { DIVIDED, Section } from "./Section";

type CardTask = ClientCard["tasks"][number];

/**
 * The client's open tasks, most urgent first: why to call, when, who has it. The call is recorded right
 * here with the work list's own outcome form (the card is often open because the client is on the line).
 */
export function TasksCard({ clientId, tasks }: { clientId: number; tasks: CardTask[] }) {
  const { t } = useTranslation();
  return (
    <Section
      id="tasks"
      title={t("tasks.cardTitle")}
      icon={<IconChecklist size={18} />}
      aside={
        <Badge variant="light" radius="sm" tt="none" fw={500}>
          {t("tasks.count", { count: tasks.length })}
        </Badge>
      }
    >
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
        {tasks.map((task, i) => (
          <TaskItem key={task.id} task={task} clientId={clientId} divided={i > 0} />
        ))}
      </Stack>
    </Section>
  );
}

function TaskItem({ task, clientId, divided }: { task: CardTask; clientId: number; divided: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useTaskLabels();
  const [open, setOpen] = useState(false);
  // Own tasks, free ones and (managers) any in scope: the server has the last word (403 otherwise).
  const mayAct =
    can(user, "tasks.work") &&
    (task.assigneeUserId === null || task.assigneeUserId === user.id || can(user, "tasks.manage"));
  return (
    <li style={divided ? DIVIDED : undefined}>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
          {labels.reason(task.reason)}
        </Text>
        <DueBadges task={task} />
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {joinParts(
          attemptsText(task.attempts, t),
          task.assigneeName
            ? t("tasks.assignee", { name: task.assigneeName })
            : t("tasks.unassigned", { queue: labels.queue(task.queue) }),
          labels.source(task.source),
        )}
      </Text>
      {mayAct && (
        <>
          <Button
            variant={open ? "subtle" : "light"}
            size="compact-sm"
            mt={6}
            leftSection={open ? <IconChevronUp size={14} /> : <IconPhoneCall size={14} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
          >
            {open ? t("tasks.cardHide") : t("tasks.cardAct")}
          </Button>
          <Collapse expanded={open}>
            {open && (
              <Stack mt="sm">
                <TaskActions task={{ ...task, clientId }} onDone={() => setOpen(false)} />
              </Stack>
            )}
          </Collapse>
        </>
      )}
    </li>
  );
}
