import { Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import type { PanelProps } from "./types";

const METHODS = ["transfer", "card", "cash", "credit"] as const;

/** The client's payment (their part after the trade-in and the bank's), marked when received. */
export function PaymentPanel({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [method, setMethod] = useState<string>(
    deal.credit.offers.some((o) => o.chosen) ? "credit" : "transfer",
  );
  const received = deal.payment.receivedAt;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Text size="sm">
          {t("deals.totals.toPay")}: <b>{format.money(deal.totals.toPayRub)}</b>
          {deal.totals.creditRub > 0 && deal.credit.offers.some((o) => o.chosen)
            ? ` · ${t("deals.totals.credit")}: ${format.money(deal.totals.creditRub)}`
            : ""}
        </Text>
        {received ? (
          <Group gap="sm">
            <Text size="sm" c="teal" fw={500}>
              {t("deals.payment.received", {
                when: format.dateTime(received),
                method: t(
                  `deals.payment.methods.${(deal.payment.method ?? "transfer") as (typeof METHODS)[number]}`,
                ),
              })}
            </Text>
            {editable && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                loading={busy}
                onClick={() => run("", { payment: null }, { method: "PATCH" })}
              >
                {t("deals.payment.undo")}
              </Button>
            )}
          </Group>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("deals.payment.notYet")}
            </Text>
            {editable && (
              <Group align="flex-end">
                <Select
                  label={t("deals.payment.method")}
                  data={METHODS.map((m) => ({ value: m, label: t(`deals.payment.methods.${m}`) }))}
                  value={method}
                  onChange={(m) => setMethod(m ?? "transfer")}
                  allowDeselect={false}
                  w={200}
                />
                <Button
                  loading={busy}
                  onClick={() =>
                    run("", { payment: { method } }, { method: "PATCH", success: t("deals.saved") })
                  }
                >
                  {t("deals.payment.markReceived")}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
