import { Button, Group, Pill, Text } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { useDealerships, useDepartments } from "../staff/api";
import { AuditTable } from "./AuditTable";
import { useActionLog } from "./api";
import { useAuditLabels } from "./labels";
import { useAuditFilter } from "./useAuditFilter";

export function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const filters = useAuditFilter();
  const { filter } = filters;
  const log = useActionLog(filter);
  const dealerships = useDealerships();
  const departments = useDepartments();

  const entries = useMemo(() => log.data?.pages.flat(), [log.data]);
  const dealershipById = useMemo(
    () => new Map((dealerships.data ?? []).map((d) => [d.id, d])),
    [dealerships.data],
  );
  const departmentById = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d])),
    [departments.data],
  );
  // Every entry matches the actor filter, so any of them names the actor.
  const actorName =
    entries?.find((e) => e.actorUserId === filter.actorUserId)?.actorName ?? `#${filter.actorUserId}`;
  const hasFilter = filter.actorUserId !== undefined || filter.entityType !== undefined;

  return (
    <>
      <PageHeader title={t("audit.pageTitle")} subtitle={t("audit.subtitle")} />

      {hasFilter && (
        <Group gap="xs" mb="md">
          {filter.actorUserId !== undefined && (
            <FilterPill label={t("audit.filterActor", { name: actorName })} onRemove={filters.clearActor} />
          )}
          {filter.entityType && (
            <FilterPill
              label={t("audit.filterEntity", {
                entity: filter.entityId
                  ? labels.entity({ entityType: filter.entityType, entityId: filter.entityId })
                  : labels.entityType(filter.entityType),
              })}
              onRemove={filters.clearEntity}
            />
          )}
          <Button variant="subtle" color="gray" size="compact-sm" onClick={filters.clearAll}>
            {t("audit.clearFilters")}
          </Button>
        </Group>
      )}

      {log.isError && !entries ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : entries && entries.length === 0 ? (
        <Notice
          icon={<IconHistory size={28} />}
          title={t("audit.emptyTitle")}
          description={t("audit.emptyText")}
        />
      ) : (
        <>
          <AuditTable
            entries={entries}
            dealerships={dealershipById}
            departments={departmentById}
            onActor={filters.byActor}
            onEntity={filters.byEntity}
          />
          {entries && (
            <Group justify="space-between" mt="sm">
              <Text size="xs" c="dimmed" aria-live="polite">
                {t("audit.shown", { count: entries.length })}
                {!log.hasNextPage && ` · ${t("audit.allShown")}`}
              </Text>
              {log.hasNextPage && (
                <Button
                  variant="default"
                  size="xs"
                  loading={log.isFetchingNextPage}
                  onClick={() => log.fetchNextPage()}
                >
                  {t("audit.loadMore")}
                </Button>
              )}
            </Group>
          )}
          {log.isFetchNextPageError && <ErrorState error={log.error} onRetry={() => log.fetchNextPage()} />}
        </>
      )}
    </>
  );
}

function FilterPill({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Pill
      size="md"
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ "aria-label": t("audit.removeFilter") }}
      bg="var(--mantine-color-orbit-0)"
    >
      {label}
    </Pill>
  );
}
