import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { usePageTitle } from "../../ui/usePageTitle";
import { useMissedCalls, useSimulateCall } from "./api";

/** The missed-call journal: every incoming call nobody answered, until it is called back. */
export function ContactCentrePage() {
  const { t } = useTranslation();
  usePageTitle(t("telephony.journalTitle"));
  const format = useFormat();
  const [status, setStatus] = useState<"open" | "handled" | "all">("open");
  const missed = useMissedCalls(status);
  return (
    <Stack>
      <PageHeader title={t("telephony.journalTitle")} subtitle={t("telephony.journalSubtitle")} />
      <SimulateCall />
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={(["open", "handled", "all"] as const).map((v) => ({
          value: v,
          label: t(`telephony.filter.${v}`),
        }))}
        style={{ alignSelf: "flex-start" }}
      />
      {missed.isPending ? (
        <PageLoader />
      ) : missed.isError ? (
        <ErrorState error={missed.error} onRetry={() => void missed.refetch()} />
      ) : missed.data.calls.length === 0 ? (
        <Text c="dimmed">{t("telephony.journalEmpty")}</Text>
      ) : (
        <Paper withBorder>
          <Table striped aria-label={t("telephony.journalTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("telephony.col.when")}</Table.Th>
                <Table.Th>{t("telephony.col.caller")}</Table.Th>
                <Table.Th>{t("telephony.col.rang")}</Table.Th>
                <Table.Th>{t("telephony.col.escalated")}</Table.Th>
                <Table.Th>{t("telephony.col.callback")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {missed.data.calls.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{format.dateTime(c.startedAt)}</Table.Td>
                  <Table.Td>
                    {c.client ? (
                      <Anchor component={Link} to={`/clients/${c.client.id}`}>
                        {c.client.name}
                      </Anchor>
                    ) : (
                      <Anchor
                        component={Link}
                        to={`/clients/new?phone=${encodeURIComponent(c.phone ?? c.rawNumber)}&call=${c.id}`}
                      >
                        {t("telephony.newClientFrom", { number: c.phone ?? c.rawNumber })}
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed">
                      {c.phone ?? c.rawNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.userName ?? c.extension ?? "—"}
                    {c.waitS !== null && (
                      <Text size="xs" c="dimmed">
                        {t("telephony.waited", { seconds: c.waitS })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.escalatedTo.map((x) => x.name).join(" → ") || "—"}</Table.Td>
                  <Table.Td>
                    {c.callback ? (
                      <Group gap={4}>
                        <Badge color={c.callback.status === "open" ? "orange" : "green"} tt="none">
                          {t(`telephony.callbackStatus.${c.callback.status}`, {
                            defaultValue: c.callback.status,
                          })}
                        </Badge>
                        <Text size="xs">{c.callback.assigneeName ?? t("telephony.inQueue")}</Text>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t("telephony.noClientYet")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** The demo has no telephone system: a call to any extension is simulated from here. */
function SimulateCall() {
  const { t } = useTranslation();
  const simulate = useSimulateCall();
  const [from, setFrom] = useState("+7 916 000-00-00");
  const [extension, setExtension] = useState("130");
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("telephony.simFrom")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t("telephony.simExtension")}
          value={extension}
          onChange={(e) => setExtension(e.currentTarget.value)}
          w={120}
        />
        <Button loading={simulate.isPending} onClick={() => simulate.mutate({ from, extension })}>
          {t("telephony.simulate")}
        </Button>
      </Group>
      {simulate.isError && (
        <Text c="red" size="sm" mt={4}>
          {simulate.error.message}
        </Text>
      )}
    </Paper>
  );
}
