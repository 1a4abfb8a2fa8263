import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import type { PanelProps } from "./types";

/** Additional equipment sold with the car: mats, a tow bar, an alarm, tinting. */
export function AccessoriesPanel({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState("");
  const [price, setPrice] = useState<number | string>("");
  const [quantity, setQuantity] = useState<number | string>(1);
  return (
    <Paper withBorder p="sm" radius="md">
      {deal.accessories.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("deals.accessories.none")}
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label={t("deals.panels.accessories")}>
          <Table.Tbody>
            {deal.accessories.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td ta="right">× {a.quantity}</Table.Td>
                <Table.Td ta="right">{format.money(a.priceRub * a.quantity)}</Table.Td>
                <Table.Td w={40}>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t("deals.accessories.remove", { name: a.name })}
                      onClick={() => run(`/accessories/${a.id}`, undefined, { method: "DELETE" })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deal.accessories.length > 0 && (
        <Text size="sm" fw={500} mt="xs">
          {t("deals.accessories.total", { amount: format.money(deal.totals.accessoriesRub) })}
        </Text>
      )}
      {editable && (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t("deals.accessories.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={260}
            />
            <NumberInput
              label={t("deals.accessories.price")}
              thousandSeparator=" "
              min={0}
              value={price}
              onChange={setPrice}
              w={160}
            />
            <NumberInput
              label={t("deals.accessories.quantity")}
              min={1}
              max={100}
              value={quantity}
              onChange={setQuantity}
              w={90}
            />
            <Button
              variant="light"
              loading={busy}
              disabled={!name.trim() || price === ""}
              onClick={async () => {
                if (
                  await run("/accessories", {
                    name: name.trim(),
                    priceRub: Number(price),
                    quantity: Number(quantity || 1),
                  })
                ) {
                  setName("");
                  setPrice("");
                  setQuantity(1);
                }
              }}
            >
              {t("deals.accessories.add")}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
