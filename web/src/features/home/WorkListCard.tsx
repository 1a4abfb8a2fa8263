import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import type { HomeSummary } from "@orbit/contracts";
import { IconArrowRight, IconChecklist } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { placeholderKeys } from "../../ui/skeleton";
import { useTaskLabels } from "../tasks/labels";
import { DUE_COLORS, dueState } from "../tasks/taskDisplay";

const FIRST_TASKS = 5;

/** Today's calls: how many, how many past the response time, the first few, and the way to the list. */
export function WorkListCard({ workList }: { workList: HomeSummary["workList"] | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTaskLabels();
  const shown = workList?.tasks.slice(0, FIRST_TASKS) ?? [];
  const more = workList ? workList.dueToday - shown.length : 0;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-worklist" h="100%">
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" size={36} radius="md">
          <IconChecklist size={20} />
        </ThemeIcon>
        <Title order={3} fz="lg" id="home-worklist">
          {t("home.worklistTitle")}
        </Title>
      </Group>
      <SimpleGrid cols={2} spacing="md" mb="md">
        <Count label={t("home.worklistDue")} value={workList && format.number(workList.dueToday)} />
        <Count
          label={t("home.worklistOverdue")}
          value={workList && format.number(workList.overdue)}
          color={workList && workList.overdue > 0 ? "red" : undefined}
        />
      </SimpleGrid>
      {!workList ? (
        <Stack gap="xs">
          {placeholderKeys(3).map((k) => (
            <Skeleton key={k} h={32} />
          ))}
        </Stack>
      ) : workList.dueToday === 0 ? (
        <>
          <Text fw={600} size="sm">
            {t("home.worklistEmpty")}
          </Text>
          <Text size="sm" c="dimmed" lh={1.55}>
            {t("home.worklistEmptyText")}
          </Text>
        </>
      ) : (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((task) => {
            const state = dueState(task);
            return (
              <li key={task.id}>
                <Group justify="space-between" gap={6} wrap="nowrap" align="baseline">
                  <Anchor component={Link} to={`/worklist?task=${task.id}`} size="sm" fw={600} truncate>
                    {task.clientName}
                  </Anchor>
                  <Text
                    size="xs"
                    c={DUE_COLORS[state] === "gray" ? "dimmed" : DUE_COLORS[state]}
                    fw={500}
                    style={{ whiteSpace: "nowrap" }}
                  >
                    <time dateTime={task.dueAt}>{labels.when(task.dueAt)}</time>
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {labels.reason(task.reason)}
                </Text>
              </li>
            );
          })}
          {more > 0 && (
            <Text size="xs" c="dimmed">
              {t("home.worklistMore", { value: format.number(more) })}
            </Text>
          )}
        </Stack>
      )}
      <Button
        component={Link}
        to="/worklist"
        variant="light"
        fullWidth
        mt="md"
        rightSection={<IconArrowRight size={16} />}
      >
        {t("home.worklistOpen")}
      </Button>
    </Card>
  );
}

function Count({ label, value, color }: { label: string; value?: string; color?: string }) {
  return (
    <Box role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={28} w={60} mt={4} />
      ) : (
        <Text fz={26} fw={700} lh={1.2} c={color}>
          {value}
        </Text>
      )}
    </Box>
  );
}
