import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { ActionIcon, Anchor, Box, Group, Paper, Text } from "@mantine/core";
import type { Board, BoardItem } from "@orbit/contracts";
import { IconArrowsMove } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { daySpan, hhmm, hourMarks, localMinutes, movedStart, placement, type Span } from "./boardGeometry";
import { STATUS_COLORS } from "./labels";

const LABEL_WIDTH = 170;
const ROW_HEIGHT = 58;

interface Props {
  board: Board;
  step: number;
  /** A card dropped on a post at a start (local minutes of the day). */
  onDrop(item: BoardItem, postId: number, start: number): void;
  onMoveMenu(item: BoardItem): void;
}

/**
 * The day per post: a row per post from opening to closing, each job a card at its time. Cards are
 * dragged along and across rows (dnd-kit); each also has a move button for keyboard and menu users.
 */
export function BoardGrid({ board, step, onDrop, onMoveMenu }: Props) {
  const { t } = useTranslation();
  const span = daySpan(board.open, board.close);
  const track = useRef<HTMLDivElement | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const minutesOf = (iso: string) => localMinutes(iso, board.timezone, board.day);

  const dragEnd = (e: DragEndEvent) => {
    const item = e.active.data.current?.item as BoardItem | undefined;
    const postId = Number(String(e.over?.id ?? "").replace("post-", ""));
    if (!item || !postId || (e.delta.x === 0 && postId === item.postId)) return;
    const width = track.current?.getBoundingClientRect().width ?? 1;
    onDrop(item, postId, movedStart(minutesOf(item.start), e.delta.x, width, span, step));
  };

  return (
    <Paper withBorder p={0} style={{ overflowX: "auto" }}>
      <Box miw={900}>
        <Group gap={0} wrap="nowrap" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
          <Box w={LABEL_WIDTH} miw={LABEL_WIDTH} p={6}>
            <Text size="xs" c="dimmed">
              {t("service.board.post")}
            </Text>
          </Box>
          <Box pos="relative" h={24} style={{ flex: 1 }} ref={track}>
            {hourMarks(span).map((m) => (
              <Text
                key={m}
                size="xs"
                c="dimmed"
                pos="absolute"
                top={4}
                style={{ left: `${placement(m, m, span).left}%`, transform: "translateX(-50%)" }}
              >
                {hhmm(m)}
              </Text>
            ))}
          </Box>
        </Group>
        <DndContext sensors={sensors} onDragEnd={dragEnd}>
          {board.posts
            .filter((p) => p.active)
            .map((post) => (
              <PostRow
                key={post.id}
                id={post.id}
                name={post.name}
                span={span}
                items={board.items.filter((i) => i.postId === post.id)}
                minutesOf={minutesOf}
                technicians={new Map(board.technicians.map((x) => [x.id, x.fullName]))}
                onMoveMenu={onMoveMenu}
              />
            ))}
        </DndContext>
      </Box>
    </Paper>
  );
}

function PostRow(props: {
  id: number;
  name: string;
  span: Span;
  items: BoardItem[];
  minutesOf(iso: string): number;
  technicians: Map<number, string>;
  onMoveMenu(item: BoardItem): void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `post-${props.id}` });
  return (
    <Group
      gap={0}
      wrap="nowrap"
      role="row"
      aria-label={props.name}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <Box w={LABEL_WIDTH} miw={LABEL_WIDTH} p={6} role="rowheader">
        <Text size="sm" fw={500} lineClamp={2}>
          {props.name}
        </Text>
      </Box>
      <Box
        ref={setNodeRef}
        pos="relative"
        h={ROW_HEIGHT}
        bg={isOver ? "blue.0" : undefined}
        style={{ flex: 1 }}
        data-post={props.id}
      >
        {props.items.map((item) => (
          <JobCard
            key={item.id}
            item={item}
            span={props.span}
            start={props.minutesOf(item.start)}
            end={props.minutesOf(item.end)}
            technician={item.technicianId ? (props.technicians.get(item.technicianId) ?? null) : null}
            onMoveMenu={props.onMoveMenu}
          />
        ))}
      </Box>
    </Group>
  );
}

function JobCard(props: {
  item: BoardItem;
  span: Span;
  start: number;
  end: number;
  technician: string | null;
  onMoveMenu(item: BoardItem): void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  const movable = item.status === "booked" || item.status === "arrived";
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `wo-${item.id}`,
    data: { item },
    disabled: !movable,
  });
  const { left, width } = placement(props.start, props.end, props.span);
  const color = STATUS_COLORS[item.status];
  return (
    <Box
      ref={setNodeRef}
      // Only a movable card is a drag handle: the others' links stay plain links for every reader.
      {...(movable ? { ...listeners, ...attributes } : {})}
      role="group"
      aria-roledescription={t("service.board.card")}
      aria-label={`${item.number} ${item.clientName}`}
      data-work-order={item.id}
      pos="absolute"
      top={4}
      h={ROW_HEIGHT - 8}
      px={6}
      py={2}
      bg={`${color}.1`}
      style={{
        left: `${left}%`,
        width: `${width}%`,
        borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        borderRadius: 4,
        overflow: "hidden",
        cursor: movable ? "grab" : "default",
        zIndex: isDragging ? 10 : 1,
        opacity: isDragging ? 0.85 : 1,
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        touchAction: "none",
      }}
      title={`${hhmm(props.start)}–${hhmm(props.end)} ${item.clientName}, ${item.vehicle ?? ""}. ${item.summary}${props.technician ? `. ${props.technician}` : ""}`}
    >
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Anchor component={Link} to={`/service/work-orders/${item.id}`} size="xs" fw={600} truncate>
          {hhmm(props.start)} {item.clientName}
        </Anchor>
        {movable && (
          <ActionIcon
            size="xs"
            variant="subtle"
            aria-label={t("service.board.moveAria", { number: item.number })}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => props.onMoveMenu(item)}
          >
            <IconArrowsMove size={12} />
          </ActionIcon>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {item.vehicle} · {t(`service.statuses.${item.status}`)}
      </Text>
    </Box>
  );
}
