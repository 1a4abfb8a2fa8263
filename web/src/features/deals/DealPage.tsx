import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
  UnstyledButton,
} from "@mantine/core";
import type { Deal } from "@orbit/contracts";
import { IconCircleCheck, IconCircleDashed, IconClock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { PageHeader } from "../../ui/PageHeader";
import { useDeal, useProcesses } from "./api";
import { useDealLabels } from "./labels";
import { StepCard } from "./StepCard";
import { useDealRun } from "./useDealRun";

const STATUS_COLOR = { open: "orbit", won: "teal", lost: "gray" } as const;

/** The guided deal: its steps on the left, the step at hand on the right, the money and the history below. */
export function DealPage() {
  const { id } = useParams();
  const dealId = Number(id);
  const deal = useDeal(dealId);
  const { t } = useTranslation();
  if (deal.isError && !deal.data) return <ErrorState error={deal.error} onRetry={() => deal.refetch()} />;
  if (!deal.data)
    return (
      <Stack>
        <PageHeader title={t("deals.title", { id: dealId })} />
        <Skeleton h={400} />
      </Stack>
    );
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDealLabels();
  const [params, setParams] = useSearchParams();
  const steps = deal.process?.steps ?? [];
  const selected =
    steps.find((s) => s.code === params.get("step")) ??
    steps.find((s) => s.code === deal.currentStep) ??
    steps[steps.length - 1];
  return (
    <>
      <PageHeader
        title={t("deals.title", { id: deal.id })}
        subtitle={
          <>
            <Anchor component={Link} to={`/clients/${deal.clientId}`} inherit>
              {deal.clientName}
            </Anchor>
            {" · "}
            {deal.process ? labels.title(deal.process.name) : "—"} · {deal.dealershipName}
            {deal.salespersonName ? ` · ${t("deals.owner", { name: deal.salespersonName })}` : ""}
          </>
        }
        actions={
          <Group gap="xs">
            <Badge size="lg" variant="light" color={STATUS_COLOR[deal.status]} tt="none" fw={500}>
              {labels.status(deal.status)}
            </Badge>
            <Badge
              size="lg"
              variant="outline"
              tt="none"
              fw={500}
              leftSection={<IconClock size={14} />}
              data-testid="cycle"
            >
              {t("deals.cycle", { time: labels.duration(deal.cycleSeconds) })}
            </Badge>
            {deal.status === "open" && deal.mayEdit && <LoseButton deal={deal} />}
          </Group>
        }
      />
      {deal.status === "won" && (
        <Text c="teal" fw={500} mb="sm">
          {t("deals.won")}
        </Text>
      )}
      {deal.status === "lost" && (
        <Text c="dimmed" mb="sm">
          {t("deals.lost")}
          {deal.lostReason ? `: ${deal.lostReason}` : ""}
        </Text>
      )}
      {!deal.process ? (
        <StartProcess deal={deal} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Card withBorder radius="md" padding="sm" component="nav" aria-label={t("deals.stepsLabel")}>
                <Title order={3} fz="md" mb="xs">
                  {t("deals.stepsTitle")}
                </Title>
                <Stack component="ol" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
                  {steps.map((s, i) => {
                    const st = deal.steps.find((x) => x.code === s.code);
                    const active = selected?.code === s.code;
                    return (
                      <li key={s.code}>
                        <UnstyledButton
                          onClick={() => setParams({ step: s.code }, { replace: true })}
                          aria-current={active ? "step" : undefined}
                          p={6}
                          w="100%"
                          style={{
                            borderRadius: 6,
                            background: active ? "var(--mantine-color-orbit-light)" : undefined,
                          }}
                        >
                          <Group gap={8} wrap="nowrap" align="flex-start">
                            {st?.status === "done" ? (
                              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
                            ) : st?.status === "waiting" ? (
                              <IconClock size={18} color="var(--mantine-color-yellow-7)" />
                            ) : (
                              <IconCircleDashed size={18} color="var(--mantine-color-gray-5)" />
                            )}
                            <div style={{ minWidth: 0 }}>
                              <Text size="sm" fw={deal.currentStep === s.code ? 700 : 500}>
                                {i + 1}. {labels.title(s.title)}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {labels.stepStatus(st?.status ?? "todo")}
                                {deal.currentStep === s.code ? ` · ${t("deals.current")}` : ""}
                                {st && st.status !== "done" && st.missing.length > 0
                                  ? ` · ${t("deals.missing").toLowerCase()}: ${st.missing.length}`
                                  : ""}
                                {st?.status === "done" ? ` · ${labels.duration(st.seconds)}` : ""}
                              </Text>
                            </div>
                          </Group>
                        </UnstyledButton>
                      </li>
                    );
                  })}
                </Stack>
              </Card>
              <Totals deal={deal} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              {selected && (
                <StepCard
                  key={selected.code}
                  deal={deal}
                  step={selected}
                  onCompleted={() => setParams({}, { replace: true })}
                />
              )}
              <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="deal-timeline">
                <Title order={3} fz="md" mb="xs" id="deal-timeline">
                  {t("deals.timeline.title")}
                </Title>
                <Timeline bulletSize={10} lineWidth={2}>
                  {deal.timeline.map((e) => (
                    <Timeline.Item key={e.id}>
                      <Text size="sm">
                        {e.action === "step" || e.action === "handoff"
                          ? `${stepTitleOf(deal, e.processStep, labels.title) ?? e.processStep} · ${labels.action(e.action)}`
                          : (labels.edit(e.processStep) ?? labels.action(e.action))}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ""}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

/** "deal.appraisal" (a completed step) reads as the step's title. */
function stepTitleOf(
  deal: Deal,
  processStep: string | null,
  title: (x: { ru: string; en: string }) => string,
) {
  const m = processStep?.match(/^deal\.([a-z0-9_]+)(\.handoff)?$/);
  const step = m ? deal.process?.steps.find((s) => s.code === m[1]) : undefined;
  return step ? title(step.title) : null;
}

function Totals({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, number][] = [
    [t("deals.totals.vehicle"), deal.totals.vehicleRub],
    [t("deals.totals.accessories"), deal.totals.accessoriesRub],
    [t("deals.totals.tradeIn"), -deal.totals.tradeInRub],
    [t("deals.totals.toPay"), deal.totals.toPayRub],
    [t("deals.totals.downPayment"), deal.totals.downPaymentRub],
    [
      t("deals.totals.credit"),
      deal.credit.offers.some((o) => o.chosen) || deal.credit.requestedRub ? deal.totals.creditRub : 0,
    ],
    [t("deals.totals.insurance"), deal.totals.insuranceRub],
  ];
  if (rows.every(([, v]) => v === 0)) return null;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="deal-totals">
      <Title order={3} fz="md" mb="xs" id="deal-totals">
        {t("deals.totals.title")}
      </Title>
      <Stack gap={2}>
        {rows
          .filter(([, v]) => v !== 0)
          .map(([label, v]) => (
            <Group key={label} justify="space-between">
              <Text size="sm">{label}</Text>
              <Text size="sm" fw={500}>
                {format.money(v)}
              </Text>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}

function LoseButton({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { run, busy } = useDealRun(deal.id);
  return (
    <>
      <Button variant="subtle" color="gray" onClick={() => setOpen(true)}>
        {t("deals.lose")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("deals.lose")}>
        <Stack>
          <TextInput
            label={t("deals.loseReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Button
            color="red"
            loading={busy}
            disabled={!reason.trim()}
            onClick={async () => {
              if (await run("/lose", { reason: reason.trim() }, { success: t("deals.lost") })) setOpen(false);
            }}
          >
            {t("deals.loseConfirm")}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}

function StartProcess({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const processes = useProcesses();
  const { run, busy } = useDealRun(deal.id);
  const [code, setCode] = useState<string | null>(null);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text size="sm">{t("deals.noProcess")}</Text>
        {deal.status === "open" && deal.mayEdit && (
          <Group align="flex-end">
            <Select
              label={t("deals.chooseProcess")}
              data={(processes.data ?? []).map((p) => ({ value: p.code, label: labels.title(p.name) }))}
              value={code}
              onChange={setCode}
              w={320}
            />
            <Button loading={busy} disabled={!code} onClick={() => run("/process", { processCode: code })}>
              {t("deals.startProcess")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
