import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NavLink,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import {
  DEAL_FIELDS,
  DEAL_PANELS,
  type DealProcess,
  HANDOFF_KINDS,
  ProcessSave,
  type ProcessStep,
  ROLES,
} from "@orbit/contracts";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { useTaskLabels } from "../tasks/labels";
import { useProcesses, useSaveProcess } from "./api";
import { useDealLabels } from "./labels";

/** The analyst's page: each process's steps, what they require, who does them, hand-offs; saved as a new version. */
export function ProcessesPage() {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const processes = useProcesses();
  const [code, setCode] = useState<string | null>(null);
  const list = processes.data;
  const chosen = list?.find((p) => p.code === code) ?? list?.[0];
  return (
    <>
      <PageHeader title={t("deals.processes.pageTitle")} subtitle={t("deals.processes.subtitle")} />
      {processes.isError && !list ? (
        <ErrorState error={processes.error} onRetry={() => processes.refetch()} />
      ) : !list || !chosen ? (
        <Skeleton h={400} />
      ) : (
        <Group align="flex-start" gap="md" wrap="nowrap">
          <Paper
            withBorder
            radius="md"
            p={4}
            w={280}
            style={{ flexShrink: 0 }}
            component="nav"
            aria-label={t("deals.processes.pageTitle")}
          >
            {list.map((p) => (
              <NavLink
                key={p.code}
                label={labels.title(p.name)}
                description={t("deals.processes.version", { version: p.version })}
                active={p.code === chosen.code}
                onClick={() => setCode(p.code)}
              />
            ))}
          </Paper>
          <div style={{ flex: 1, minWidth: 0 }}>
            <ProcessEditor key={`${chosen.code}:${chosen.version}`} process={chosen} />
          </div>
        </Group>
      )}
    </>
  );
}

type Errors = Record<string, string>;

function ProcessEditor({ process }: { process: DealProcess }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const save = useSaveProcess();
  const [name, setName] = useState(process.name);
  const [steps, setSteps] = useState<ProcessStep[]>(process.steps);
  // Stable keys for the step cards: the code is edited, so it cannot be the key.
  const [keys, setKeys] = useState<number[]>(() => process.steps.map((_, i) => i));
  const [errors, setErrors] = useState<Errors>({});
  const update = (i: number, patch: Partial<ProcessStep>) =>
    setSteps((s) => s.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const reorder = <T,>(list: T[], i: number, by: number) => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    return next;
  };
  const move = (i: number, by: number) => {
    setSteps((s) => reorder(s, i, by));
    setKeys((k) => reorder(k, i, by));
  };
  const submit = () => {
    const body = { name, steps, baseVersion: process.version };
    const parsed = ProcessSave.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [`body.${i.path.join(".")}`, i.message])));
      notify.error(t("deals.processes.invalid"));
      return;
    }
    save.mutate(
      { code: process.code, body: parsed.data },
      {
        onSuccess: (saved) => notify.success(t("deals.processes.saved", { version: saved.version })),
        onError: (e) => {
          if (e instanceof ApiRequestError && e.fields.length) {
            setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
            notify.error(t("deals.processes.invalid"));
          } else notify.error(errorText(e));
        },
      },
    );
  };
  const err = (i: number, field: string) => errors[`body.steps.${i}.${field}`];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("deals.processes.version", { version: process.version })}
        {process.createdBy
          ? ` · ${t("deals.processes.savedBy", { name: process.createdBy, when: format.dateTime(process.createdAt) })}`
          : ""}
        {" · "}
        {t("deals.processes.openDealsKeep")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("deals.processes.nameRu")}
          value={name.ru}
          onChange={(e) => setName({ ...name, ru: e.currentTarget.value })}
          error={errors["body.name.ru"]}
        />
        <TextInput
          label={t("deals.processes.nameEn")}
          value={name.en}
          onChange={(e) => setName({ ...name, en: e.currentTarget.value })}
          error={errors["body.name.en"]}
        />
      </SimpleGrid>
      <Title order={3} fz="md">
        {t("deals.processes.steps")}
      </Title>
      {errors["body.steps"] && <Alert color="red">{errors["body.steps"]}</Alert>}
      <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
        {steps.map((s, i) => (
          <StepEditor
            key={keys[i]}
            index={i}
            step={s}
            count={steps.length}
            err={(f) => err(i, f)}
            onChange={(patch) => update(i, patch)}
            onMove={(by) => move(i, by)}
            onRemove={() => {
              setSteps((all) => all.filter((_, k) => k !== i));
              setKeys((all) => all.filter((_, k) => k !== i));
            }}
          />
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => {
            setKeys((k) => [...k, Math.max(-1, ...k) + 1]);
            setSteps((s) => [
              ...s,
              {
                code: `step_${s.length + 1}`,
                title: { ru: "Новый шаг", en: "New step" },
                panel: "accessories",
                requires: [],
                roles: ["salesperson"],
                handoff: null,
                closes: false,
              },
            ]);
          }}
        >
          {t("deals.processes.addStep")}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t("deals.processes.save")}
        </Button>
      </Group>
    </Stack>
  );
}

