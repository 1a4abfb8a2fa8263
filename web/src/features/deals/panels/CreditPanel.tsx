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
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import { ClientCarSelect } from "./ClientCarSelect";
import type { PanelProps } from "./types";

const BANKS = ["Сбербанк", "ВТБ", "Альфа-Банк", "Газпромбанк", "Совкомбанк", "Т-Банк", "Росбанк", "Уралсиб"];

/**
 * The credit application (down payment, amount, term) and the banks' decisions side by side: monthly
 * payment, everything paid to the bank and the overpayment, with the best of each marked.
 */
export function CreditPanel(props: PanelProps) {
  const { deal, run, busy, specialist } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const offers = deal.credit.offers;
  const live = offers.filter((o) => o.status !== "declined");
  const bestMonthly = Math.min(...live.map((o) => o.monthlyRub));
  const bestOverpayment = Math.min(...live.map((o) => o.overpaymentRub));
  return (
    <Stack gap="md">
      <ClientCarSelect {...props} />
      <ApplicationForm
        key={`${deal.credit.requestedRub}:${deal.credit.termMonths}:${deal.totals.downPaymentRub}`}
        {...props}
      />
      <Paper withBorder p="sm" radius="md">
        <Text fw={600} mb="xs">
          {t("deals.credit.offers")}
        </Text>
        {offers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("deals.credit.noOffers")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} aria-label={t("deals.credit.offers")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("deals.credit.bank")}</Table.Th>
                  <Table.Th ta="right">{t("deals.credit.rate")}</Table.Th>
                  <Table.Th ta="right">{t("deals.credit.term")}</Table.Th>
                  <Table.Th ta="right">{t("deals.credit.monthly")}</Table.Th>
                  <Table.Th ta="right">{t("deals.credit.total")}</Table.Th>
                  <Table.Th ta="right">{t("deals.credit.overpayment")}</Table.Th>
                  <Table.Th>{t("deals.credit.status")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offers.map((o) => (
                  <Table.Tr key={o.id} bg={o.chosen ? "var(--mantine-color-teal-light)" : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {o.bank}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.money(o.principalRub)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(o.ratePct)}</Table.Td>
                    <Table.Td ta="right">{o.termMonths}</Table.Td>
                    <Table.Td ta="right">
                      {format.money(o.monthlyRub)}
                      {o.status !== "declined" && o.monthlyRub === bestMonthly && live.length > 1 && (
                        <Badge size="xs" color="teal" variant="light" tt="none" ml={4}>
                          {t("deals.credit.bestMonthly")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{format.money(o.totalRub)}</Table.Td>
                    <Table.Td ta="right">
                      {format.money(o.overpaymentRub)}
                      {o.status !== "declined" && o.overpaymentRub === bestOverpayment && live.length > 1 && (
                        <Badge size="xs" color="teal" variant="light" tt="none" ml={4}>
                          {t("deals.credit.bestTotal")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        color={o.status === "declined" ? "red" : "teal"}
                        tt="none"
                        fw={500}
                      >
                        {t(`deals.credit.statuses.${o.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {o.chosen ? (
                        <Badge leftSection={<IconCheck size={12} />} tt="none" fw={500}>
                          {t("deals.credit.chosen")}
                        </Badge>
                      ) : (
                        specialist &&
                        o.status !== "declined" && (
                          <Button
                            size="xs"
                            variant="light"
                            loading={busy}
                            onClick={() => run(`/credit-offers/${o.id}/choose`)}
                            aria-label={`${t("deals.credit.choose")}: ${o.bank}`}
                          >
                            {t("deals.credit.choose")}
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {specialist && <OfferForm {...props} />}
      </Paper>
    </Stack>
  );
}

function ApplicationForm({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [down, setDown] = useState<number | string>(deal.totals.downPaymentRub || "");
  const [amount, setAmount] = useState<number | string>(deal.credit.requestedRub ?? "");
  const [term, setTerm] = useState<number | string>(deal.credit.termMonths ?? 60);
  const suggested = Math.max(0, deal.totals.toPayRub - Number(down || 0));
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fw={600} mb="xs">
        {t("deals.credit.application")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NumberInput
          label={t("deals.credit.downPayment")}
          thousandSeparator=" "
          min={0}
          value={down}
          onChange={setDown}
          disabled={!editable}
        />
        <NumberInput
          label={t("deals.credit.requested")}
          thousandSeparator=" "
          min={0}
          value={amount}
          onChange={setAmount}
          disabled={!editable}
        />
        <NumberInput
          label={t("deals.credit.term")}
          min={6}
          max={96}
          value={term}
          onChange={setTerm}
          disabled={!editable}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={4}>
        {t("deals.credit.suggested", { amount: format.money(suggested) })}
      </Text>
      {editable && (
        <Group mt="xs" gap="xs">
          {amount === "" && suggested > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setAmount(suggested)}>
              {format.money(suggested)}
            </Button>
          )}
          <Button
            variant="light"
            loading={busy}
            disabled={amount === "" || term === ""}
            onClick={() =>
              run(
                "",
                {
                  downPaymentRub: Number(down || 0),
                  creditRequestedRub: Number(amount),
                  creditTermMonths: Number(term),
                },
                { method: "PATCH", success: t("deals.saved") },
              )
            }
          >
            {t("deals.save")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function OfferForm({ deal, run, busy }: PanelProps) {
  const { t } = useTranslation();
  const [bank, setBank] = useState("");
  const [principal, setPrincipal] = useState<number | string>(deal.credit.requestedRub ?? "");
  const [rate, setRate] = useState<number | string>("");
  const [term, setTerm] = useState<number | string>(deal.credit.termMonths ?? 60);
  const [status, setStatus] = useState<string>("approved");
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm" fw={500}>
        {t("deals.credit.addOffer")}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        <TextInput
          label={t("deals.credit.bank")}
          value={bank}
          onChange={(e) => setBank(e.currentTarget.value)}
          list="orbit-banks"
        />
        <NumberInput
          label={t("deals.credit.principal")}
          thousandSeparator=" "
          min={1}
          value={principal}
          onChange={setPrincipal}
        />
        <NumberInput
          label={t("deals.credit.rate")}
          min={0}
          max={60}
          decimalScale={2}
          value={rate}
          onChange={setRate}
        />
        <NumberInput label={t("deals.credit.term")} min={6} max={96} value={term} onChange={setTerm} />
        <Select
          label={t("deals.credit.status")}
          data={(["approved", "offered", "declined"] as const).map((s) => ({
            value: s,
            label: t(`deals.credit.statuses.${s}`),
          }))}
          value={status}
          onChange={(s) => setStatus(s ?? "approved")}
          allowDeselect={false}
        />
      </SimpleGrid>
      <datalist id="orbit-banks">
        {BANKS.map((b) => (
          <option key={b} value={b} />
        ))}
      </datalist>
      <Button
        variant="light"
        loading={busy}
        style={{ alignSelf: "flex-start" }}
        disabled={!bank.trim() || principal === "" || rate === "" || term === ""}
        onClick={async () => {
          const ok = await run("/credit-offers", {
            bank: bank.trim(),
            principalRub: Number(principal),
            ratePct: Number(rate),
            termMonths: Number(term),
            status,
          });
          if (ok) {
            setBank("");
            setRate("");
          }
        }}
      >
        {t("deals.credit.addOffer")}
      </Button>
    </Stack>
  );
}
