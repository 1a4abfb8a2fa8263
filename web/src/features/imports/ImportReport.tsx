import { Alert, Button, Chip, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import type { ImportBatch, ImportRowNote } from "@orbit/contracts";
import { IconAlertTriangle, IconCircleCheck, IconGitCompare } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { placeholderKeys } from "../../ui/skeleton";
import { can, useCurrentUser } from "../auth/session";
import { useRowNotes } from "./api";
import { ImportCounts } from "./ImportCounts";
import { useReasonText } from "./importReasons";

type Kind = ImportRowNote["kind"];

/** The end of an import: what became of the rows, and the rows that need a person's attention. */
export function ImportReport({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [kind, setKind] = useState<Kind>("rejected");
  const failed = batch.status === "failed";

  return (
    <Stack gap="md">
      {failed ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={t("imports.failedTitle")}
        >
          <Text size="sm">{t("imports.failedText")}</Text>
          {batch.error && (
            <Text size="xs" c="dimmed" mt={4} ff="monospace">
              {batch.error}
            </Text>
          )}
        </Alert>
      ) : (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={20} />}
          title={t("imports.doneTitle")}
          role="status"
        >
          <Text size="sm">
            {t("imports.doneText", {
              rows: format.number(batch.rowsDone),
              when: batch.finishedAt ? format.dateTime(batch.finishedAt) : t("common.empty"),
            })}
          </Text>
          {batch.queued > 0 && can(user, "clients.merge") && (
            <Button
              component={Link}
              to="/duplicates"
              size="xs"
              variant="white"
              color="teal"
              mt="xs"
              leftSection={<IconGitCompare size={14} />}
            >
              {t("imports.reviewDuplicates", { count: batch.queued })}
            </Button>
          )}
        </Alert>
      )}
      <ImportCounts batch={batch} />

      <Group justify="space-between" align="flex-end" gap="sm" mt="sm">
        <Title order={3} fz="lg">
          {t("imports.rowsTitle")}
        </Title>
        <Chip.Group
          value={kind}
          onChange={(v) => setKind(v === "skipped" || v === "warning" ? v : "rejected")}
        >
          <Group gap="xs" role="radiogroup" aria-label={t("imports.rowsKind")}>
            <Chip value="rejected" size="sm" type="radio">
              {t("imports.kinds.rejected", { count: batch.rejected })}
            </Chip>
            <Chip value="skipped" size="sm" type="radio">
              {t("imports.kinds.skipped", { count: batch.skipped })}
            </Chip>
            <Chip value="warning" size="sm" type="radio">
              {t("imports.kinds.warning")}
            </Chip>
          </Group>
        </Chip.Group>
      </Group>
      <RowNotes key={kind} batchId={batch.id} kind={kind} />
    </Stack>
  );
}

function RowNotes({ batchId, kind }: { batchId: number; kind: Kind }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const notes = useRowNotes(batchId, kind);
  const rows = useMemo(() => notes.data?.pages.flat(), [notes.data]);

  if (notes.isError && !rows) return <ErrorState error={notes.error} onRetry={() => notes.refetch()} />;
  if (rows && rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t(`imports.noRows.${kind}`)}
      </Text>
    );
  }
  return (
    <>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table layout="fixed" aria-label={t("imports.rowsTitle")}>
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th w={72}>{t("imports.colRow")}</Table.Th>
              <Table.Th>{t("imports.colReason")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("imports.colData")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows === undefined
              ? placeholderKeys(3).map((key) => (
                  <Table.Tr key={key}>
                    <Table.Td colSpan={3}>
                      <Skeleton h={14} />
                    </Table.Td>
                  </Table.Tr>
                ))
              : rows.map((note) => {
                  const data = Object.entries(note.row ?? {})
                    .filter(([, v]) => v !== "")
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(" · ");
                  return (
                    <Table.Tr key={`${note.rowNumber}-${note.reason}`}>
                      <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{note.rowNumber}</Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>
                        {reasonText(note.reason)}
                        {/* Phones have no room for the data column: the row goes under the reason. */}
                        <Text hiddenFrom="sm" fz="xs" c="dimmed">
                          {data}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm" fz="xs" style={{ overflowWrap: "anywhere" }}>
                        {data || t("common.empty")}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
          </Table.Tbody>
        </Table>
      </Paper>
      {notes.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            size="xs"
            loading={notes.isFetchingNextPage}
            onClick={() => notes.fetchNextPage()}
          >
            {t("imports.moreRows")}
          </Button>
        </Group>
      )}
    </>
  );
}
