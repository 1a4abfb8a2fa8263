import { Badge, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import type { Offer } from "@orbit/contracts";
import {
  type Icon,
  IconBulb,
  IconCertificate,
  IconCreditCard,
  IconRepeat,
  IconShieldCheck,
  IconSnowflake,
  IconTool,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { daysUntil, joinParts, useCardLabels } from "./labels";
import { Empty, Section } from "./Section";

const FAMILY_ICONS: Record<string, Icon> = {
  maintenance: IconTool,
  insurance_renewal: IconShieldCheck,
  credit_end: IconCreditCard,
  trade_in: IconRepeat,
  extended_warranty: IconCertificate,
  tyres: IconSnowflake,
};

interface Props {
  offers: Offer[];
  blocked: boolean;
}

/** What to offer the client now and why, most urgent first (the order the API gives). */
export function OffersCard({ offers, blocked }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="offers" title={t("card.offersTitle")} icon={<IconBulb size={18} />}>
      {offers.length === 0 ? (
        <Empty>{blocked ? t("card.offersBlocked") : t("card.offersEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {offers.map((offer) => (
            <OfferRow key={`${offer.family}:${offer.vehicleId}:${offer.reason.code}`} offer={offer} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function OfferRow({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  const FamilyIcon = FAMILY_ICONS[offer.family] ?? IconBulb;
  const now = offer.dueOn !== null && daysUntil(offer.dueOn) <= 0;
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color={now ? "orange" : "orbit"} size={32} radius="md">
        <FamilyIcon size={18} />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm">
            {labels.offerFamily(offer.family)}
          </Text>
          {offer.dueOn && (
            <Badge
              variant="light"
              color={now ? "orange" : "gray"}
              radius="sm"
              tt="none"
              fw={500}
              style={{ flexShrink: 0 }}
            >
              {now ? t("card.offerDueNow") : t("card.offerDue", { date: format.date(offer.dueOn) })}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {labels.offerReason(offer)}
        </Text>
        <Text size="xs" c="dimmed">
          {joinParts(
            t("card.offerValue", { value: format.money(offer.expectedValueRub) }),
            offer.probability !== null &&
              t("card.offerProbability", { value: format.probability(offer.probability) }),
            labels.offerSource(offer.source),
          )}
        </Text>
      </div>
    </Group>
  );
}
