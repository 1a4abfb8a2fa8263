import { Anchor, Button, Paper, Skeleton, Table, Text } from "@mantine/core";
import { IconFileImport, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { useClientLabels } from "../clients/labels";
import { useImports } from "./api";
import { StatusBadge } from "./StatusBadge";

export function ImportsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const list = useImports();
  const imports = list.data;

  return (
    <>
      <PageHeader
        title={t("imports.pageTitle")}
        subtitle={t("imports.subtitle")}
        actions={
          <Button component={Link} to="/imports/new" leftSection={<IconUpload size={16} />}>
            {t("imports.new")}
          </Button>
        }
      />
      {list.isError && !imports ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : imports && imports.length === 0 ? (
        <Notice
          icon={<IconFileImport size={28} />}
          title={t("imports.emptyTitle")}
          description={t("imports.emptyText")}
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("imports.colFile")}</Table.Th>
                <Table.Th visibleFrom="md">{t("imports.colWhen")}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("imports.colRows")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="lg">
                  {t("imports.counts.created")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="lg">
                  {t("imports.counts.merged")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="lg">
                  {t("imports.counts.queued")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="md">
                  {t("imports.counts.rejected")}
                </Table.Th>
                <Table.Th ta="right">{t("imports.colStatus")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports === undefined
                ? placeholderKeys(4).map((key) => (
                    <Table.Tr key={key}>
                      <Table.Td colSpan={8}>
                        <Skeleton h={14} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                : imports.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>
                        <Anchor component={Link} to={`/imports/${b.id}`} fw={600} fz="sm">
                          {b.fileName}
                        </Anchor>
                        <Text fz="xs" c="dimmed">
                          {labels.source(b.sourceSystem)}
                          <Text span hiddenFrom="md" inherit>
                            {` · ${format.dateTime(b.createdAt)}`}
                          </Text>
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="md">{format.dateTime(b.createdAt)}</Table.Td>
                      <Table.Td ta="right" visibleFrom="sm">
                        {format.number(b.rowsDone)}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="lg">
                        {format.number(b.created)}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="lg">
                        {format.number(b.merged)}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="lg">
                        {format.number(b.queued)}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="md">
                        {format.number(b.rejected)}
                      </Table.Td>
                      <Table.Td ta="right">
                        <StatusBadge status={b.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
