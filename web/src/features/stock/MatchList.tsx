import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import type { MatchResponse } from "@orbit/contracts";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { STATUS_COLOR, useStockLabels } from "./labels";

interface Props {
  result: MatchResponse;
  /** Set when a car can be taken for a deal. */
  onChoose?: (vehicleId: number) => void;
  chosenId?: number | null;
  busy?: boolean;
}

/** Ranked cars of any brand with why each fits (green) and where it falls short (orange). */
export function MatchList({ result, onChoose, chosenId, busy }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStockLabels();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("stock.match.considered", { count: result.considered })}
      </Text>
      {result.matches.length === 0 && <Text size="sm">{t("stock.match.none")}</Text>}
      <Stack
        component="ol"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("stock.match.listLabel")}
      >
        {/* The deal's own car first: the employee sees what is chosen, then the alternatives. */}
        {[...result.matches]
          .sort((a, b) => Number(b.vehicle.id === chosenId) - Number(a.vehicle.id === chosenId))
          .map((m) => {
            const v = m.vehicle;
            const chosen = chosenId === v.id;
            return (
              <Card key={v.id} component="li" withBorder padding="sm" radius="md" aria-label={labels.car(v)}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={2} miw={0}>
                    <Group gap={6}>
                      <Text fw={600}>{labels.car(v)}</Text>
                      <Badge size="sm" variant="light" color={STATUS_COLOR[v.status]} tt="none" fw={500}>
                        {labels.status(v.status)}
                      </Badge>
                      <Badge size="sm" variant="default" tt="none" fw={500}>
                        {labels.condition(v.condition)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {labels.specs(v)} · {v.dealershipName} · VIN {v.vin}
                    </Text>
                    <Group gap={4} mt={4}>
                      {m.reasons.map((r) => (
                        <Badge
                          key={`${r.code}-${JSON.stringify(r.params)}`}
                          size="sm"
                          variant="light"
                          color={r.fits ? "teal" : "orange"}
                          tt="none"
                          fw={500}
                        >
                          {labels.reason(r)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                    <Text fw={700}>{format.money(v.priceRub)}</Text>
                    <Text size="xs" c="dimmed">
                      {t("stock.match.monthly", { amount: format.money(m.monthlyRub) })}
                    </Text>
                    <Badge variant="outline" tt="none" fw={500}>
                      {t("stock.match.score", { score: Math.round(m.score) })}
                    </Badge>
                    {onChoose && (
                      <Button
                        size="xs"
                        variant={chosen ? "light" : "filled"}
                        leftSection={chosen ? <IconCheck size={14} /> : undefined}
                        disabled={chosen}
                        loading={busy}
                        onClick={() => onChoose(v.id)}
                        aria-label={`${t("stock.match.choose")}: ${labels.car(v)}`}
                      >
                        {chosen ? t("stock.match.chosen") : t("stock.match.choose")}
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Card>
            );
          })}
      </Stack>
    </Stack>
  );
}
