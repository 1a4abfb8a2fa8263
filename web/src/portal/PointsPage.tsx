import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { movementText, tierName } from "../features/loyalty/movementText";
import { useFormat } from "../i18n/format";
import { loyaltyQuery } from "./api";

export function PointsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const loyalty = useQuery(loyaltyQuery);
  if (!loyalty.data) return null;
  const l = loyalty.data;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t("portal.points.heading")}
      </Title>
      <Text size="xl" fw={700} data-testid="points-balance">
        {t("portal.balance", { points: l.balance })}
      </Text>
      <Text size="sm">
        {t("portal.points.tier", { tier: tierName(t, l.tier), percent: l.cashbackPercent })}
      </Text>
      <Text size="xs" c="dimmed">
        {t("portal.points.rules", { share: Math.round(l.maxSpendShare * 100) })}
      </Text>
      {l.movements.length === 0 && <Text>{t("portal.points.empty")}</Text>}
      <Stack
        gap="xs"
        component="ul"
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("portal.points.heading")}
      >
        {l.movements.map((m) => (
          <Card key={m.id} withBorder padding="xs" component="li">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{movementText(t, m)}</Text>
              <Text fw={700} c={m.points > 0 ? "green" : "red"}>
                {m.points > 0 ? `+${m.points}` : m.points}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {f.day(m.at)}
              {m.expiresAt && m.points > 0
                ? ` · ${t("portal.points.expires", { date: f.day(m.expiresAt) })}`
                : ""}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
