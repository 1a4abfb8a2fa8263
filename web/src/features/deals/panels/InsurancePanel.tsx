import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import { ClientCarSelect } from "./ClientCarSelect";
import type { PanelProps } from "./types";

const INSURERS = [
  "Ингосстрах",
  "РЕСО-Гарантия",
  "АльфаСтрахование",
  "СОГАЗ",
  "Росгосстрах",
  "ВСК",
  "Согласие",
];

/** Insurers' quotes for OSAGO and KASKO on the deal's car, cheapest first; one of each kind is chosen. */
export function InsurancePanel(props: PanelProps) {
  const { deal, run, busy, specialist } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<string>("kasko");
  const [insurer, setInsurer] = useState("");
  const [premium, setPremium] = useState<number | string>("");
  const cheapest = (k: string) =>
    Math.min(...deal.insurance.filter((q) => q.kind === k).map((q) => q.premiumRub));
  return (
    <Paper withBorder p="sm" radius="md">
      <ClientCarSelect {...props} />
      {deal.insurance.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("deals.insurance.none")}
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label={t("deals.panels.insurance")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("deals.insurance.kind")}</Table.Th>
              <Table.Th>{t("deals.insurance.insurer")}</Table.Th>
              <Table.Th ta="right">{t("deals.insurance.premium")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deal.insurance.map((q) => (
              <Table.Tr key={q.id} bg={q.chosen ? "var(--mantine-color-teal-light)" : undefined}>
                <Table.Td>{t(`deals.insurance.kinds.${q.kind}`)}</Table.Td>
                <Table.Td>{q.insurer}</Table.Td>
                <Table.Td ta="right">
                  {format.money(q.premiumRub)}
                  {q.premiumRub === cheapest(q.kind) &&
                    deal.insurance.filter((x) => x.kind === q.kind).length > 1 && (
                      <Badge size="xs" color="teal" variant="light" tt="none" ml={4}>
                        {t("deals.insurance.cheapest")}
                      </Badge>
                    )}
                </Table.Td>
                <Table.Td>
                  {specialist ? (
                    <Button
                      size="xs"
                      variant={q.chosen ? "filled" : "light"}
                      loading={busy}
                      onClick={() => run(`/insurance-quotes/${q.id}/choose`)}
                      aria-pressed={q.chosen}
                      aria-label={`${t("deals.insurance.choose")}: ${t(`deals.insurance.kinds.${q.kind}`)} ${q.insurer}`}
                    >
                      {q.chosen ? t("deals.insurance.chosen") : t("deals.insurance.choose")}
                    </Button>
                  ) : (
                    q.chosen && (
                      <Badge tt="none" fw={500}>
                        {t("deals.insurance.chosen")}
                      </Badge>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {specialist && (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Select
              label={t("deals.insurance.kind")}
              data={(["osago", "kasko"] as const).map((k) => ({
                value: k,
                label: t(`deals.insurance.kinds.${k}`),
              }))}
              value={kind}
              onChange={(k) => setKind(k ?? "kasko")}
              allowDeselect={false}
            />
            <TextInput
              label={t("deals.insurance.insurer")}
              value={insurer}
              onChange={(e) => setInsurer(e.currentTarget.value)}
              list="orbit-insurers"
            />
            <NumberInput
              label={t("deals.insurance.premium")}
              thousandSeparator=" "
              min={1}
              value={premium}
              onChange={setPremium}
            />
          </SimpleGrid>
          <datalist id="orbit-insurers">
            {INSURERS.map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
          <Group>
            <Button
              variant="light"
              loading={busy}
              disabled={!insurer.trim() || premium === ""}
              onClick={async () => {
                if (
                  await run("/insurance-quotes", {
                    kind,
                    insurer: insurer.trim(),
                    premiumRub: Number(premium),
                  })
                ) {
                  setInsurer("");
                  setPremium("");
                }
              }}
            >
              {t("deals.insurance.add")}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
