import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ClientIdentity, DuplicateCandidate } from "@orbit/contracts";
import { IconArrowsSplit2, IconExternalLink, IconGitMerge } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useMergeDuplicate, useNotDuplicate } from "./api";
import { type ComparedField, comparedFields, levelKey, type Verdict } from "./comparison";
import { useClientLabels } from "./labels";

export const VERDICT_COLORS: Record<Verdict, string> = {
  equal: "teal",
  similar: "yellow",
  different: "red",
  unknown: "gray",
};

interface Props {
  pair: DuplicateCandidate;
  onSkip?: () => void;
}

export function DuplicatePair({ pair, onSkip }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const merge = useMergeDuplicate();
  const reject = useNotDuplicate();
  // The older record (lower id) survives by default: it is the one other systems already point to.
  const [survivor, setSurvivor] = useState(String(Math.min(pair.a.id, pair.b.id)));
  // After a decision the pair stays on screen until the queue reloads; it must not be decided twice.
  const [decided, setDecided] = useState(false);
  const rows = comparedFields(pair.a, pair.b, pair.explanation);
  const busy = merge.isPending || reject.isPending || decided;

  const doMerge = () =>
    merge.mutate(
      { id: pair.id, survivorId: Number(survivor) },
      {
        onSuccess: () => {
          setDecided(true);
          notify.success(t("duplicates.merged"));
        },
        onError: (error) => notify.error(errorText(error)),
      },
    );
  const doReject = () =>
    reject.mutate(pair.id, {
      onSuccess: () => {
        setDecided(true);
        notify.success(t("duplicates.rejected"));
      },
      onError: (error) => notify.error(errorText(error)),
    });

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-label={t("duplicates.pairLabel")}
    >
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t("duplicates.probabilityLabel")}
          </Text>
          <Title
            order={3}
            fz={28}
            lh={1.2}
            aria-label={t("duplicates.probability", { value: format.probability(pair.probability) })}
          >
            {format.probability(pair.probability)}
          </Title>
        </div>
        <Group gap={6}>
          {(["equal", "similar", "different"] as const).map((v) => (
            <Badge key={v} color={VERDICT_COLORS[v]} variant="light" radius="sm" tt="none" fw={500}>
              {t(`duplicates.verdicts.${v}`)}
            </Badge>
          ))}
        </Group>
      </Group>

      <Radio.Group value={survivor} onChange={setSurvivor} label={t("duplicates.survivorLabel")} mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
          <PairSide client={pair.a} rows={rows} side="a" />
          <PairSide client={pair.b} rows={rows} side="b" />
        </SimpleGrid>
      </Radio.Group>

      <Group justify="flex-end" gap="sm">
        {onSkip && (
          <Button variant="subtle" color="gray" onClick={onSkip} disabled={busy}>
            {t("duplicates.skip")}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconArrowsSplit2 size={16} />}
          onClick={doReject}
          loading={reject.isPending}
          disabled={busy}
        >
          {t("duplicates.notDuplicate")}
        </Button>
        <Button
          leftSection={<IconGitMerge size={16} />}
          onClick={doMerge}
          loading={merge.isPending}
          disabled={busy}
        >
          {t("duplicates.merge")}
        </Button>
      </Group>
    </Paper>
  );
}

function PairSide({
  client,
  rows,
  side,
}: {
  client: ClientIdentity;
  rows: ComparedField[];
  side: "a" | "b";
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const name = client.golden.displayName;
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      component="article"
      aria-label={t("duplicates.side", { id: client.id })}
    >
      <Stack gap={4} mb="sm">
        <Radio value={String(client.id)} label={t("duplicates.keepThis")} />
        <Group gap={6} wrap="nowrap">
          <Text fw={700} style={{ overflowWrap: "anywhere" }}>
            {name}
          </Text>
          <Anchor
            component={Link}
            to={`/clients/${client.id}`}
            target="_blank"
            aria-label={t("duplicates.openCard", { id: client.id })}
            title={t("duplicates.openCard", { id: client.id })}
            style={{ display: "flex" }}
          >
            <IconExternalLink size={16} />
          </Anchor>
        </Group>
        <Text fz="xs" c="dimmed">
          {t("clients.clientNumber", { id: client.id })} · {labels.segment(client.segment)}
        </Text>
      </Stack>
      <Stack gap={4}>
        {rows.map((row) => {
          const values = side === "a" ? row.a : row.b;
          const key = levelKey(row.comparison.levelLabel);
          const level = key ? t(`matchLevels.${key}`) : row.comparison.levelLabel;
          const weight = row.comparison.weight;
          return (
            <Box
              key={row.field}
              px="xs"
              py={6}
              data-verdict={row.verdict}
              style={{
                borderRadius: "var(--mantine-radius-sm)",
                background:
                  row.verdict === "unknown"
                    ? undefined
                    : `var(--mantine-color-${VERDICT_COLORS[row.verdict]}-0)`,
              }}
            >
              <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
                <Text fz="xs" c="dimmed">
                  {labels.field(row.field)}
                </Text>
                <Badge
                  size="xs"
                  color={VERDICT_COLORS[row.verdict]}
                  variant="light"
                  radius="sm"
                  tt="none"
                  title={t("duplicates.weight", {
                    weight: `${weight > 0 ? "+" : ""}${format.number(Math.round(weight * 10) / 10)}`,
                  })}
                  styles={{ label: { overflow: "visible" } }}
                >
                  {level}
                </Badge>
              </Group>
              <Text fz="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                {values === null
                  ? t("duplicates.notOnCard")
                  : values.length === 0
                    ? t("common.empty")
                    : values.map((v) => (row.field === "birthDate" ? format.date(v) : v)).join(", ")}
              </Text>
            </Box>
          );
        })}
      </Stack>
    </Card>
  );
}
