import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import type { CardWorkOrder } from "@orbit/contracts";
import { IconTool } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { can, useCurrentUser } from "../auth/session";
import { joinParts, useCardLabels } from "./labels";
import { DIVIDED, Empty, Section, useFolded } from "./Section";

/** Service visits, newest first: what was done, on which car, at what mileage, for how much, by whom. */
export function ServiceCard({ workOrders }: { workOrders: CardWorkOrder[] }) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () => [...workOrders].sort((a, b) => b.openedAt.localeCompare(a.openedAt)),
    [workOrders],
  );
  const { shown, toggle } = useFolded(sorted, 5);
  return (
    <Section id="service" title={t("card.serviceTitle")} icon={<IconTool size={18} />}>
      {workOrders.length === 0 ? (
        <Empty>{t("card.serviceEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((w, i) => (
            <WorkOrderRow key={w.id} order={w} divided={i > 0} />
          ))}
        </Stack>
      )}
      {toggle}
    </Section>
  );
}

function WorkOrderRow({ order: w, divided }: { order: CardWorkOrder; divided: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  // Those who work the workshop open the work order from here.
  const opens = can(useCurrentUser(), "service.work");
  const done = w.status === "delivered";
  return (
    <li style={divided ? DIVIDED : undefined}>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {joinParts(format.day(w.openedAt), labels.workOrderKind(w.kind))}
          </Text>
          {!done && (
            <Badge
              variant="light"
              color={w.status === "cancelled" || w.status === "no_show" ? "gray" : "orbit"}
              radius="sm"
              tt="none"
              fw={500}
            >
              {labels.workOrderStatus(w.status)}
            </Badge>
          )}
        </Group>
        <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
          {format.money(w.amountRub)}
        </Text>
      </Group>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {w.summary}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {opens && (
          <>
            <Anchor component={Link} to={`/service/work-orders/${w.id}`} size="xs">
              № {w.number}
            </Anchor>
            {" · "}
          </>
        )}
        {joinParts(
          !opens && `№ ${w.number}`,
          w.vehicle,
          w.mileageKm !== null && t("card.mileageKm", { km: format.number(w.mileageKm) }),
          w.advisor && t("card.advisor", { name: w.advisor }),
          labels.bookingChannel(w.bookingChannel),
        )}
      </Text>
    </li>
  );
}
