import { Badge, Group, Mark, Stack, Text } from "@mantine/core";
import type { SearchResult as Result } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { formatPhone } from "../clients/display";
import { useClientLabels } from "../clients/labels";
import { joinParts } from "./labels";
import { matchedValue, nameSegments, type Segment } from "./searchMatch";

/** What the query was read as, in words: "phone, VIN". */
export function useMatchLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (hasKey(ru.search.matchedOn, kind) ? t(`search.matchedOn.${kind}`) : kind);
}

function Marked({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) =>
    s.hit ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one string, never reordered
      <Mark key={i} color="yellow" px={1}>
        {s.text}
      </Mark>
    ) : (
      s.text
    ),
  );
}

/**
 * One client found: the name, the segment, a birth date (or "company"), the phone, the dealership, and
 * what matched with the matched part marked, so a wrong hit is seen before it is opened.
 */
export function SearchResultContent({ result: r, query }: { result: Result; query: string }) {
  const format = useFormat();
  const labels = useClientLabels();
  const matchLabel = useMatchLabel();
  const { t } = useTranslation();
  const phoneMatched = r.matchedOn === "phone" && r.matched === r.primaryPhone;
  return (
    <Stack gap={0} miw={0}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
          <Marked segments={nameSegments(r, query)} />
        </Text>
        <Badge size="xs" variant="light" radius="sm" tt="none" fw={500}>
          {labels.segment(r.segment)}
        </Badge>
        {r.blocked && (
          <Badge size="xs" variant="light" color="red" radius="sm" tt="none" fw={500}>
            {t("clients.blocked")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {joinParts(
          r.kind === "company" ? labels.kind(r.kind) : r.birthDate && format.date(r.birthDate),
          !phoneMatched && r.primaryPhone && formatPhone(r.primaryPhone),
          r.homeDealershipId !== null && labels.dealership(r.homeDealershipId),
        )}
      </Text>
      {r.matchedOn !== "name" && (
        <Text size="xs" style={{ overflowWrap: "anywhere" }}>
          <Text span inherit c="dimmed">
            {matchLabel(r.matchedOn)}{" "}
          </Text>
          <Marked segments={matchedValue(r, query)} />
        </Text>
      )}
    </Stack>
  );
}
