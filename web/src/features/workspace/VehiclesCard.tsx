import { Badge, Group, Stack, Text } from "@mantine/core";
import type { CardVehicle } from "@orbit/contracts";
import { IconCar, IconGauge } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { formatPlate } from "../clients/display";
import { daysUntil, joinParts, useCardLabels } from "./labels";
import { DIVIDED, Empty, Section } from "./Section";

/** The client's cars, current ones first (the API's order), each with today's estimated mileage. */
export function VehiclesCard({ vehicles }: { vehicles: CardVehicle[] }) {
  const { t } = useTranslation();
  return (
    <Section id="vehicles" title={t("card.vehiclesTitle")} icon={<IconCar size={18} />}>
      {vehicles.length === 0 ? (
        <Empty>{t("card.vehiclesEmpty")}</Empty>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {vehicles.map((v, i) => (
            <VehicleRow key={v.id} vehicle={v} divided={i > 0} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function VehicleRow({ vehicle: v, divided }: { vehicle: CardVehicle; divided: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  const former = v.ownedTo !== null;
  const name =
    joinParts([v.make, v.model].filter(Boolean).join(" "), v.year !== null && String(v.year)) || v.vin;
  const m = v.mileage;
  return (
    <li style={divided ? DIVIDED : undefined}>
      <Group gap={6} wrap="wrap" align="center">
        <Text fw={600} size="sm" c={former ? "dimmed" : undefined}>
          {name}
        </Text>
        {v.plate && (
          <Badge variant="outline" color="dark" radius="sm" tt="none" fw={600} ff="monospace">
            {formatPlate(v.plate)}
          </Badge>
        )}
        {v.role !== "owner" && (
          <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
            {labels.vehicleRole(v.role)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {joinParts(v.vin && `VIN ${v.vin}`, v.color)}
      </Text>
      {former ? (
        <Text size="xs" c="dimmed">
          {t("card.ownedUntil", { date: format.date(v.ownedTo ?? "") })}
        </Text>
      ) : (
        <>
          <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
            <IconGauge
              size={16}
              style={{ flexShrink: 0, marginTop: 2 }}
              color="var(--mantine-color-dimmed)"
            />
            <div>
              <Text size="sm" fw={600}>
                {t("card.mileageNow", { km: format.number(m.km) })}
              </Text>
              <Text size="xs" c="dimmed">
                {joinParts(
                  m.basis === "readings"
                    ? t("card.mileageReadings", { perYear: format.number(m.kmPerYear) })
                    : t("card.mileageDefault", { perYear: format.number(m.kmPerYear) }),
                  m.lastReading
                    ? t("card.lastReading", {
                        km: format.number(m.lastReading.km),
                        date: format.date(m.lastReading.date),
                      })
                    : t("card.noReading"),
                )}
              </Text>
            </div>
          </Group>
          {v.warrantyUntil && (
            <Text size="xs" c="dimmed" mt={2}>
              {daysUntil(v.warrantyUntil) >= 0
                ? t("card.warrantyUntil", { date: format.date(v.warrantyUntil) })
                : t("card.warrantyEnded", { date: format.date(v.warrantyUntil) })}
            </Text>
          )}
        </>
      )}
    </li>
  );
}
