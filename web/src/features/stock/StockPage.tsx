import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { BODY_TYPES, type MatchResponse, type StockImportReport, type StockStatus } from "@orbit/contracts";
import { IconSearch, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { can, useCurrentUser } from "../auth/session";
import { useDealerships } from "../staff/api";
import { type StockFilter, useImportStock, useMatchStock, useStockList, useUpdateStock } from "./api";
import { STATUS_COLOR, useStockLabels } from "./labels";
import { MatchList } from "./MatchList";
import { NeedsForm } from "./NeedsForm";

const STATUSES: StockStatus[] = ["in_transit", "in_stock", "reserved", "sold"];

/** Every dealership's new and used cars with their status; loading a stock file; matching to needs. */
export function StockPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("stock.pageTitle")} subtitle={t("stock.subtitle")} />
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">{t("stock.tabs.list")}</Tabs.Tab>
          <Tabs.Tab value="match">{t("stock.tabs.match")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <StockList />
        </Tabs.Panel>
        <Tabs.Panel value="match">
          <MatchTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function MatchTab() {
  const match = useMatchStock();
  const [result, setResult] = useState<MatchResponse | null>(null);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <NeedsForm
          initial={null}
          busy={match.isPending}
          onSubmit={(needs) => match.mutate({ needs }, { onSuccess: setResult })}
        />
      </Paper>
      {result && <MatchList result={result} />}
    </Stack>
  );
}

