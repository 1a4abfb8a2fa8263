import {
  Box,
  Button,
  Drawer,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Tabs,
  Text,
} from "@mantine/core";
import { useHotkeys, useMediaQuery } from "@mantine/hooks";
import type { Task } from "@orbit/contracts";
import { IconChecklist, IconInbox, IconPointer } from "@tabler/icons-react";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { can, useCurrentUser } from "../auth/session";
import { type TaskFilter, type TaskScope, useTakeTask, useTaskCount, useTaskList } from "./api";
import { TaskPanel } from "./TaskPanel";
import { TaskRow } from "./TaskRow";
import { dealerDay } from "./taskDisplay";

type Due = "today" | "any";

function filterOf(scope: TaskScope, due: Due): TaskFilter {
  return { scope, status: "open", ...(due === "today" ? { dueBy: dealerDay() } : {}) };
}

/**
 * The work list: my calls for today (or all my open tasks), my department's queue to take from, and for
 * managers every task they oversee. The list is the API's order (the most urgent first); the chosen
 * task is open beside it (below it in a drawer on a phone) with its outcome buttons. After each call the
 * next task is chosen, so a salesperson goes through dozens of calls with the keyboard alone.
 */
export function WorkListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const user = useCurrentUser();
  const manager = can(user, "tasks.manage");
  const scopes: TaskScope[] = manager ? ["mine", "queue", "all"] : ["mine", "queue"];
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get("scope") as TaskScope | null;
  const scope: TaskScope = scopeParam && scopes.includes(scopeParam) ? scopeParam : "mine";
  const due: Due = params.get("due") === "any" ? "any" : "today";
  const chosenId = Number(params.get("task")) || null;
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });

  const filter = filterOf(scope, due);
  const list = useTaskList(filter);
  const tasks = list.tasks;
  const take = useTakeTask();

  // On a wide screen a task is always ready (the first, unless one was chosen); on a phone the list
  // comes first and a chosen task opens over it.
  const selected = useMemo(
    () => tasks?.find((task) => task.id === chosenId) ?? (wide ? tasks?.[0] : undefined),
    [tasks, chosenId, wide],
  );

  const setParam = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const select = (task: Task | undefined) => setParam({ task: task ? String(task.id) : null });

  const move = (step: 1 | -1) => {
    if (!tasks?.length) return;
    const at = selected ? tasks.findIndex((task) => task.id === selected.id) : -1;
    const next = tasks[Math.min(tasks.length - 1, Math.max(0, at + step))];
    if (next) select(next);
  };

  /** After a call: the task after this one (or before it, at the end of the list). */
  const nextAfter = (done: Task) => {
    if (!tasks) return select(undefined);
    const at = tasks.findIndex((task) => task.id === done.id);
    const rest = tasks.filter((task) => task.id !== done.id);
    select(rest[Math.min(Math.max(at, 0), rest.length - 1)]);
  };

  const takeSelected = () => {
    if (!selected || selected.assigneeUserId !== null) return;
    take.mutate(selected, {
      onSuccess: () => {
        notify.success(t("tasks.taken"));
        if (scope === "queue") nextAfter(selected);
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) notify.error(t("tasks.takenByOther"));
        else notify.error(t("errors.unknown"));
      },
    });
  };

  useHotkeys([
    ["ArrowDown", () => move(1)],
    ["ArrowUp", () => move(-1)],
    ["j", () => move(1)],
    ["k", () => move(-1)],
    ["t", takeSelected],
  ]);

  // The chosen row stays in view as the keyboard moves through the list.
  useEffect(() => {
    if (selected) document.getElementById(`task-${selected.id}`)?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  const panel = selected && (
    <TaskPanel
      task={selected}
      hotkeys
      onDone={nextAfter}
      onTake={selected.assigneeUserId === null ? takeSelected : undefined}
      taking={take.isPending}
    />
  );

  return (
    <Stack gap="sm" maw={1400}>
      <PageHeader title={t("tasks.pageTitle")} subtitle={t("tasks.subtitle")} />
      <Group justify="space-between" gap="sm" align="flex-end">
        <Tabs value={scope} onChange={(v) => v && setParam({ scope: v === "mine" ? null : v, task: null })}>
          <Tabs.List>
            {scopes.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`tasks.scopes.${s}`)}
                <ScopeCount
                  filter={filterOf(s, due)}
                  value={s === scope ? list.total : undefined}
                  format={format.number}
                />
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SegmentedControl
          size="xs"
          aria-label={t("tasks.dueLabel")}
          value={due}
          onChange={(v) => setParam({ due: v === "any" ? "any" : null, task: null })}
          data={[
            { value: "today", label: t("tasks.dueFilter.today") },
            { value: "any", label: t("tasks.dueFilter.any") },
          ]}
        />
      </Group>

      {list.isError && !tasks ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : tasks && tasks.length === 0 ? (
        <EmptyList
          scope={scope}
          due={due}
          onScope={(s) => setParam({ scope: s, task: null })}
          onAny={() => setParam({ due: "any" })}
        />
      ) : (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: wide ? 7 : 12 }}>
            <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
              <Box
                component="ul"
                m={0}
                p={0}
                style={{ listStyle: "none" }}
                aria-label={t("tasks.listLabel")}
                aria-busy={list.isFetching}
              >
                {tasks === undefined
                  ? placeholderKeys(6).map((key) => (
                      <Box component="li" key={key} p="sm">
                        <Skeleton h={14} w="40%" mb={6} />
                        <Skeleton h={12} />
                      </Box>
                    ))
                  : tasks.map((task) => (
                      <TaskRow
                        key={task.id}
                        task={task}
                        scope={scope}
                        selected={task.id === selected?.id}
                        onSelect={() => select(task)}
                      />
                    ))}
              </Box>
            </Paper>
            <Group justify="space-between" mt="xs" gap="xs">
              <Text size="xs" c="dimmed" aria-live="polite">
                {tasks && list.total !== undefined && tasks.length < list.total
                  ? t("tasks.shown", { shown: format.number(tasks.length), total: format.number(list.total) })
                  : list.total !== undefined && t("tasks.count", { count: list.total })}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t("tasks.keys")}
              </Text>
            </Group>
            {list.hasNextPage && (
              <Button
                variant="light"
                fullWidth
                mt="xs"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t("tasks.showMore")}
              </Button>
            )}
          </Grid.Col>
          {wide && (
            <Grid.Col span={5} style={{ position: "sticky", top: 72 }}>
              {panel ?? (
                <Notice
                  variant="light"
                  icon={<IconPointer size={28} />}
                  title={t("tasks.pickTask")}
                  description={t("tasks.pickTaskText")}
                />
              )}
            </Grid.Col>
          )}
        </Grid>
      )}

      {!wide && (
        <Drawer
          opened={Boolean(selected)}
          onClose={() => select(undefined)}
          position="bottom"
          size="100%"
          title={t("tasks.pageTitle")}
          styles={{ title: { fontWeight: 700 } }}
          closeButtonProps={{ "aria-label": t("common.close") }}
        >
          {panel}
        </Drawer>
      )}
    </Stack>
  );
}

