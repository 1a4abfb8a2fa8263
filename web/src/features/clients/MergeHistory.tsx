import { Anchor, Badge, Button, Card, Group, Popover, Stack, Text } from "@mantine/core";
import type { MergeEntry } from "@orbit/contracts";
import { IconArrowBackUp, IconGitMerge } from "@tabler/icons-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { Notice } from "../../ui/Notice";
import { useNotify } from "../../ui/notify";
import { useUndoMerge } from "./api";
import type { Undone } from "./ClientNotices";

interface Props {
  clientId: number;
  merges: MergeEntry[];
  canUndo: boolean;
  onUndone: (result: Undone) => void;
}

/** Merges into and out of this client, newest first; a merge can be undone while nothing depends on it. */
export function MergeHistory({ clientId, merges, canUndo, onUndone }: Props) {
  const { t } = useTranslation();
  if (merges.length === 0) {
    return (
      <Notice
        icon={<IconGitMerge size={28} />}
        title={t("clients.noMergesTitle")}
        description={t("clients.noMergesText")}
      />
    );
  }
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {merges.map((m) => (
        <MergeCard key={m.id} clientId={clientId} merge={m} canUndo={canUndo} onUndone={onUndone} />
      ))}
    </Stack>
  );
}

function MergeCard({ clientId, merge, canUndo, onUndone }: { merge: MergeEntry } & Omit<Props, "merges">) {
  const { t } = useTranslation();
  const format = useFormat();
  const intoThis = merge.survivorId === clientId;
  const other = intoThis ? merge.mergedId : merge.survivorId;
  const link = <Anchor component={Link} to={`/clients/${other}`} fw={600} inherit />;
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0} style={{ flex: "1 1 260px" }}>
          <Text fz="sm">
            {intoThis ? (
              <Trans
                i18nKey="clients.mergedInto"
                values={{ name: merge.mergedName, id: merge.mergedId }}
                components={{ client: link }}
              />
            ) : (
              <Trans
                i18nKey="clients.mergedAway"
                values={{ id: merge.survivorId }}
                components={{ client: link }}
              />
            )}
          </Text>
          <Text fz="xs" c="dimmed">
            {format.dateTime(merge.mergedAt)} ·{" "}
            {merge.decidedBy === "auto"
              ? t("clients.decidedAuto")
              : t("clients.decidedEmployee", { name: merge.mergedBy ?? t("audit.system") })}
            {merge.probability !== null &&
              ` · ${t("clients.probability", { value: format.probability(merge.probability) })}`}
          </Text>
          {merge.undoneAt && (
            <Group gap={6}>
              <Badge color="gray" variant="light" radius="sm" tt="none" fw={500}>
                {t("clients.undoneAt", { date: format.dateTime(merge.undoneAt) })}
              </Badge>
            </Group>
          )}
        </Stack>
        {canUndo && !merge.undoneAt && <UndoButton merge={merge} onUndone={onUndone} />}
      </Group>
    </Card>
  );
}

function UndoButton({ merge, onUndone }: { merge: MergeEntry; onUndone: (result: Undone) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const undo = useUndoMerge();
  const notify = useNotify();
  const errorText = useApiErrorText();
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={280}>
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowBackUp size={14} />}
          onClick={() => setOpened((o) => !o)}
        >
          {t("clients.undo")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs">
          {t("clients.undoConfirm", { name: merge.mergedName })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button
            size="xs"
            color="red"
            loading={undo.isPending}
            onClick={() =>
              undo.mutate(merge.id, {
                onSuccess: (result) => {
                  setOpened(false);
                  notify.success(t("clients.undoneTitle"));
                  onUndone(result);
                },
                onError: (error) => notify.error(errorText(error)),
              })
            }
          >
            {t("clients.undoButton")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
