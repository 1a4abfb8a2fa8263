import { Badge, Group, List, Progress, Stack, Text, ThemeIcon } from "@mantine/core";
import type { ClientCard, Offer } from "@orbit/contracts";
import {
  type Icon,
  IconBulb,
  IconCertificate,
  IconCreditCard,
  IconPhoneOff,
  IconRepeat,
  IconShieldCheck,
  IconSnowflake,
  IconTool,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { daysUntil, joinParts, useCardLabels } from "./labels";
import { modelReasonText, offerFamily } from "./offerText";
import { Empty, Section } from "./Section";

const FAMILY_ICONS: Record<string, Icon> = {
  maintenance: IconTool,
  insurance_renewal: IconShieldCheck,
  credit_end: IconCreditCard,
  trade_in: IconRepeat,
  extended_warranty: IconCertificate,
  tyres: IconSnowflake,
};

const RULE_FAMILIES = [
  "maintenance",
  "insurance_renewal",
  "trade_in",
  "credit_end",
  "extended_warranty",
  "tyres",
];

interface Props {
  offers: Offer[];
  blocked: boolean;
  models?: ClientCard["offerModels"];
}

/**
 * What to offer the client now and why: the model's offers ranked by probability × value, each with its
 * probability, value and top reasons; then the contact standards' for the kinds the model does not
 * cover yet (the order the API gives).
 */
export function OffersCard({ offers, blocked, models }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const byRules = RULE_FAMILIES.filter((f) => !models?.families.includes(f));
  return (
    <Section id="offers" title={t("card.offersTitle")} icon={<IconBulb size={18} />}>
      {offers.length === 0 ? (
        <Empty>{blocked ? t("card.offersBlocked") : t("card.offersEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {offers.map((offer) => (
            <OfferRow
              key={`${offer.source}:${offer.family}:${offer.vehicleId}:${offer.reason.code}`}
              offer={offer}
            />
          ))}
        </Stack>
      )}
      {!blocked && (
        <Stack gap={2} mt="sm">
          {models?.scoredOn && models.families.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="offers-model-note">
              {t("card.offersModelOf", { date: format.date(models.scoredOn) })}
            </Text>
          )}
          {byRules.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="offers-rules-note">
              {t("card.offersRulesFor", { families: byRules.map((f) => offerFamily(f, t)).join(", ") })}
            </Text>
          )}
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
  const model = offer.source === "model" && offer.probability !== null;
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" data-testid={`offer-${offer.source}`}>
      <ThemeIcon variant="light" color={now ? "orange" : "orbit"} size={32} radius="md">
        <FamilyIcon size={18} />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm">
            {offerFamily(offer.family, t, offer.familyName)}
          </Text>
          {model ? (
            <Badge variant="light" color="orbit" radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }}>
              {format.probability(offer.probability!)}
            </Badge>
          ) : (
            offer.dueOn && (
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
            )
          )}
        </Group>
        {model && (
          <Progress
            value={offer.probability! * 100}
            size="xs"
            mt={4}
            aria-label={t("card.offerProbability", { value: format.probability(offer.probability!) })}
          />
        )}
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {labels.offerReason(offer)}
        </Text>
        {model && offer.reasons && offer.reasons.length > 0 && (
          <List size="sm" spacing={0} mt={2} data-testid="offer-reasons">
            {offer.reasons.map((r) => (
              <List.Item key={r.code}>{modelReasonText(r, t, format)}</List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          {joinParts(
            model && offer.valueRub !== undefined
              ? t("card.offerWorth", { value: format.money(offer.valueRub) })
              : t("card.offerValue", { value: format.money(offer.expectedValueRub) }),
            model && t("card.offerExpected", { value: format.money(offer.expectedValueRub) }),
            offer.probability !== null &&
              t("card.offerProbability", { value: format.probability(offer.probability) }),
            labels.offerSource(offer.source),
          )}
        </Text>
        {offer.callable === false && (
          <Group gap={4} wrap="nowrap">
            <IconPhoneOff size={14} color="var(--mantine-color-orange-7)" />
            <Text size="xs" c="orange.8">
              {t("card.offerNotCallable")}
            </Text>
          </Group>
        )}
      </div>
    </Group>
  );
}
