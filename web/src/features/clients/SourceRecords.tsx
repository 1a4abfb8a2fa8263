import { Badge, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { SourceRecord } from "@orbit/contracts";
import { IconGitMerge } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useClientLabels } from "./labels";
import { normalisedValues, typedValues } from "./sourceValues";

/** Every record the systems delivered about this client, as delivered: the raw material of the card. */
export function SourceRecords({ records }: { records: SourceRecord[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("clients.sourcesIntro")}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {records.map((r) => (
          <SourceRecordCard key={r.id} record={r} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SourceRecordCard({ record }: { record: SourceRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const typed = typedValues(record.data);
  const normalised = normalisedValues(record.data);
  const source = labels.source(record.sourceSystem);
  const show = (value: string) =>
    value === "" ? (
      <Text span inherit c="dimmed">
        {t("common.empty")}
      </Text>
    ) : (
      value
    );

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={source}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={3} fz="md" style={{ overflowWrap: "anywhere" }}>
          {source}
        </Title>
        {record.viaMerge && (
          <Badge color="grape" variant="light" radius="sm" tt="none" leftSection={<IconGitMerge size={12} />}>
            {t("clients.viaMerge")}
          </Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed" mb="sm">
        {t("clients.receivedAt", { date: format.dateTime(record.receivedAt) })}
        {record.sourceKey && ` · ${t("clients.sourceKey", { key: record.sourceKey })}`}
        {record.dealershipId && ` · ${labels.dealership(record.dealershipId)}`}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <div>
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
            {t("clients.typedTitle")}
          </Text>
          <DataList size="xs" gap={6} orientation="vertical">
            {typed.map(([key, value]) => (
              <DataList.Item key={key}>
                <DataList.ItemLabel>{labels.field(key)}</DataList.ItemLabel>
                <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{show(value)}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </div>
        <div>
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
            {t("clients.normalisedTitle")}
          </Text>
          <DataList size="xs" gap={6} orientation="vertical">
            {normalised.map(({ field, value }) => (
              <DataList.Item key={field}>
                <DataList.ItemLabel>{labels.field(field)}</DataList.ItemLabel>
                <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>
                  {show(field === "gender" && value ? labels.gender(value) : value)}
                </DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </div>
      </SimpleGrid>
    </Card>
  );
}
