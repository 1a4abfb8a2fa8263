import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import type { CardDeal } from "@orbit/contracts";
import { IconBriefcase } from "@tabler/icons-react";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { can, useCurrentUser } from "../auth/session";
import { useClientLabels } from "../clients/labels";

import { joinParts, useCardLabels } from "./labels";
import { DIVIDED, Empty, Section, useFolded } from "./Section";

// The deals' code loads after the card: the card is the page opened most often, and from a phone call.
const NewDealButton = lazy(() =>
  import("../deals/NewDealButton").then((m) => ({ default: m.NewDealButton })),
);

const STATUS_COLOR: Record<string, string> = { open: "orbit", won: "teal", lost: "gray" };

/** Sales: open ones first, then the newest. */
export function DealsCard({ deals, clientId }: { deals: CardDeal[]; clientId: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const sorted = useMemo(
    () =>
      [...deals].sort(
        (a, b) =>
          Number(b.status === "open") - Number(a.status === "open") || b.openedAt.localeCompare(a.openedAt),
      ),
    [deals],
  );
  const { shown, toggle } = useFolded(sorted, 3);
  return (
    <Section id="deals" title={t("card.dealsTitle")} icon={<IconBriefcase size={18} />}>
      {can(user, "deals.work") && (
        <Group justify="flex-end" mb="xs">
          <Suspense fallback={null}>
            <NewDealButton clientId={clientId} />
          </Suspense>
        </Group>
      )}
      {deals.length === 0 ? (
        <Empty>{t("card.dealsEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((d, i) => (
            <DealRow key={d.id} deal={d} divided={i > 0} />
          ))}
        </Stack>
      )}
      {toggle}
    </Section>
  );
}

function DealRow({ deal: d, divided }: { deal: CardDeal; divided: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const labels = useCardLabels();
  const clientLabels = useClientLabels();
  return (
    <li style={divided ? DIVIDED : undefined}>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
          {can(user, "deals.work") ? (
            <Anchor component={Link} to={`/deals/${d.id}`} inherit>
              {joinParts(labels.dealKind(d.kind), d.vehicle)}
            </Anchor>
          ) : (
            joinParts(labels.dealKind(d.kind), d.vehicle)
          )}
        </Text>
        <Badge
          variant="light"
          color={STATUS_COLOR[d.status] ?? "gray"}
          radius="sm"
          tt="none"
          fw={500}
          style={{ flexShrink: 0 }}
        >
          {labels.dealStatus(d.status)}
        </Badge>
      </Group>
      {d.amountRub !== null && (
        <Text size="sm" fw={500}>
          {format.money(d.amountRub)}
        </Text>
      )}
      {d.tradeIn && <Text size="xs">{t("card.dealTradeIn", { car: d.tradeIn })}</Text>}
      {d.lostReason && <Text size="xs">{t("card.dealLost", { reason: d.lostReason })}</Text>}
      <Text size="xs" c="dimmed">
        {joinParts(
          t("card.dealOpened", { date: format.day(d.openedAt) }),
          d.deliveredOn
            ? t("card.dealDelivered", { date: format.date(d.deliveredOn) })
            : d.closedAt && t("card.dealClosed", { date: format.day(d.closedAt) }),
          d.salesperson && t("card.dealSalesperson", { name: d.salesperson }),
          clientLabels.dealership(d.dealershipId),
          labels.leadSource(d.source),
        )}
      </Text>
    </li>
  );
}
