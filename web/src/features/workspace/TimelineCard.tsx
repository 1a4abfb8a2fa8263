import { Badge, Button, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import type { CardDeal, CardWorkOrder, TimelineEntry, TimelinePage } from "@orbit/contracts";
import {
  type Icon,
  IconArrowDownLeft,
  IconArrowUpRight,
  IconBuildingStore,
  IconChecklist,
  IconDeviceMobile,
  IconMail,
  IconMessage,
  IconMessageCircle,
  IconNote,
  IconPhone,
  IconTimeline,
  IconWorld,
} from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { timelineSubject } from "../tasks/reasonText";
import { useTimeline } from "./api";
import { joinParts, outcomeColor, useCardLabels } from "./labels";
import { DIVIDED, Empty, Section } from "./Section";

const FIRST_SHOWN = 10;
const MORE_SHOWN = 30;

const CHANNELS: Record<string, { icon: Icon; color: string }> = {
  call: { icon: IconPhone, color: "orbit" },
  sms: { icon: IconMessage, color: "grape" },
  email: { icon: IconMail, color: "indigo" },
  messenger: { icon: IconMessageCircle, color: "cyan" },
  visit: { icon: IconBuildingStore, color: "teal" },
  web: { icon: IconWorld, color: "blue" },
  app: { icon: IconDeviceMobile, color: "violet" },
  note: { icon: IconNote, color: "gray" },
  task: { icon: IconChecklist, color: "orange" },
};

interface Props {
  clientId: number;
  first: TimelinePage;
  /** To name what an entry is about: "work order HAVAL-26-0000063". */
  deals: CardDeal[];
  workOrders: CardWorkOrder[];
}

/** Every interaction with the client in one list, newest first, with recordings and outcomes. */
export function TimelineCard({ clientId, first, deals, workOrders }: Props) {
  const { t } = useTranslation();
  const timeline = useTimeline(clientId, first);
  const numbers = useMemo(() => new Map(workOrders.map((w) => [w.id, w.number])), [workOrders]);
  const dealIds = useMemo(() => new Set(deals.map((d) => d.id)), [deals]);
  const about = (e: TimelineEntry): string | null => {
    if (e.refId === null) return null;
    if (e.refType === "work_order") {
      return t("card.aboutWorkOrder", { number: numbers.get(e.refId) ?? `#${e.refId}` });
    }
    if (e.refType === "deal" && dealIds.has(e.refId)) return t("card.aboutDeal", { id: e.refId });
    return null;
  };
  // Ten at first keeps the card short and quick to draw; the rest of the first page is already here.
  const [limit, setLimit] = useState(FIRST_SHOWN);
  const shown = timeline.entries.slice(0, limit);
  const hidden = timeline.entries.length - shown.length;
  const showMore = () => {
    if (hidden === 0) void timeline.fetchNextPage();
    setLimit((n) => n + MORE_SHOWN);
  };
  const finished = hidden === 0 && !timeline.hasNextPage && timeline.entries.length > FIRST_SHOWN;

  return (
    <Section id="timeline" title={t("card.timelineTitle")} icon={<IconTimeline size={18} />}>
      {timeline.entries.length === 0 ? (
        <Empty>{t("card.timelineEmpty")}</Empty>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((e, i) => (
            <EntryRow key={e.id} entry={e} about={about(e)} divided={i > 0} />
          ))}
        </Stack>
      )}
      {timeline.isFetchNextPageError && (
        <ErrorState error={timeline.error} onRetry={() => void timeline.fetchNextPage()} />
      )}
      {hidden > 0 || timeline.hasNextPage ? (
        <Button variant="light" mt="sm" fullWidth loading={timeline.isFetchingNextPage} onClick={showMore}>
          {t("card.timelineMore")}
        </Button>
      ) : (
        finished && (
          <Text size="xs" c="dimmed" ta="center" mt="sm">
            {t("card.timelineEnd")}
          </Text>
        )
      )}
    </Section>
  );
}

function EntryRow({
  entry: e,
  about,
  divided,
}: {
  entry: TimelineEntry;
  about: string | null;
  divided: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCardLabels();
  const channel = CHANNELS[e.channel] ?? { icon: IconNote, color: "gray" };
  const Direction = e.direction === "in" ? IconArrowDownLeft : IconArrowUpRight;
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" style={divided ? DIVIDED : undefined}>
      <ThemeIcon
        variant="light"
        color={channel.color}
        size={30}
        radius="xl"
        title={labels.channel(e.channel)}
      >
        <channel.icon size={16} />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap={4} wrap="wrap" align="baseline">
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {timelineSubject(e.subject, t)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            <time dateTime={e.at}>{format.dateTime(e.at)}</time>
          </Text>
        </Group>
        <Group gap={6} wrap="wrap" align="center">
          <Text size="xs" c="dimmed">
            {e.direction && <Direction size={12} style={{ verticalAlign: -1, marginRight: 2 }} aria-hidden />}
            {joinParts(
              labels.channel(e.channel),
              e.direction && labels.direction(e.direction),
              e.employee,
              e.durationS !== null && format.duration(e.durationS),
              about,
            )}
          </Text>
          {e.outcome && (
            <Badge size="xs" variant="light" color={outcomeColor(e.outcome)} radius="sm" tt="none">
              {labels.outcome(e.outcome)}
            </Badge>
          )}
        </Group>
        {e.recordingUrl && (
          // The recording is fetched only when played: a card of fifty calls loads nothing extra.
          // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions
          <audio
            controls
            preload="none"
            src={e.recordingUrl}
            aria-label={t("card.recording")}
            style={{ display: "block", width: "100%", maxWidth: 360, height: 32, marginTop: 4 }}
          />
        )}
      </div>
    </Group>
  );
}
