import { Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { usePageTitle } from "../../ui/usePageTitle";
import { can, useCurrentUser } from "../auth/session";
import { useLeaderboard, usePointsStatement } from "./api";

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The operator's monthly points statement; the contact centre's head sees everyone's. */
export function PointsPage() {
  const { t } = useTranslation();
  usePageTitle(t("telephony.pointsTitle"));
  const format = useFormat();
  const user = useCurrentUser();
  const manager = can(user, "telephony.manage");
  const [month, setMonth] = useState(thisMonth());
  const [userId, setUserId] = useState<number | null>(null);
  const board = useLeaderboard(month, manager);
  const statement = usePointsStatement(userId, month);
  return (
    <Stack>
      <PageHeader title={t("telephony.pointsTitle")} subtitle={t("telephony.pointsSubtitle")} />
      <Group>
        <TextInput
          type="month"
          label={t("telephony.month")}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value || thisMonth())}
        />
        {manager && board.data && (
          <Select
            label={t("telephony.employee")}
            data={board.data.map((b) => ({ value: String(b.userId), label: `${b.userName} (${b.total})` }))}
            value={userId ? String(userId) : null}
            onChange={(v) => setUserId(v ? Number(v) : null)}
            clearable
            searchable
          />
        )}
      </Group>
      {statement.isPending ? (
        <PageLoader />
      ) : statement.isError ? (
        <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Title order={3}>{statement.data.userName}</Title>
            <Text fw={700} size="xl" aria-label={t("telephony.total")}>
              {t("telephony.totalPoints", { points: statement.data.total })}
            </Text>
          </Group>
          <Table mt="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("telephony.rule")}</Table.Th>
                <Table.Th>{t("telephony.count")}</Table.Th>
                <Table.Th>{t("telephony.points")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.data.byRule.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td>{t(`telephony.rules.${r.code}`, { defaultValue: r.code })}</Table.Td>
                  <Table.Td>{r.count}</Table.Td>
                  <Table.Td>{r.points}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5} mt="md">
            {t("telephony.entries")}
          </Title>
          {statement.data.entries.length === 0 && <Text c="dimmed">{t("telephony.noPoints")}</Text>}
          <Table>
            <Table.Tbody>
              {statement.data.entries.map((e) => (
                <Table.Tr key={`${e.at}-${e.code}-${e.callId}`}>
                  <Table.Td>{format.dateTime(e.at)}</Table.Td>
                  <Table.Td>{t(`telephony.rules.${e.code}`, { defaultValue: e.code })}</Table.Td>
                  <Table.Td>{e.clientName ?? ""}</Table.Td>
                  <Table.Td>{e.points}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
