import { Badge } from "@mantine/core";
import type { ImportBatch } from "@orbit/contracts";
import { useTranslation } from "react-i18next";

const COLORS: Record<ImportBatch["status"], string> = {
  draft: "gray",
  uploaded: "blue",
  running: "orbit",
  done: "teal",
  failed: "red",
};

export function StatusBadge({ status }: { status: ImportBatch["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      radius="sm"
      tt="none"
      fw={500}
      styles={{ label: { overflow: "visible" } }}
    >
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
