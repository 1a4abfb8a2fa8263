import { Paper, Progress, Stack, Text } from "@mantine/core";
import type { ImportBatch } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { ImportCounts } from "./ImportCounts";

/**
 * While a worker imports the file. The API does not know the number of rows in advance, so the bar
 * shows activity, and the counters show how far it got (the page polls every second).
 */
export function ImportProgress({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const waiting = batch.status === "uploaded";
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" role="status" aria-live="polite">
        <Text fw={600} mb={4}>
          {waiting ? t("imports.waiting") : t("imports.running", { rows: format.number(batch.rowsDone) })}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {waiting ? t("imports.waitingText") : t("imports.runningText")}
        </Text>
        <Progress value={100} striped animated aria-label={t("imports.progressLabel")} />
      </Paper>
      <ImportCounts batch={batch} />
    </Stack>
  );
}