/** The number next to a tab: the list's own total for the open tab, a one-row request for the others. */
function ScopeCount({
  filter,
  value,
  format,
}: {
  filter: TaskFilter;
  value: number | undefined;
  format: (n: number) => string;
}) {
  const count = useTaskCount(filter, { enabled: value === undefined });
  const n = value ?? count.data;
  if (n === undefined) return null;
  return (
    <Text span c="dimmed" fz="xs" ml={6}>
      {format(n)}
    </Text>
  );
}

function EmptyList({
  scope,
  due,
  onScope,
  onAny,
}: {
  scope: TaskScope;
  due: Due;
  onScope: (scope: TaskScope) => void;
  onAny: () => void;
}) {
  const { t } = useTranslation();
  if (scope === "mine") {
    return (
      <Notice
        icon={<IconChecklist size={28} />}
        title={due === "today" ? t("tasks.empty.mineTitle") : t("tasks.empty.mineAnyTitle")}
        description={due === "today" ? t("tasks.empty.mineText") : t("tasks.empty.mineAnyText")}
        actions={
          <Group gap="sm" justify="center">
            <Button onClick={() => onScope("queue")}>{t("tasks.openQueue")}</Button>
            {due === "today" && (
              <Button variant="default" onClick={onAny}>
                {t("tasks.dueFilter.any")}
              </Button>
            )}
          </Group>
        }
      />
    );
  }
  return (
    <Notice
      icon={<IconInbox size={28} />}
      title={scope === "queue" ? t("tasks.empty.queueTitle") : t("tasks.empty.allTitle")}
      description={scope === "queue" ? t("tasks.empty.queueText") : t("tasks.empty.allText")}
      actions={
        due === "today" ? (
          <Button variant="default" onClick={onAny}>
            {t("tasks.dueFilter.any")}
          </Button>
        ) : undefined
      }
    />
  );
}
