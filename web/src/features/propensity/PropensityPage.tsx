import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ModelVersion, PropensityOverview } from "@orbit/contracts";
import { IconBrain, IconLoader2, IconPlayerPlay, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { ErrorState } from "../../ui/ErrorState";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { offerFamily } from "../workspace/offerText";
import { usePropensity, useSetFamilyActive, useTrainNow } from "./api";
import { CalibrationChart } from "./CalibrationChart";
import { FamilyForm } from "./FamilyForm";

type Family = PropensityOverview["families"][number];

/**
 * The propensity models, for administrators, directors and marketers: per kind of offer the version that
 * scores clients now, how it did on the last year it never saw (against the contact standards on the
 * same clients), its calibration, the earlier versions, and "too little history: the standards are
 * used" where there is no model. Training can be started here.
 */
export function PropensityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const overview = usePropensity();
  const train = useTrainNow();
  const [adding, setAdding] = useState(false);
  const data = overview.data;
  const trainNow = () =>
    train.mutate(undefined, {
      onSuccess: () => notify.success(t("propensity.trainQueued")),
      onError: (err) =>
        notify.error(
          err instanceof ApiRequestError && err.status === 409
            ? t("propensity.trainBusy")
            : t("errors.unknown"),
        ),
    });

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("propensity.pageTitle")}
        subtitle={t("propensity.subtitle")}
        actions={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t("propensity.addFamily")}
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={trainNow}
              loading={train.isPending}
              disabled={data?.pending.training}
            >
              {t("propensity.trainNow")}
            </Button>
          </Group>
        }
      />
      {overview.isError && !data ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <>
          {data && (
            <Stack gap={4}>
              <Text size="sm" c="dimmed" data-testid="last-run">
                {data.lastRun
                  ? t("propensity.lastRun", {
                      date: format.dateTime(data.lastRun.finishedAt),
                      cars: format.number(data.lastRun.cars),
                      offers: format.number(data.lastRun.offers),
                      seconds: format.number(Math.round(data.lastRun.ms / 100) / 10),
                    })
                  : t("propensity.noRun")}
              </Text>
              {(data.pending.training || data.pending.scoring) && (
                <Group gap={6}>
                  <IconLoader2 size={16} className="spin" />
                  <Text size="sm">
                    {data.pending.training ? t("propensity.pendingTraining") : t("propensity.pendingScoring")}
                  </Text>
                </Group>
              )}
            </Stack>
          )}
          <SimpleGrid
            cols={{ base: 1, lg: 2 }}
            spacing="md"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
          >
            {data
              ? data.families.map((f) => <FamilyCard key={f.id} family={f} />)
              : placeholderKeys(4).map((k) => (
                  <Card key={k} withBorder radius="md" component="li">
                    <Skeleton h={18} w="40%" mb="sm" />
                    <Skeleton h={120} />
                  </Card>
                ))}
          </SimpleGrid>
        </>
      )}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t("propensity.familyForm.title")}
        size="lg"
      >
        {adding && <FamilyForm onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function FamilyCard({ family }: { family: Family }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const setActive = useSetFamilyActive();
  const [showVersions, setShowVersions] = useState(false);
  const name = offerFamily(family.code, t, family.name);
  const active = family.liveModel;
  const latest = family.versions[0] ?? null;
  const shown = active ?? latest;
  const fallbackText = (v: ModelVersion | null) =>
    v?.fallbackReason && hasKey(ru.propensity.fallbackReasons, v.fallbackReason)
      ? t(`propensity.fallbackReasons.${v.fallbackReason}`)
      : null;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="li"
      aria-label={name}
      data-testid={`family-${family.code}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            <IconBrain size={18} />
            <Title order={3} fz="md">
              {name}
            </Title>
            {!family.builtIn && (
              <Badge variant="light" color="grape" tt="none">
                {t("propensity.custom")}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {active ? (
              <Badge color="teal" variant="light" tt="none">
                {t("propensity.version", { version: active.version })} · {t("propensity.status.active")}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" tt="none">
                {t("propensity.rulesUsed")}
              </Badge>
            )}
            <Switch
              checked={family.active}
              aria-label={name}
              onChange={(e) =>
                setActive.mutate(
                  { id: family.id, active: e.currentTarget.checked },
                  { onError: () => notify.error(t("errors.unknown")) },
                )
              }
            />
          </Group>
        </Group>
        {!family.active && (
          <Text size="sm" c="dimmed">
            {t("propensity.off")}
          </Text>
        )}
        {!active && (
          <Alert color="orange" variant="light" p="xs" data-testid="fallback">
            <Text size="sm">
              {fallbackText(latest) ?? (latest ? t("propensity.rulesUsed") : t("propensity.noVersions"))}
            </Text>
          </Alert>
        )}
        {shown?.evaluation && <EvaluationView version={shown} />}
        {family.versions.length > 0 && (
          <>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowVersions((v) => !v)}
              w="fit-content"
            >
              {t("propensity.showVersions", { count: family.versions.length })}
            </Button>
            <Collapse expanded={showVersions}>
              <Table fz="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t("propensity.auc")}</Table.Th>
                    <Table.Th>{t("propensity.top10")}</Table.Th>
                    <Table.Th>{t("propensity.rows")}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {family.versions.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>{v.version}</Table.Td>
                      <Table.Td>{v.evaluation?.model.auc?.toFixed(3) ?? "—"}</Table.Td>
                      <Table.Td>
                        {v.evaluation?.model.top10.precision != null
                          ? format.percent(v.evaluation.model.top10.precision)
                          : "—"}
                      </Table.Td>
                      <Table.Td>{format.number(v.trainingRows)}</Table.Td>
                      <Table.Td>
                        <Text span fz="xs" c="dimmed">
                          {t(`propensity.status.${v.status}`)} · {format.dateTime(v.trainedAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Collapse>
          </>
        )}
      </Stack>
    </Card>
  );
}

function EvaluationView({ version: v }: { version: ModelVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const e = v.evaluation!;
  const auc = e.model.auc;
  const rules = e.rules.auc;
  const p10 = e.model.top10.precision;
  const rulesP10 = e.rules.top10.precision;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap" data-testid="evaluation">
      <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
        <Group gap="xl">
          <div>
            <Text size="xs" c="dimmed" title={t("propensity.aucHint")}>
              {t("propensity.auc")}
            </Text>
            <Text fw={700} fz="xl" data-testid="auc">
              {auc?.toFixed(3) ?? "—"}
            </Text>
            {rules !== null && (
              <Text size="xs" c="dimmed">
                {t("propensity.rulesAuc", { value: rules.toFixed(3) })}
              </Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed" title={t("propensity.top10Hint")}>
              {t("propensity.top10")}
            </Text>
            <Text fw={700} fz="xl" data-testid="precision-at-10">
              {p10 !== null ? format.percent(p10) : "—"}
            </Text>
            {p10 !== null && rulesP10 !== null && rulesP10 > 0 && (
              <Text size="xs" c="dimmed">
                {t("propensity.lift", { value: format.number(Math.round((p10 / rulesP10) * 10) / 10) })}
              </Text>
            )}
          </div>
        </Group>
        {e.model.top10.capture !== null && (
          <Text size="xs">{t("propensity.capture10", { value: format.percent(e.model.top10.capture) })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t("propensity.version", { version: v.version })},{" "}
          {t("propensity.trainedAt", { date: format.dateTime(v.trainedAt) })}
        </Text>
        {v.holdoutFrom && v.holdoutTo && (
          <Text size="xs" c="dimmed">
            {t("propensity.holdout", {
              from: format.date(v.holdoutFrom),
              to: format.date(v.holdoutTo),
              rows: format.number(e.model.rows),
              positives: format.number(e.model.positives),
            })}
          </Text>
        )}
        {v.trainFrom && v.trainTo && (
          <Text size="xs" c="dimmed">
            {t("propensity.training", {
              from: format.date(v.trainFrom),
              to: format.date(v.trainTo),
              rows: format.number(v.trainingRows),
              positives: format.number(v.trainingPositives),
            })}
            {v.feedbackRows > 0 && `; ${t("propensity.feedback", { count: v.feedbackRows })}`}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t("propensity.trees", {
            count: v.trees,
            seconds: format.number(Math.round(v.trainingMs / 100) / 10),
          })}
        </Text>
        {v.status !== "active" &&
          v.fallbackReason &&
          hasKey(ru.propensity.fallbackReasons, v.fallbackReason) && (
            <Text size="xs" c="orange.8">
              {t(`propensity.fallbackReasons.${v.fallbackReason}`)}
            </Text>
          )}
      </Stack>
      <div>
        <Text size="xs" fw={600} title={t("propensity.calibrationHint")}>
          {t("propensity.calibration")}
        </Text>
        <CalibrationChart bins={e.model.calibration} />
      </div>
    </Group>
  );
}
