import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import type { Deal, DealPanel, ProcessStep } from "@orbit/contracts";
import { IconAlertTriangle, IconCheck, IconSend } from "@tabler/icons-react";
import { type ComponentType, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useTaskLabels } from "../tasks/labels";
import { useDealLabels } from "./labels";
import { AccessoriesPanel } from "./panels/AccessoriesPanel";
import { ClientPanel } from "./panels/ClientPanel";
import { CreditPanel } from "./panels/CreditPanel";
import { DeliveryPanel } from "./panels/DeliveryPanel";
import { DocumentsPanel } from "./panels/DocumentsPanel";
import { InsurancePanel } from "./panels/InsurancePanel";
import { NeedsPanel } from "./panels/NeedsPanel";
import { PaymentPanel } from "./panels/PaymentPanel";
import { TradeInPanel } from "./panels/TradeInPanel";
import type { PanelProps } from "./panels/types";
import { VehiclePanel } from "./panels/VehiclePanel";
import { useDealRun, usePanelAccess } from "./useDealRun";

const PANELS: Record<DealPanel, ComponentType<PanelProps>> = {
  needs: NeedsPanel,
  vehicle: VehiclePanel,
  trade_in: TradeInPanel,
  credit: CreditPanel,
  insurance: InsurancePanel,
  accessories: AccessoriesPanel,
  client: ClientPanel,
  documents: (p) => <DocumentsPanel {...p} kinds={["quote", "contract"]} />,
  payment: PaymentPanel,
  delivery: DeliveryPanel,
};

/**
 * One step of the deal as its process defines it: what it still lacks, who does it, its screen, and the
 * buttons to pass it to a specialist or complete it.
 */
export function StepCard({
  deal,
  step,
  onCompleted,
}: {
  deal: Deal;
  step: ProcessStep;
  onCompleted: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDealLabels();
  const taskLabels = useTaskLabels();
  const { run, busy } = useDealRun(deal.id);
  const access = usePanelAccess(deal);
  const state = deal.steps.find((s) => s.code === step.code)!;
  const [note, setNote] = useState("");
  const Panel = PANELS[step.panel];
  const title = labels.title(step.title);
  const late = state.task && state.task.status === "open" && new Date(state.task.slaAt) < new Date();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`step-${step.code}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} fz="lg" id={`step-${step.code}`}>
              {title}
            </Title>
            <Text size="xs" c="dimmed">
              {t("deals.stepRoles", { roles: labels.roles(step.roles) })}
            </Text>
          </div>
          <Badge
            variant="light"
            color={state.status === "done" ? "teal" : state.status === "waiting" ? "yellow" : "gray"}
            tt="none"
            fw={500}
          >
            {labels.stepStatus(state.status)}
          </Badge>
        </Group>

        {state.status === "done" ? (
          <Text size="sm" c="teal">
            {t("deals.completedBy", {
              name: state.completedBy ?? "—",
              when: format.dateTime(state.completedAt!),
            })}{" "}
            · {t("deals.stepTime", { time: labels.duration(state.seconds) })}
          </Text>
        ) : state.missing.length > 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="xs" title={t("deals.missing")}>
            <Text size="sm" data-testid="missing">
              {state.missing.map((f) => labels.field(f)).join(", ")}
            </Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t("deals.nothingMissing")}
          </Text>
        )}

        {state.task && (
          <Text size="sm" c={late ? "red" : undefined}>
            {state.task.status === "open"
              ? t("deals.withSpecialist", {
                  name: state.task.assigneeName
                    ? ` (${state.task.assigneeName})`
                    : ` (${taskLabels.queue(step.handoff?.queue ?? "")})`,
                  when: taskLabels.when(state.task.slaAt),
                }) + (late ? ` — ${t("deals.slaLate")}` : "")
              : state.task.completedAt &&
                t("deals.returned", { when: format.dateTime(state.task.completedAt) })}
          </Text>
        )}

        <Panel
          deal={deal}
          step={step}
          run={run}
          busy={busy}
          editable={access(step.panel)}
          specialist={access(step.panel, true)}
        />

        {deal.status === "open" && state.status !== "done" && (
          <Group gap="sm" align="flex-end">
            {step.handoff && state.status === "todo" && access(step.panel) && (
              <>
                <Textarea
                  label={t("deals.handoffNote")}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  autosize
                  minRows={1}
                  w={320}
                />
                <Button
                  variant="light"
                  leftSection={<IconSend size={16} />}
                  loading={busy}
                  onClick={async () => {
                    const done = await run(
                      `/steps/${step.code}/handoff`,
                      note.trim() ? { note: note.trim() } : {},
                    );
                    if (done) setNote("");
                  }}
                >
                  {t(`deals.handoff.${step.handoff.kind}`)}
                </Button>
              </>
            )}
            {state.mayComplete ? (
              <Button
                leftSection={<IconCheck size={16} />}
                loading={busy}
                color="teal"
                onClick={async () => {
                  // The guide moves on to the step now at hand.
                  const done = await run(`/steps/${step.code}/complete`, undefined, {
                    success: t("deals.completed", { step: title }),
                  });
                  if (done) onCompleted();
                }}
              >
                {t("deals.complete")}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {t("deals.cannotComplete", { roles: labels.roles(step.roles) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
