import { Badge, Button, Group, NumberInput, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import { STATUS_COLOR, useStockLabels } from "../../stock/labels";
import { NeedsPanel } from "./NeedsPanel";
import type { PanelProps } from "./types";

/** The car chosen for the client, reserved in stock, and the price agreed. */
export function VehiclePanel(props: PanelProps) {
  const { deal, run, busy, editable } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStockLabels();
  const v = deal.vehicle;
  return (
    <Stack gap="md">
      {v ? (
        <Paper withBorder p="sm" radius="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap={6}>
                <Text fw={600}>{labels.car(v)}</Text>
                <Badge size="sm" variant="light" color={STATUS_COLOR[v.status]} tt="none" fw={500}>
                  {labels.status(v.status)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {labels.specs(v)} · {v.dealershipName} · VIN {v.vin}
              </Text>
              <Text size="xs">{t("deals.vehicle.listPrice", { price: format.money(v.priceRub) })}</Text>
            </Stack>
            {editable && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                loading={busy}
                onClick={() => run("", { stockVehicleId: null }, { method: "PATCH" })}
              >
                {t("deals.vehicle.release")}
              </Button>
            )}
          </Group>
          <PriceForm key={`${v.id}:${deal.vehiclePriceRub}`} {...props} />
        </Paper>
      ) : (
        <Text size="sm">{t("deals.vehicle.none")}</Text>
      )}
      <NeedsPanel {...props} withForm={!deal.needs} />
    </Stack>
  );
}

function PriceForm({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const [price, setPrice] = useState<number | string>(deal.vehiclePriceRub ?? "");
  return (
    <Group mt="sm" align="flex-end">
      <NumberInput
        label={t("deals.vehicle.price")}
        thousandSeparator=" "
        min={1}
        value={price}
        onChange={setPrice}
        disabled={!editable}
        w={220}
      />
      {editable && (
        <Button
          variant="light"
          loading={busy}
          disabled={price === "" || Number(price) === deal.vehiclePriceRub}
          onClick={() =>
            run("", { vehiclePriceRub: Number(price) }, { method: "PATCH", success: t("deals.saved") })
          }
        >
          {t("deals.save")}
        </Button>
      )}
    </Group>
  );
}
