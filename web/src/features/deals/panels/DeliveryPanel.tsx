import { Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import { DocumentsPanel } from "./DocumentsPanel";
import type { PanelProps } from "./types";

/** The delivery day and the acceptance act the client signs when taking the car. */
export function DeliveryPanel(props: PanelProps) {
  const { deal, run, busy, editable } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [day, setDay] = useState(deal.deliveryPlannedOn ?? new Date().toISOString().slice(0, 10));
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        {deal.deliveredOn ? (
          <Text size="sm" fw={500}>
            {t("deals.delivery.deliveredOn", { date: format.date(deal.deliveredOn) })}
          </Text>
        ) : (
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t("deals.delivery.plannedOn")}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              disabled={!editable}
              w={200}
            />
            {editable && (
              <Button
                variant="light"
                loading={busy}
                disabled={!day || day === deal.deliveryPlannedOn}
                onClick={() =>
                  run("", { deliveryPlannedOn: day }, { method: "PATCH", success: t("deals.saved") })
                }
              >
                {t("deals.save")}
              </Button>
            )}
          </Group>
        )}
      </Paper>
      <DocumentsPanel {...props} kinds={["act"]} />
    </Stack>
  );
}
