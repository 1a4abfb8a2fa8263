import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { DEAL_DOCUMENT_KINDS, type DealDocumentKind } from "@orbit/contracts";
import { IconDownload, IconFileText } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import { documentUrl } from "../api";
import type { PanelProps } from "./types";

/** Issues the quote, the purchase contract and the acceptance act as PDF from the deal's data. */
export function DocumentsPanel({
  deal,
  run,
  busy,
  editable,
  kinds = DEAL_DOCUMENT_KINDS,
}: PanelProps & { kinds?: readonly DealDocumentKind[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const docs = deal.documents.filter((d) => kinds.includes(d.kind));
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        {editable && (
          <Group gap="xs">
            {kinds.map((kind) => (
              <Button
                key={kind}
                variant="light"
                leftSection={<IconFileText size={16} />}
                loading={busy}
                onClick={() => run("/documents", { kind }, { success: t("deals.documents.issued") })}
              >
                {t("deals.documents.issue", { kind: t(`deals.documents.kinds.${kind}`) })}
              </Button>
            ))}
          </Group>
        )}
        {docs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("deals.documents.none")}
          </Text>
        ) : (
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
            {docs.map((d) => (
              <li key={d.id}>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {t(`deals.documents.kinds.${d.kind}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("deals.documents.number", { number: d.number, when: format.dateTime(d.createdAt) })}
                  </Text>
                  <Anchor href={documentUrl(deal.id, d.id)} download size="sm">
                    <Group gap={4} component="span">
                      <IconDownload size={14} />
                      {t("deals.documents.download")}
                    </Group>
                  </Anchor>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
