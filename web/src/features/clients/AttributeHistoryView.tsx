import { ActionIcon, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import type { PartyVersion } from "@orbit/contracts";
import { IconClockHour4 } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { type AttributeSpan, attributeHistory, type HistoryAttribute } from "./attributeHistory";
import { useClientLabels } from "./labels";

interface Props {
  versions: PartyVersion[];
  /** Shows the whole card as it was at a moment. */
  onShowAsOf: (moment: string) => void;
}

/** Each attribute's values over time: when each held, which system gave it, who changed it and why. */
export function AttributeHistoryView({ versions, onShowAsOf }: Props) {
  const { t } = useTranslation();
  const history = useMemo(() => attributeHistory(versions), [versions]);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("clients.attributesIntro", { count: versions.length })}
      </Text>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table highlightOnHover={false} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("clients.colValue")}</Table.Th>
              <Table.Th>{t("clients.colPeriod")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("clients.colOrigin")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {history.map(({ attribute, spans }) => (
            <AttributeRows key={attribute} attribute={attribute} spans={spans} onShowAsOf={onShowAsOf} />
          ))}
        </Table>
      </Paper>
    </Stack>
  );
}

/** One attribute: a heading row, then its values, newest first; the current one in bold. */
function AttributeRows({
  attribute,
  spans,
  onShowAsOf,
}: {
  attribute: HistoryAttribute;
  spans: AttributeSpan[];
  onShowAsOf: (moment: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const title = labels.field(attribute);

  const show = (value: AttributeSpan["value"]) => {
    if (value === null || value === "")
      return (
        <Text span inherit c="dimmed" fs="italic">
          {t("clients.valueNone")}
        </Text>
      );
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (attribute === "birthDate" && typeof value === "string") return format.date(value);
    if (attribute === "gender" && typeof value === "string") return labels.gender(value);
    if (attribute === "homeDealershipId" && typeof value === "number") return labels.dealership(value);
    if (attribute === "personalManagerId") return t("clients.employeeRef", { id: value });
    return String(value);
  };
  const who = (s: AttributeSpan) =>
    `${labels.reason(s.reason)} · ${labels.source(s.sourceSystem)}${s.changedBy ? ` · ${s.changedBy}` : ""}`;

  return (
    <Table.Tbody aria-label={title}>
      <Table.Tr bg="var(--mantine-color-gray-0)">
        <Table.Th colSpan={3} scope="rowgroup">
          {title}
          {spans.length > 1 && (
            <Badge ml="xs" size="sm" variant="light" radius="sm" tt="none" fw={500}>
              {t("clients.changes", { count: spans.length - 1 })}
            </Badge>
          )}
        </Table.Th>
      </Table.Tr>
      {spans.map((s) => (
        <Table.Tr key={s.version}>
          <Table.Td fw={s.validTo === null ? 600 : undefined} style={{ overflowWrap: "anywhere" }}>
            {show(s.value)}
            {/* Phones have no room for the origin column: it goes under the value. */}
            <Text hiddenFrom="sm" fz="xs" c="dimmed" fw={400}>
              {who(s)}
            </Text>
          </Table.Td>
          <Table.Td fz="xs">
            <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
              <div>
                <div>{t("clients.from", { date: format.moment(s.validFrom) })}</div>
                <div>
                  {s.validTo ? t("clients.until", { date: format.moment(s.validTo) }) : t("clients.untilNow")}
                </div>
              </div>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("clients.showAtMomentOf", { date: format.moment(s.validFrom) })}
                title={t("clients.showAtMoment")}
                onClick={() => onShowAsOf(s.validFrom)}
              >
                <IconClockHour4 size={16} />
              </ActionIcon>
            </Group>
          </Table.Td>
          <Table.Td visibleFrom="sm" fz="xs" style={{ overflowWrap: "anywhere" }}>
            {who(s)}
          </Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}
