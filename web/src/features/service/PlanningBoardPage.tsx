import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import type { BoardItem } from "@orbit/contracts";
import { IconCalendarPlus, IconCar, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { useBoard, useMove, useShowUp, useWorkshop } from "./api";
import { BoardGrid } from "./BoardGrid";
import { BookingModal } from "./BookingModal";
import { hhmm, instantOf, localMinutes } from "./boardGeometry";
import { nearestFreeTime } from "./labels";
import { useServiceDealership } from "./useServiceDealership";

const moscowToday = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The service advisor's day: the board per post with the jobs on it (drag to move, or the move button),
 * technicians on shift, the load of the next two weeks, and new bookings and walk-ins from here.
 */
export function PlanningBoardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const [params, setParams] = useSearchParams();
  const day = params.get("day") ?? moscowToday();
  const setDay = (d: string) => setParams((p) => ({ ...Object.fromEntries(p), day: d }), { replace: true });
  const dealership = useServiceDealership();
  const board = useBoard(dealership.id, day);
  const workshop = useWorkshop(dealership.id);
  const move = useMove();
  const [dialog, setDialog] = useState<"booking" | "walk_in" | null>(null);
  const [moving, setMoving] = useState<BoardItem | null>(null);
  const step = workshop.data?.rules.stepMinutes ?? 15;
  const data = board.data;

  const moveTo = (item: BoardItem, postId: number, start: number, technicianId?: number | null) => {
    if (!data) return;
    const at = instantOf(data.day, start, data.timezone);
    // A drag keeps the card's technician if they are free then; the move dialog names one or none.
    const tryMove = (keepTechnician: boolean) => {
      const pinned = technicianId === undefined ? (keepTechnician ? item.technicianId : null) : technicianId;
      move.mutate(
        { id: item.id, at, postId, ...(pinned ? { technicianId: pinned } : {}) },
        {
          onSuccess: (order) =>
            notify.success(
              t("service.board.moved", {
                number: order.number,
                when: format.shortDateTime(order.plannedStart!),
                post: order.postName,
              }),
            ),
          onError: (err) => {
            // The same technician is busy then: another one who is free takes the job.
            if (
              keepTechnician &&
              technicianId === undefined &&
              err instanceof ApiRequestError &&
              err.status === 409
            )
              return tryMove(false);
            const nearest = err instanceof ApiRequestError ? nearestFreeTime(err.message) : null;
            notify.error(
              err instanceof ApiRequestError && err.status === 409
                ? nearest
                  ? t("service.board.takenNearest", { when: format.shortDateTime(nearest) })
                  : t("service.board.taken")
                : errorText(err),
            );
          },
        },
      );
    };
    tryMove(true);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t("service.board.title")}
        subtitle={t("service.board.subtitle")}
        actions={
          <Group gap="xs">
            <Button
              leftSection={<IconCalendarPlus size={16} />}
              onClick={() => setDialog("booking")}
              disabled={!dealership.id}
            >
              {t("service.board.newBooking")}
            </Button>
            <Button
              variant="light"
              leftSection={<IconCar size={16} />}
              onClick={() => setDialog("walk_in")}
              disabled={!dealership.id}
            >
              {t("service.board.walkIn")}
            </Button>
          </Group>
        }
      />
      <Group gap="xs" align="flex-end">
        {dealership.choosable && (
          <Select
            label={t("service.board.centre")}
            data={dealership.options}
            value={dealership.id ? String(dealership.id) : null}
            onChange={dealership.choose}
            allowDeselect={false}
            w={320}
          />
        )}
        <Button
          variant="default"
          onClick={() => setDay(shift(day, -1))}
          aria-label={t("service.board.previousDay")}
          px="xs"
        >
          <IconChevronLeft size={16} />
        </Button>
        <TextInput
          type="date"
          label={t("service.board.day")}
          value={day}
          onChange={(e) => e.currentTarget.value && setDay(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => setDay(shift(day, 1))}
          aria-label={t("service.board.nextDay")}
          px="xs"
        >
          <IconChevronRight size={16} />
        </Button>
        <Button variant="subtle" onClick={() => setDay(moscowToday())}>
          {t("service.board.today")}
        </Button>
      </Group>

      {board.isError && !data ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : !data ? (
        <Skeleton h={400} />
      ) : (
        <>
          <LoadStrip load={data.load} day={day} onPick={setDay} />
          {data.open === null && <Alert color="gray">{t("service.board.closed")}</Alert>}
          <BoardGrid
            board={data}
            step={step}
            onDrop={(item, postId, start) => moveTo(item, postId, start)}
            onMoveMenu={setMoving}
          />
          {data.unplanned.length > 0 && (
            <Paper withBorder p="sm">
              <Text fw={500} mb={4}>
                {t("service.board.unplanned", { count: data.unplanned.length })}
              </Text>
              <Stack gap={2}>
                {data.unplanned.slice(0, 30).map((i) => (
                  <Group key={i.id} gap="xs">
                    <Link to={`/service/work-orders/${i.id}`}>{i.number}</Link>
                    <Text size="sm">
                      {i.clientName}, {i.vehicle} — {i.summary}
                    </Text>
                    <Button size="compact-xs" variant="light" onClick={() => setMoving(i)}>
                      {t("service.board.place")}
                    </Button>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
          <Paper withBorder p="sm">
            <Text fw={500} mb="xs">
              {t("service.board.technicians")}
            </Text>
            <Table>
              <Table.Tbody>
                {data.technicians.map((tech) => {
                  const jobs = data.items.filter((i) => i.technicianId === tech.id);
                  return (
                    <Table.Tr key={tech.id}>
                      <Table.Td>{tech.fullName}</Table.Td>
                      <Table.Td>{tech.skills.map((s) => t(`service.skills.${s}`)).join(", ")}</Table.Td>
                      <Table.Td>
                        {tech.shift ? `${tech.shift.start}–${tech.shift.end}` : t("service.board.offDuty")}
                      </Table.Td>
                      <Table.Td>{t("service.board.jobs", { count: jobs.length })}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <ShowUpPanel dealershipId={dealership.id} today={moscowToday()} />
          {moving && (
            <MoveModal
              item={moving}
              board={data}
              onClose={() => setMoving(null)}
              onMove={(postId, start, technicianId) => {
                moveTo(moving, postId, start, technicianId);
                setMoving(null);
              }}
            />
          )}
        </>
      )}
      {dialog && dealership.id && (
        <BookingModal dealershipId={dealership.id} mode={dialog} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function LoadStrip({
  load,
  day,
  onPick,
}: {
  load: { day: string; bookedMinutes: number; capacityMinutes: number }[];
  day: string;
  onPick(d: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group
      gap={4}
      wrap="nowrap"
      style={{ overflowX: "auto" }}
      role="list"
      aria-label={t("service.board.load")}
    >
      {load.map((l) => {
        const share = l.capacityMinutes ? Math.min(1, l.bookedMinutes / l.capacityMinutes) : 0;
        return (
          <UnstyledButton
            key={l.day}
            role="listitem"
            onClick={() => onPick(l.day)}
            aria-label={t("service.board.loadDay", {
              day: format.date(l.day),
              percent: Math.round(share * 100),
            })}
            aria-current={l.day === day ? "date" : undefined}
            p={4}
            miw={64}
            style={{
              borderRadius: 4,
              border: l.day === day ? "1px solid var(--mantine-color-blue-5)" : "1px solid transparent",
            }}
          >
            <Text size="xs" ta="center">
              {format.date(l.day).slice(0, 5)}
            </Text>
            <Progress
              value={share * 100}
              color={share > 0.85 ? "red" : share > 0.6 ? "orange" : "teal"}
              size="sm"
            />
            <Text size="xs" c="dimmed" ta="center">
              {l.capacityMinutes ? `${Math.round(share * 100)}%` : "—"}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

function MoveModal({
  item,
  board,
  onClose,
  onMove,
}: {
  item: BoardItem;
  board: NonNullable<ReturnType<typeof useBoard>["data"]>;
  onClose(): void;
  onMove(postId: number, start: number, technicianId: number | null): void;
}) {
  const { t } = useTranslation();
  const [postId, setPostId] = useState<string | null>(String(item.postId ?? board.posts[0]?.id ?? ""));
  const [time, setTime] = useState(
    hhmm(item.postId ? localMinutes(item.start, board.timezone, board.day) : 10 * 60),
  );
  const [tech, setTech] = useState<string | null>(item.technicianId ? String(item.technicianId) : null);
  return (
    <Modal opened onClose={onClose} title={t("service.board.moveTitle", { number: item.number })}>
      <Stack gap="sm">
        <Select
          label={t("service.board.post")}
          data={board.posts.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }))}
          value={postId}
          onChange={setPostId}
          allowDeselect={false}
        />
        <TextInput
          type="time"
          label={t("service.board.time")}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          step={900}
        />
        <Select
          label={t("service.board.technician")}
          placeholder={t("service.board.anyTechnician")}
          data={board.technicians
            .filter((x) => x.shift)
            .map((x) => ({ value: String(x.id), label: x.fullName }))}
          value={tech}
          onChange={setTech}
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!postId || !/^\d\d:\d\d$/.test(time)}
            onClick={() =>
              onMove(
                Number(postId),
                Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)),
                tech ? Number(tech) : null,
              )
            }
          >
            {t("service.board.move")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The last 90 days' show-up rate by booking channel: how much to trust each channel's bookings. */
function ShowUpPanel({ dealershipId, today }: { dealershipId: number | null; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rates = useShowUp(dealershipId, shift(today, -90), today);
  if (!rates.data?.length) return null;
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb="xs">
        {t("service.board.showUp")}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("service.order.channel")}</Table.Th>
            <Table.Th>{t("service.board.dueBookings")}</Table.Th>
            <Table.Th>{t("service.board.noShows")}</Table.Th>
            <Table.Th>{t("service.board.showUpRate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.data.map((r) => (
            <Table.Tr key={r.channel}>
              <Table.Td>{t(`service.channels.${r.channel as "call"}`)}</Table.Td>
              <Table.Td>{format.number(r.booked)}</Table.Td>
              <Table.Td>{format.number(r.noShow)}</Table.Td>
              <Table.Td>{r.rate === null ? "—" : format.percent(r.rate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
