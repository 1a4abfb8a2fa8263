import { Group, Stack, Text } from "@mantine/core";
import type { CardLoyalty } from "@orbit/contracts";
import { IconGift } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { movementText } from "../loyalty/movementText";
import { DIVIDED, Empty, Section, useFolded } from "./Section";

/** The client's loyalty points: the balance and every movement with its reason, as the client sees them. */
export function LoyaltyCard({ loyalty }: { loyalty: CardLoyalty }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { shown, toggle } = useFolded(loyalty.movements, 5);
  return (
    <Section
      id="loyalty"
      title={t("card.loyaltyTitle")}
      icon={<IconGift size={18} />}
      aside={
        <Text fw={700} size="sm">
          {t("portal.balance", { points: loyalty.balance })}
        </Text>
      }
    >
      {loyalty.movements.length === 0 ? (
        <Empty>{t("card.loyaltyEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((m, i) => (
            <Group
              key={m.id}
              component="li"
              justify="space-between"
              wrap="nowrap"
              style={i > 0 ? DIVIDED : undefined}
            >
              <Stack gap={0}>
                <Text size="sm">{movementText(t, m)}</Text>
                <Text size="xs" c="dimmed">
                  {format.day(m.at)}
                </Text>
              </Stack>
              <Text fw={600} c={m.points > 0 ? "teal" : "red"}>
                {m.points > 0 ? `+${m.points}` : m.points}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {toggle}
    </Section>
  );
}
