import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ClientCard } from "@orbit/contracts";
import { IconChartDonut } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { useTaskLabels } from "../tasks/labels";
import { joinParts } from "./labels";
import { DIVIDED, Empty, Section, useFolded } from "./Section";

type Point = ClientCard["lifecycle"][number];

const STATUS_COLORS: Record<string, string> = {
  due: "orbit",
  taken: "cyan",
  missed: "gray",
  converted: "teal",
};

const FIRST_SHOWN = 6;

/**
 * The client's lifecycle spiral: each point (a maintenance due, a policy to renew, the trade-in year) with
 * its car, its window and what became of it. Newest window first, as the API gives them.
 */
export function LifecycleCard({
  points,
  vehicles,
  workOrders,
}: {
  points: Point[];
  vehicles: ClientCard["vehicles"];
  workOrders: ClientCard["workOrders"];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTaskLabels();
  const cars = useMemo(
    () =>
      new Map(
        vehicles.map((v) => [v.id, [v.make, v.model].filter(Boolean).join(" ") || v.vin || `#${v.id}`]),
      ),
    [vehicles],
  );
  const numbers = useMemo(() => new Map(workOrders.map((w) => [w.id, w.number])), [workOrders]);
  const { shown, toggle } = useFolded(points, FIRST_SHOWN);
  const converted = (c: NonNullable<Point["converted"]>) => {
    if (c.type === "work_order" && numbers.has(c.id)) return numbers.get(c.id);
    return hasKey(ru.lifecycle.converted, c.type)
      ? t(`lifecycle.converted.${c.type}`, { id: c.id })
      : `${c.type} #${c.id}`;
  };
  return (
    <Section id="lifecycle" title={t("lifecycle.cardTitle")} icon={<IconChartDonut size={18} />}>
      {points.length === 0 ? (
        <Empty>{t("lifecycle.cardEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((p, i) => (
            <li key={p.id} style={i > 0 ? DIVIDED : undefined}>
              <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                  {joinParts(
                    labels.lifecycleKind(p.kind),
                    p.vehicleId !== null && (cars.get(p.vehicleId) ?? `#${p.vehicleId}`),
                  )}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={STATUS_COLORS[p.status] ?? "gray"}
                  radius="sm"
                  tt="none"
                  fw={500}
                  style={{ flexShrink: 0 }}
                >
                  {labels.lifecycleStatus(p.status)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {joinParts(
                  t("lifecycle.window", { from: format.date(p.windowStart), to: format.date(p.windowEnd) }),
                  p.converted && converted(p.converted),
                )}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {toggle}
    </Section>
  );
}