function StockList() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStockLabels();
  const user = useCurrentUser();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const dealerships = useDealerships();
  const [status, setStatus] = useState<StockStatus | "">("");
  const [condition, setCondition] = useState<"" | "new" | "used">("");
  const [dealershipId, setDealershipId] = useState<string>("");
  const [bodyType, setBodyType] = useState<string>("");
  const [q, setQ] = useState("");
  const [query] = useDebouncedValue(q.trim(), 250);
  const filter: StockFilter = {
    status: status || undefined,
    condition: condition || undefined,
    dealershipId: dealershipId ? Number(dealershipId) : undefined,
    bodyType: bodyType || undefined,
    q: query || undefined,
  };
  const list = useStockList(filter);
  const importStock = useImportStock();
  const update = useUpdateStock();
  const [report, setReport] = useState<StockImportReport | null>(null);
  const manager = can(user, "stock.manage");
  const counts = list.data?.byStatus;

  return (
    <Stack gap="md">
      {manager && (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="xs" c="dimmed" maw={720}>
            {t("stock.import.hint")}
          </Text>
          <FileButton
            accept=".csv,text/csv"
            onChange={(file) =>
              file &&
              importStock.mutate(file, {
                onSuccess: setReport,
                onError: (e) => notify.error(errorText(e)),
              })
            }
          >
            {(props) => (
              <Button
                {...props}
                leftSection={<IconUpload size={16} />}
                loading={importStock.isPending}
                style={{ flexShrink: 0 }}
              >
                {t("stock.import.button")}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {report && (
        <Alert
          color={report.rejected.length ? "yellow" : "teal"}
          withCloseButton
          onClose={() => setReport(null)}
          role="status"
        >
          <Text size="sm">
            {t("stock.import.done", {
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              rejected: new Set(report.rejected.map((r) => r.row)).size,
            })}
          </Text>
          {report.rejected.slice(0, 20).map((r) => (
            <Text key={`${r.row}-${r.field}`} size="xs">
              {t("stock.import.rowError", { row: r.row, ...labels.rejection(r) })}
            </Text>
          ))}
        </Alert>
      )}
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as StockStatus | "")}
        data={[
          { value: "", label: t("stock.filters.all") },
          ...STATUSES.map((s) => ({
            value: s,
            label: `${labels.status(s)}${counts ? ` · ${format.number(counts[s])}` : ""}`,
          })),
        ]}
        aria-label={t("stock.filters.status")}
        style={{ alignSelf: "flex-start" }}
      />
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t("stock.filters.search")}
          placeholder={t("stock.filters.searchPlaceholder")}
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t("stock.filters.condition")}
          data={[
            { value: "", label: t("stock.conditions.any") },
            { value: "new", label: labels.condition("new") },
            { value: "used", label: labels.condition("used") },
          ]}
          value={condition}
          onChange={(v) => setCondition((v ?? "") as "" | "new" | "used")}
          allowDeselect={false}
          w={160}
        />
        <Select
          label={t("stock.filters.dealership")}
          data={[
            { value: "", label: t("stock.filters.allDealerships") },
            ...(dealerships.data ?? []).map((d) => ({ value: String(d.id), label: d.name })),
          ]}
          value={dealershipId}
          onChange={(v) => setDealershipId(v ?? "")}
          allowDeselect={false}
          w={280}
        />
        <Select
          label={t("stock.filters.bodyType")}
          data={[
            { value: "", label: t("stock.filters.anyBody") },
            ...BODY_TYPES.map((b) => ({ value: b, label: labels.body(b) })),
          ]}
          value={bodyType}
          onChange={(v) => setBodyType(v ?? "")}
          allowDeselect={false}
          w={180}
        />
      </Group>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Text size="sm" c="dimmed" p="sm">
            {list.data ? t("stock.count", { count: list.data.total }) : "\u00a0"}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("stock.columns.car")}</Table.Th>
                  <Table.Th>{t("stock.columns.details")}</Table.Th>
                  <Table.Th>{t("stock.columns.dealership")}</Table.Th>
                  <Table.Th>{t("stock.columns.status")}</Table.Th>
                  <Table.Th ta="right">{t("stock.columns.price")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!list.data
                  ? placeholderKeys(8).map((k) => (
                      <Table.Tr key={k}>
                        <Table.Td colSpan={5}>
                          <Skeleton h={18} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : list.data.vehicles.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {labels.car(v)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {[v.trim, `VIN ${v.vin}`].filter(Boolean).join(" · ")}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{labels.specs(v)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{v.dealershipName}</Text>
                        </Table.Td>
                        <Table.Td style={{ minWidth: 130 }}>
                          {manager && v.status !== "sold" && v.reservedByDealId === null ? (
                            <Menu position="bottom-start">
                              <Menu.Target>
                                <UnstyledButton aria-label={t("stock.changeStatus", { car: labels.car(v) })}>
                                  <Badge
                                    variant="light"
                                    color={STATUS_COLOR[v.status]}
                                    tt="none"
                                    fw={500}
                                    style={{ cursor: "pointer" }}
                                  >
                                    {labels.status(v.status)}
                                  </Badge>
                                </UnstyledButton>
                              </Menu.Target>
                              <Menu.Dropdown>
                                {STATUSES.filter((s) => s !== v.status && s !== "reserved").map((s) => (
                                  <Menu.Item
                                    key={s}
                                    onClick={() =>
                                      update.mutate(
                                        { id: v.id, status: s },
                                        {
                                          onSuccess: () =>
                                            notify.success(
                                              t("stock.statusChanged", { status: labels.status(s) }),
                                            ),
                                          onError: (e) => notify.error(errorText(e)),
                                        },
                                      )
                                    }
                                  >
                                    {labels.status(s)}
                                  </Menu.Item>
                                ))}
                              </Menu.Dropdown>
                            </Menu>
                          ) : (
                            <Badge variant="light" color={STATUS_COLOR[v.status]} tt="none" fw={500}>
                              {labels.status(v.status)}
                            </Badge>
                          )}
                          {v.reservedByDealId !== null && (
                            <Text size="xs" c="dimmed">
                              {t("stock.reservedFor", { id: v.reservedByDealId })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={500}>
                            {format.money(v.priceRub)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && list.data.vehicles.length === 0 && (
            <Text p="md" c="dimmed" size="sm">
              {t("stock.empty")}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
