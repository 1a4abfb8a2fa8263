import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import type { WorkOrder, WorkOrderStatus } from "@orbit/contracts";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { useAddLines, useChangeStatus, useParts, useRemoveLine, useWorkOrder, useWorks } from "./api";
import { STATUS_COLORS } from "./labels";

/** The work order: who and what, where it stands, its works and parts, and the next step in one click. */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const order = useWorkOrder(id);
  const w = order.data;
  if (order.isError && !w) return <ErrorState error={order.error} onRetry={() => order.refetch()} />;
  if (!w) return <Skeleton h={400} />;
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t("service.order.title", { number: w.number })}
        subtitle={
          <Badge color={STATUS_COLORS[w.status]} size="lg" variant="light">
            {t(`service.statuses.${w.status}`)}
          </Badge>
        }
      />
      {/* Below the title, not beside it: the toasts that confirm each step appear top right. */}
      {w.next.length > 0 && <StatusActions order={w} />}
      <Facts order={w} />
      <Lines order={w} />
    </Stack>
  );
}

function Facts({ order: w }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? "—"}</Text>
    </div>
  );
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {fact(
          t("service.order.client"),
          <Anchor component={Link} to={`/clients/${w.clientId}`}>
            {w.clientName}
          </Anchor>,
        )}
        {fact(t("service.order.phone"), w.clientPhone)}
        {fact(t("service.order.vehicle"), [w.vehicle, w.vin].filter(Boolean).join(", "))}
        {fact(
          t("service.order.planned"),
          w.plannedStart
            ? `${format.dateTime(w.plannedStart)} – ${format.time(w.plannedEnd!)}`
            : t("service.order.unplanned"),
        )}
        {fact(t("service.order.post"), w.postName)}
        {fact(t("service.order.technician"), w.technicianName)}
        {fact(t("service.order.channel"), t(`service.channels.${w.bookingChannel}`))}
        {fact(t("service.order.advisor"), w.advisor)}
        {fact(
          t("service.order.mileage"),
          w.mileageKm !== null ? `${format.number(w.mileageKm)} ${t("service.order.km")}` : null,
        )}
        {w.arrivedAt && fact(t("service.order.arrived"), format.dateTime(w.arrivedAt))}
        {w.closedAt && fact(t("service.order.closed"), format.dateTime(w.closedAt))}
        {w.nextMaintenance &&
          fact(
            t("service.order.nextMaintenance"),
            t("service.order.nextMaintenanceValue", {
              on: format.date(w.nextMaintenance.on),
              km: w.nextMaintenance.km !== null ? format.number(w.nextMaintenance.km) : "—",
            }),
          )}
      </SimpleGrid>
      <Text size="sm" mt="sm">
        {w.summary}
      </Text>
    </Paper>
  );
}

const ASKS_MILEAGE: readonly WorkOrderStatus[] = ["arrived", "delivered"];

function StatusActions({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const change = useChangeStatus(order.id);
  const [asking, setAsking] = useState<WorkOrderStatus | null>(null);
  const [km, setKm] = useState<number | string>(order.mileageKm ?? "");
  const go = (status: WorkOrderStatus, mileageKm?: number) =>
    change.mutate(
      { status, ...(mileageKm !== undefined ? { mileageKm } : {}) },
      {
        onSuccess: (o) => {
          notify.success(t("service.order.statusChanged", { status: t(`service.statuses.${o.status}`) }));
          setAsking(null);
        },
        onError: (err) => notify.error(errorText(err)),
      },
    );
  return (
    <Group gap="xs">
      {order.next.map((s) => (
        <Button
          key={s}
          variant={s === "cancelled" || s === "no_show" || s === "booked" ? "default" : "filled"}
          color={s === "no_show" || s === "cancelled" ? "red" : undefined}
          loading={change.isPending && change.variables?.status === s}
          onClick={() => (ASKS_MILEAGE.includes(s) ? setAsking(s) : go(s))}
        >
          {t(`service.actions.${s}`)}
        </Button>
      ))}
      {asking && (
        <Modal opened onClose={() => setAsking(null)} title={t(`service.actions.${asking}`)}>
          <Stack gap="sm">
            <NumberInput
              label={t("service.order.mileageNow")}
              value={km}
              onChange={setKm}
              min={0}
              thousandSeparator=" "
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t("common.cancel")}
              </Button>
              <Button
                loading={change.isPending}
                onClick={() => go(asking, typeof km === "number" ? km : undefined)}
              >
                {t("service.order.confirm")}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}

function Lines({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const works = useWorks();
  const [partQuery, setPartQuery] = useState("");
  const parts = useParts(partQuery, 0, 20);
  const add = useAddLines(order.id);
  const remove = useRemoveLine(order.id);
  const open = ["booked", "arrived", "in_work", "waiting_parts"].includes(order.status);
  const onError = (err: unknown) => notify.error(errorText(err));
  return (
    <Paper withBorder p="md">
      <Text fw={500} mb="xs">
        {t("service.order.lines")}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("service.order.line")}</Table.Th>
            <Table.Th>{t("service.order.qty")}</Table.Th>
            <Table.Th>{t("service.order.price")}</Table.Th>
            <Table.Th>{t("service.order.amount")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                {l.name}
                <Text size="xs" c="dimmed">
                  {l.code}
                  {l.hours !== null ? ` · ${t("service.order.hours", { hours: l.hours })}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>{format.number(l.quantity)}</Table.Td>
              <Table.Td>{format.money(l.priceRub)}</Table.Td>
              <Table.Td>{format.money(l.amountRub)}</Table.Td>
              <Table.Td>
                {open && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("service.order.removeLine", { name: l.name })}
                    onClick={() => remove.mutate(l.id, { onError })}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={3}>
              <Text fw={600}>{t("service.order.total")}</Text>
            </Table.Td>
            <Table.Td>
              <Text fw={600}>{format.money(order.amountRub)}</Text>
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {open && (
        <Group mt="sm" align="flex-end">
          <Select
            label={t("service.order.addWork")}
            data={(works.data ?? []).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))}
            searchable
            value={null}
            onChange={(code) => code && add.mutate({ works: [code] }, { onError })}
            w={360}
          />
          <Select
            label={t("service.order.addPart")}
            placeholder={t("service.order.partPlaceholder")}
            data={(parts.data?.parts ?? []).map((p) => ({
              value: p.article,
              label: `${p.article} — ${p.name}, ${format.money(p.priceRub)}`,
            }))}
            searchable
            searchValue={partQuery}
            onSearchChange={setPartQuery}
            filter={({ options }) => options}
            value={null}
            onChange={(article) => article && add.mutate({ parts: [{ article, quantity: 1 }] }, { onError })}
            w={420}
          />
        </Group>
      )}
    </Paper>
  );
}
