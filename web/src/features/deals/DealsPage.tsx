import { Anchor, Badge, Paper, SegmentedControl, Skeleton, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { useCurrentUser } from "../auth/session";
import { type DealFilter, useDealList } from "./api";
import { useDealLabels } from "./labels";

/** The employee's deals (or the dealership's, or those waiting for a specialist), with where each stands. */
export function DealsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDealLabels();
  const user = useCurrentUser();
  // Salespeople own deals; the specialists and managers look first at the deals waiting for them.
  const [scope, setScope] = useState<DealFilter["scope"]>(
    user.role === "salesperson" || user.role === "personal_manager" ? "mine" : "handoffs",
  );
  const [status, setStatus] = useState<DealFilter["status"]>("open");
  const list = useDealList({ scope, status });
  return (
    <>
      <PageHeader title={t("deals.pageTitle")} subtitle={t("deals.subtitle")} />
      <Paper withBorder radius="md" p="sm" mb="md">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as DealFilter["scope"])}
          data={(["mine", "dealership", "handoffs"] as const).map((s) => ({
            value: s,
            label: t(`deals.scopes.${s}`),
          }))}
          mr="sm"
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as DealFilter["status"])}
          data={(["open", "won", "lost"] as const).map((s) => ({
            value: s,
            label: t(`deals.statuses.${s}`),
          }))}
        />
      </Paper>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Text size="sm" c="dimmed" p="sm">
            {list.data ? t("deals.count", { count: list.data.total }) : "\u00a0"}
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t("deals.columns.client")}</Table.Th>
                  <Table.Th>{t("deals.columns.process")}</Table.Th>
                  <Table.Th>{t("deals.columns.step")}</Table.Th>
                  <Table.Th>{t("deals.columns.car")}</Table.Th>
                  <Table.Th ta="right">{t("deals.columns.cycle")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!list.data
                  ? placeholderKeys(5).map((k) => (
                      <Table.Tr key={k}>
                        <Table.Td colSpan={6}>
                          <Skeleton h={18} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : list.data.deals.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/deals/${d.id}`} size="sm">
                            {d.id}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/deals/${d.id}`} size="sm" fw={500}>
                            {d.clientName}
                          </Anchor>
                          {d.salespersonName && scope !== "mine" && (
                            <Text size="xs" c="dimmed">
                              {d.salespersonName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{d.processName ? labels.title(d.processName) : "—"}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {d.currentStep ? labels.title(d.currentStep.title) : labels.status(d.status)}
                          </Text>
                          {d.waiting > 0 && (
                            <Badge size="xs" color="yellow" variant="light" tt="none">
                              {t("deals.waiting", { count: d.waiting })}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{d.vehicle ?? "—"}</Text>
                          {d.amountRub !== null && (
                            <Text size="xs" c="dimmed">
                              {format.money(d.amountRub)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{labels.duration(d.cycleSeconds)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && list.data.deals.length === 0 && (
            <Text p="md" c="dimmed" size="sm">
              {t("deals.empty")}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
