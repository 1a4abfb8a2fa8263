import { Alert, List, Text } from "@mantine/core";
import type { Preview } from "@orbit/contracts";
import { IconEye } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";

const HELD = ["alreadyContacted", "blocked", "noConsent", "weeklyCap"] as const;

/** "Would create N tasks today", how many reasons to call there were, and what the contact policy held back. */
export function PreviewResult({ preview, unsaved }: { preview: Preview; unsaved: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const held = HELD.filter((k) => preview.held[k] > 0);
  return (
    <Alert
      color="orbit"
      variant="light"
      icon={<IconEye size={18} />}
      title={t("preview.title")}
      role="status"
    >
      <Text fw={700} size="lg" lh={1.3}>
        {t("preview.tasks", { count: preview.tasks })}
      </Text>
      <Text size="sm" mt={2}>
        {t("preview.needs", { value: format.number(preview.needs) })}
      </Text>
      {held.length > 0 ? (
        <>
          <Text size="sm" mt={6}>
            {t("preview.heldTitle")}
          </Text>
          <List size="sm" spacing={0} withPadding>
            {held.map((k) => (
              <List.Item key={k}>
                {t(`preview.held.${k}`)}: {format.number(preview.held[k])}
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm" mt={6} c="dimmed">
          {t("preview.nothingHeld")}
        </Text>
      )}
      {unsaved && (
        <Text size="xs" c="dimmed" mt={6}>
          {t("preview.unsaved")}
        </Text>
      )}
    </Alert>
  );
}
