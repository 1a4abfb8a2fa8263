import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { EXPERIMENT_METRICS, EXPERIMENT_UNITS, type Experiment } from "@orbit/contracts";
import { IconFlask } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { Notice } from "../../ui/Notice";
import { useNotify } from "../../ui/notify";
import { can, useCurrentUser } from "../auth/session";
import { presetPeriod } from "../tasks/period";
import { dealerDay } from "../tasks/taskDisplay";
import { useCreateExperiment, useExperiments } from "./api";

/** Pilots with their groups' results and the uplift's interval; a manager starts a new one. */
export function PilotsPanel() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useExperiments();
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t("analytics.pilots.intro")}
      </Text>
      {can(user, "analytics.manage") && <NewPilot />}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data?.length === 0 ? (
        <Notice icon={<IconFlask size={28} />} title={t("analytics.pilots.none")} description={null} />
      ) : (
        (list.data ?? []).map((e) => <PilotCard key={e.id} experiment={e} />)
      )}
    </Stack>
  );
}

function PilotCard({ experiment: e }: { experiment: Experiment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pct = (v: number | null) => (v === null ? "—" : format.percent(v));
  const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${format.percent(v)}`);
  const arm = (name: "pilot" | "control") => (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t(`analytics.pilots.${name}`)}
      </Text>
      <Text size="sm" data-testid={`${name}-line`}>
        {t("analytics.pilots.armLine", {
          units: format.number(e[name].units),
          successes: format.number(e[name].successes),
          n: format.number(e[name].n),
          rate: pct(name === "pilot" ? e.uplift.pilotRate : e.uplift.controlRate),
        })}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="md" aria-label={e.name}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{e.name}</Title>
        <Text size="sm" c="dimmed">
          {format.date(e.startsOn)} — {format.date(e.endsOn)}
        </Text>
      </Group>
      <Text size="sm" mb="sm">
        {e.change} · {t(`analytics.pilots.units.${e.unit}`)} · {t(`analytics.pilots.metrics.${e.metric}`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {arm("pilot")}
        {arm("control")}
        <Stack gap={4}>
          {e.uplift.uplift === null ? (
            <Text size="sm">{t("analytics.pilots.noData")}</Text>
          ) : (
            <>
              <Text size="sm" data-testid="uplift">
                {t("analytics.pilots.uplift", {
                  uplift: signed(e.uplift.uplift),
                  low: signed(e.uplift.low),
                  high: signed(e.uplift.high),
                })}
              </Text>
              <Badge color={e.uplift.significant ? "teal" : "gray"} variant="light">
                {e.uplift.significant
                  ? t("analytics.pilots.significant")
                  : t("analytics.pilots.notSignificant")}
              </Badge>
            </>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function NewPilot() {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const create = useCreateExperiment();
  const last90 = presetPeriod("last90", dealerDay());
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    name: "",
    change: "",
    unit: "dealership" as (typeof EXPERIMENT_UNITS)[number],
    metric: "task_booked" as (typeof EXPERIMENT_METRICS)[number],
    share: 50,
    seed: "",
    startsOn: last90.from,
    endsOn: last90.to,
  });
  if (!open)
    return (
      <Group>
        <Button onClick={() => setOpen(true)}>{t("analytics.pilots.create")}</Button>
      </Group>
    );
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = () =>
    create.mutate(
      {
        name: form.name,
        change: form.change,
        unit: form.unit,
        metric: form.metric,
        pilotShare: form.share / 100,
        seed: form.seed || undefined,
        startsOn: form.startsOn,
        endsOn: form.endsOn,
      },
      {
        onSuccess: () => {
          notify.success(t("analytics.pilots.created"));
          setOpen(false);
        },
        onError: (error) => notify.error(errorText(error)),
      },
    );
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          required
          label={t("analytics.pilots.name")}
          value={form.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <TextInput
          required
          label={t("analytics.pilots.change")}
          value={form.change}
          onChange={(e) => set({ change: e.currentTarget.value })}
        />
        <Select
          label={t("analytics.pilots.unit")}
          data={EXPERIMENT_UNITS.map((u) => ({ value: u, label: t(`analytics.pilots.units.${u}`) }))}
          value={form.unit}
          onChange={(v) => v && set({ unit: v as typeof form.unit })}
          allowDeselect={false}
        />
        <Select
          label={t("analytics.pilots.metric")}
          data={EXPERIMENT_METRICS.map((m) => ({ value: m, label: t(`analytics.pilots.metrics.${m}`) }))}
          value={form.metric}
          onChange={(v) => v && set({ metric: v as typeof form.metric })}
          allowDeselect={false}
        />
        <NumberInput
          label={t("analytics.pilots.share")}
          min={1}
          max={99}
          value={form.share}
          onChange={(v) => set({ share: Number(v) || 50 })}
        />
        <TextInput
          label={t("analytics.pilots.seed")}
          value={form.seed}
          onChange={(e) => set({ seed: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t("analytics.pilots.startsOn")}
          value={form.startsOn}
          onChange={(e) => set({ startsOn: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t("analytics.pilots.endsOn")}
          value={form.endsOn}
          onChange={(e) => set({ endsOn: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={create.isPending}>
          {t("analytics.pilots.save")}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </Group>
    </Paper>
  );
}
