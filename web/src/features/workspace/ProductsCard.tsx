import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ClientCard } from "@orbit/contracts";
import { IconShieldCheck } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { daysUntil, ENDING_SOON_DAYS, joinParts, useCardLabels } from "./labels";
import { DIVIDED, Empty, Section } from "./Section";

type Policy = ClientCard["insurance"][number];
type Credit = ClientCard["credits"][number];

/** OSAGO, KASKO and credits, the latest end first; those ending within the renewal window stand out. */
export function ProductsCard({ insurance, credits }: Pick<ClientCard, "insurance" | "credits">) {
  const { t } = useTranslation();
  const items = useMemo(
    () =>
      [
        ...insurance.map((p) => ({ key: `p${p.id}`, endsOn: p.endsOn, policy: p })),
        ...credits.map((c) => ({ key: `c${c.id}`, endsOn: c.endsOn, credit: c })),
      ].sort((a, b) => b.endsOn.localeCompare(a.endsOn)),
    [insurance, credits],
  );
  return (
    <Section id="products" title={t("card.productsTitle")} icon={<IconShieldCheck size={18} />}>
      {items.length === 0 ? (
        <Empty>{t("card.productsEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {items.map((item, i) => (
            <li key={item.key} style={i > 0 ? DIVIDED : undefined}>
              {"policy" in item ? <PolicyRow policy={item.policy} /> : <CreditRow credit={item.credit} />}
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** "ends in 12 days" in orange within the window, "ended 07.11.2026" once past, the date otherwise. */
function EndBadge({ endsOn }: { endsOn: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const left = daysUntil(endsOn);
  const soon = left >= 0 && left <= ENDING_SOON_DAYS;
  const text =
    left < 0
      ? t("card.ended", { date: format.date(endsOn) })
      : left === 0
        ? t("card.endsToday")
        : soon
          ? t("card.endsIn", { count: left })
          : format.date(endsOn);
  return (
    <Badge
      variant={soon ? "filled" : "light"}
      color={soon ? "orange" : "gray"}
      radius="sm"
      tt="none"
      fw={500}
      style={{ flexShrink: 0 }}
      data-ending={soon || undefined}
    >
      {text}
    </Badge>
  );
}

function PolicyRow({ policy: p }: { policy: Policy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  return (
    <>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {joinParts(labels.policyKind(p.kind), p.insurer)}
        </Text>
        <EndBadge endsOn={p.endsOn} />
      </Group>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {joinParts(
          p.vehicle,
          `№ ${p.number}`,
          t("card.period", { from: format.date(p.startsOn), to: format.date(p.endsOn) }),
          t("card.premium", { value: format.money(p.premiumRub) }),
          p.soldHere && t("card.soldHere"),
        )}
      </Text>
    </>
  );
}

function CreditRow({ credit: c }: { credit: Credit }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {t("card.creditTitle", { bank: c.bank })}
        </Text>
        <EndBadge endsOn={c.endsOn} />
      </Group>
      <Text size="xs">
        {t("card.creditTerms", {
          principal: format.money(c.principalRub),
          months: c.termMonths,
          rate: format.percent(c.ratePct / 100),
          payment: format.money(c.monthlyPaymentRub),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {joinParts(c.vehicle, t("card.period", { from: format.date(c.startsOn), to: format.date(c.endsOn) }))}
      </Text>
    </>
  );
}
