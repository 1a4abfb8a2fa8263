import { Anchor, Group, Stack, Text } from "@mantine/core";
import type { ImportPreview } from "@orbit/contracts";
import { IconChevronLeft, IconFileAlert } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { useClientLabels } from "../clients/labels";
import { NotFoundPage } from "../shell/NotFoundPage";
import { importKeys, useImport } from "./api";
import { ImportProgress } from "./ImportProgress";
import { ImportReport } from "./ImportReport";
import { MappingStep } from "./MappingStep";
import { StatusBadge } from "./StatusBadge";

export function ImportPage() {
  const { id } = useParams();
  const importId = Number(id);
  if (!Number.isInteger(importId) || importId <= 0) return <NotFoundPage />;
  return <ImportView key={importId} id={importId} />;
}

/** One import through its life: mapping the columns, the progress while it runs, then the report. */
function ImportView({ id }: { id: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const client = useQueryClient();
  const query = useImport(id);
  const batch = query.data;

  if (query.isError && !batch) {
    if (query.error instanceof ApiRequestError && query.error.status === 404) {
      return (
        <Notice
          order={2}
          icon={<IconFileAlert size={28} />}
          title={t("imports.notFoundTitle")}
          description={t("imports.notFoundText")}
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  if (!batch) return <PageLoader />;

  // Right after the upload the sample rows are at hand; a draft opened later has only the column names.
  const preview = client.getQueryData<ImportPreview>(importKeys.preview(id));

  return (
    <Stack gap="md" maw={1280}>
      <div>
        <Anchor component={Link} to="/imports" fz="sm">
          <Group gap={4} component="span">
            <IconChevronLeft size={14} />
            {t("imports.backToList")}
          </Group>
        </Anchor>
        <PageHeader
          title={batch.fileName}
          subtitle={t("imports.batchSubtitle", {
            source: labels.source(batch.sourceSystem),
            date: format.dateTime(batch.createdAt),
            size: format.number(Math.max(1, Math.round(batch.fileBytes / 1024))),
          })}
          actions={<StatusBadge status={batch.status} />}
        />
      </div>
      {batch.status === "draft" ? (
        <MappingStep
          batch={batch}
          headers={preview?.headers ?? Object.keys(batch.mapping)}
          sample={preview?.sample ?? []}
          suggested={preview?.suggestedMapping ?? batch.mapping}
        />
      ) : batch.status === "uploaded" || batch.status === "running" ? (
        <ImportProgress batch={batch} />
      ) : (
        <ImportReport batch={batch} />
      )}
      {batch.status === "draft" && !preview && (
        <Text size="xs" c="dimmed">
          {t("imports.noSample")}
        </Text>
      )}
    </Stack>
  );
}