interface StepEditorProps {
  index: number;
  step: ProcessStep;
  count: number;
  err: (field: string) => string | undefined;
  onChange: (patch: Partial<ProcessStep>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function StepEditor({ index, step, count, err, onChange, onMove, onRemove }: StepEditorProps) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const taskLabels = useTaskLabels();
  const label = t("deals.processes.stepN", { n: index + 1 });
  return (
    <Card
      component="li"
      withBorder
      radius="md"
      padding="sm"
      aria-label={`${label}: ${labels.title(step.title)}`}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {label}: {labels.title(step.title)}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={t("deals.processes.moveUp")}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t("deals.processes.moveDown")}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("deals.processes.removeStep")}
              disabled={count === 1}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          <TextInput
            label={t("deals.processes.code")}
            value={step.code}
            onChange={(e) => onChange({ code: e.currentTarget.value })}
            error={err("code")}
          />
          <TextInput
            label={t("deals.processes.titleRu")}
            value={step.title.ru}
            onChange={(e) => onChange({ title: { ...step.title, ru: e.currentTarget.value } })}
            error={err("title.ru")}
          />
          <TextInput
            label={t("deals.processes.titleEn")}
            value={step.title.en}
            onChange={(e) => onChange({ title: { ...step.title, en: e.currentTarget.value } })}
            error={err("title.en")}
          />
          <Select
            label={t("deals.processes.panel")}
            data={DEAL_PANELS.map((p) => ({ value: p, label: labels.panel(p) }))}
            value={step.panel}
            onChange={(p) => p && onChange({ panel: p as ProcessStep["panel"] })}
            allowDeselect={false}
            error={err("panel")}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("deals.processes.requires")}
          data={DEAL_FIELDS.map((f) => ({ value: f, label: labels.field(f) }))}
          value={step.requires}
          onChange={(v) => onChange({ requires: v as ProcessStep["requires"] })}
          error={err("requires")}
          searchable
        />
        <MultiSelect
          label={t("deals.processes.roles")}
          data={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          value={step.roles}
          onChange={(v) => onChange({ roles: v as ProcessStep["roles"] })}
          error={err("roles")}
        />
        <Group gap="lg" align="flex-end">
          <Switch
            label={t("deals.processes.handoff")}
            checked={step.handoff !== null}
            onChange={(e) =>
              onChange({
                handoff: e.currentTarget.checked
                  ? { kind: "appraisal", queue: "appraisal", slaHours: 2 }
                  : null,
              })
            }
          />
          {step.handoff && (
            <>
              <Select
                label={t("deals.processes.handoffKind")}
                data={HANDOFF_KINDS.map((k) => ({ value: k, label: t(`deals.processes.handoffKinds.${k}`) }))}
                value={step.handoff.kind}
                onChange={(k) =>
                  k && onChange({ handoff: { ...step.handoff!, kind: k as (typeof HANDOFF_KINDS)[number] } })
                }
                allowDeselect={false}
                error={err("handoff.kind")}
                w={220}
              />
              <Select
                label={t("deals.processes.queue")}
                data={(["appraisal", "finance", "sales"] as const).map((q) => ({
                  value: q,
                  label: taskLabels.queue(q),
                }))}
                value={step.handoff.queue}
                onChange={(q) =>
                  q &&
                  onChange({ handoff: { ...step.handoff!, queue: q as "appraisal" | "finance" | "sales" } })
                }
                allowDeselect={false}
                w={220}
              />
              <NumberInput
                label={t("deals.processes.slaHours")}
                min={1}
                max={720}
                value={step.handoff.slaHours}
                onChange={(v) => onChange({ handoff: { ...step.handoff!, slaHours: Number(v) || 1 } })}
                error={err("handoff.slaHours")}
                w={120}
              />
            </>
          )}
          <Switch
            label={t("deals.processes.closes")}
            checked={step.closes}
            onChange={(e) => onChange({ closes: e.currentTarget.checked })}
          />
        </Group>
        {err("closes") && (
          <Text size="xs" c="red">
            {err("closes")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
