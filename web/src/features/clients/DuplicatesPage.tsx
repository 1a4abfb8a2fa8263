import { Button, Group, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconCircleCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { duplicateKeys, useDuplicates } from "./api";
import { DuplicatePair } from "./DuplicatePair";

/**
 * The review queue, one pair at a time, most probable first. A decision removes the pair, so the
 * next one moves into the same place; "skip" leaves a pair for later (or for a colleague).
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [position, setPosition] = useState(0);
  const queue = useDuplicates(position, 1);
  const total = queue.data?.total ?? 0;
  const pair = queue.data?.items[0];

  // Decisions shrink the queue: never point past its end. The navigation badge shows the same total.
  useEffect(() => {
    if (!queue.data) return;
    client.setQueryData(duplicateKeys.count, total);
    if (position > 0 && position >= total) setPosition(Math.max(0, total - 1));
  }, [queue.data, position, total, client]);

  return (
    <>
      <PageHeader
        title={t("duplicates.pageTitle")}
        subtitle={t("duplicates.subtitle")}
        actions={
          total > 0 && (
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                size="xs"
                disabled={position === 0}
                onClick={() => setPosition((p) => Math.max(0, p - 1))}
                aria-label={t("duplicates.previous")}
              >
                <IconChevronLeft size={16} />
              </Button>
              <Text size="sm" aria-live="polite" style={{ whiteSpace: "nowrap" }}>
                {t("duplicates.position", { position: Math.min(position + 1, total), total })}
              </Text>
              <Button
                variant="default"
                size="xs"
                disabled={position + 1 >= total}
                onClick={() => setPosition((p) => p + 1)}
                aria-label={t("duplicates.skip")}
              >
                <IconChevronRight size={16} />
              </Button>
            </Group>
          )
        }
      />
      {queue.isError && !queue.data ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
      ) : !queue.data ? (
        <PageLoader />
      ) : pair ? (
        <DuplicatePair
          key={pair.id}
          pair={pair}
          onSkip={position + 1 < total ? () => setPosition((p) => p + 1) : undefined}
        />
      ) : (
        <Notice
          icon={<IconCircleCheck size={28} />}
          title={t("duplicates.emptyTitle")}
          description={t("duplicates.emptyText")}
        />
      )}
    </>
  );
}
