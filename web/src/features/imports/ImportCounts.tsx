import { Paper, SimpleGrid, Text } from "@mantine/core";
import type { ImportBatch } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";

const COUNTS = ["rowsDone", "created", "merged", "queued", "skipped", "rejected"] as const;
const COLORS: Partial<Record<(typeof COUNTS)[number], string>> = {
  created: "teal",
  merged: "orbit",
  queued: "yellow",
  rejected: "red",
};

/** The import's counters: rows read, and what became of them. */
export function ImportCounts({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      {COUNTS.map((key) => {
        const label = t(`imports.counts.${key}`);
        const value = format.number(batch[key]);
        return (
          <Paper key={key} withBorder radius="md" p="sm" role="group" aria-label={`${label}: ${value}`}>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
              {label}
            </Text>
            <Text fz={24} fw={700} lh={1.3} c={batch[key] > 0 ? COLORS[key] : undefined}>
              {value}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
