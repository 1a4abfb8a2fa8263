import {
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { Scenario } from "@orbit/contracts";
import { IconPencil, IconPlugConnected, IconPlus, IconRoute } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { priorityColor, useTaskLabels } from "../tasks/labels";
import { ParamSummary } from "../tasks/ParamSummary";
import { SCENARIO_FIELDS } from "../tasks/paramFields";
import { useScenarios, useUpdateScenario } from "./api";
import { useScenarioLabels } from "./labels";
import { ScenarioForm } from "./ScenarioForm";

type Editing = { key: number; scenario?: Scenario; justCreated?: boolean };

/** The marketer's scenarios: each with its switch, its parameters and what it would do today. */
export function ScenariosPage() {
  const { t } = useTranslation();
  const scenarios = useScenarios();
  const phone = useMediaQuery("(max-width: 36em)");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (scenario?: Scenario, justCreated = false) => {
    setEditing((prev) => ({ key: (prev?.key ?? 0) + 1, scenario, justCreated }));
    setOpen(true);
  };
  const list = scenarios.data;

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("scenarios.pageTitle")}
        subtitle={t("scenarios.subtitle")}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/event-sources"
              variant="default"
              leftSection={<IconPlugConnected size={16} />}
            >
              {t("nav.eventSources")}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => edit()}>
              {t("scenarios.add")}
            </Button>
          </Group>
        }
      />
      {scenarios.isError && !list ? (
        <ErrorState error={scenarios.error} onRetry={() => scenarios.refetch()} />
      ) : list && list.length === 0 ? (
        <Notice
          icon={<IconRoute size={28} />}
          title={t("scenarios.emptyTitle")}
          description={t("scenarios.emptyText")}
        />
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: "none" }}
        >
          {list
            ? list.map((s) => <ScenarioCard key={s.id} scenario={s} onEdit={() => edit(s)} />)
            : placeholderKeys(3).map((k) => (
                <Card key={k} withBorder radius="md" component="li">
                  <Skeleton h={18} w="50%" mb="sm" />
                  <Skeleton h={12} />
                </Card>
              ))}
        </SimpleGrid>
      )}
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        position="right"
        size={phone ? "100%" : 520}
        title={editing?.scenario ? editing.scenario.name : t("scenarios.createTitle")}
        styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {editing && (
          <ScenarioForm
            key={editing.key}
            scenario={editing.scenario}
            justCreated={editing.justCreated}
            onCreated={(created) => edit(created, true)}
            onDone={() => setOpen(false)}
          />
        )}
      </Drawer>
    </Stack>
  );
}

function ScenarioCard({ scenario, onEdit }: { scenario: Scenario; onEdit: () => void }) {
  const { t } = useTranslation();
  const labels = useScenarioLabels();
  const taskLabels = useTaskLabels();
  const notify = useNotify();
  const update = useUpdateScenario();
  const toggle = (active: boolean) =>
    update.mutate(
      { id: scenario.id, patch: { active } },
      {
        onSuccess: (saved) =>
          notify.success(t(active ? "scenarios.switchedOn" : "scenarios.switchedOff", { name: saved.name })),
        onError: () => notify.error(t("errors.unknown")),
      },
    );
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-label={scenario.name}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title
              order={3}
              fz="md"
              style={{ overflowWrap: "anywhere" }}
              c={scenario.active ? undefined : "dimmed"}
            >
              {scenario.name}
            </Title>
            <Text size="sm" c="dimmed">
              {labels.kind(scenario.kind)}
            </Text>
          </div>
          <Switch
            checked={scenario.active}
            onChange={(e) => toggle(e.currentTarget.checked)}
            disabled={update.isPending}
            aria-label={t("scenarios.switchLabel", { name: scenario.name })}
            style={{ flexShrink: 0 }}
          />
        </Group>
        <ParamSummary table={SCENARIO_FIELDS} kind={scenario.kind} params={scenario.params} />
        <Group justify="space-between" mt="auto" pt={6} gap="xs">
          <Group gap={6}>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {taskLabels.queue(scenario.queue)}
            </Badge>
            <Badge
              size="sm"
              variant="light"
              color={priorityColor(scenario.priority)}
              radius="sm"
              tt="none"
              fw={500}
            >
              {t("tasks.priorityOf", { value: taskLabels.priority(scenario.priority) })}
            </Badge>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {t("standards.sla", { hours: scenario.slaHours })}
            </Badge>
            {!scenario.active && (
              <Badge size="sm" variant="light" color="gray" radius="sm" tt="none" fw={500}>
                {t("scenarios.off")}
              </Badge>
            )}
          </Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            aria-label={t("scenarios.editOf", { name: scenario.name })}
          >
            {t("scenarios.edit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
