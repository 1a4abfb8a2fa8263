import { Card, Stack, Text, Title } from "@mantine/core";
import type { ClientIdentity } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { formatDocument } from "./display";
import { useClientLabels } from "./labels";

export function DocumentsCard({ client }: { client: ClientIdentity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="md" mb="sm">
        {t("clients.documentsTitle")}
      </Title>
      {client.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("clients.noDocuments")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {client.documents.map((d) => (
            <li key={d.id}>
              <Text fz="sm">
                <Text span inherit c="dimmed">
                  {labels.documentKind(d.kind)}:{" "}
                </Text>
                <Text span inherit fw={600}>
                  {formatDocument(d.kind, d.number)}
                </Text>
              </Text>
              <Text fz="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {t("clients.contactOrigin", {
                  raw: d.raw,
                  source: labels.source(d.sourceSystem),
                  date: format.dateTime(d.validFrom),
                })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
