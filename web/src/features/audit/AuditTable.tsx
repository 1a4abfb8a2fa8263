import { ActionIcon, Anchor, Badge, Box, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import type { ActionLogEntry, Dealership, Department } from "@orbit/contracts";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { placeholderKeys } from "../../ui/skeleton";
import { DiffView } from "./DiffView";
import { actionColor, useAuditLabels } from "./labels";

interface Props {
  entries: ActionLogEntry[] | undefined;
  dealerships: Map<number, Dealership>;
  departments: Map<number, Department>;
  onActor: (actorUserId: number) => void;
  onEntity: (entityType: string, entityId: string) => void;
}

const COLUMNS = 6;

export function AuditTable({ entries, dealerships, departments, onActor, onEntity }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // Links inside a row filter the log; they must not also toggle the row.
  const link = (label: string, title: string, onClick: () => void) => (
    <Anchor
      component="button"
      type="button"
      fz="sm"
      c="inherit"
      title={title}
      style={{ textAlign: "left" }}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      {label}
    </Anchor>
  );

  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w={36} p={0} />
            <Table.Th>{t("audit.colWhen")}</Table.Th>
            <Table.Th>{t("audit.colWho")}</Table.Th>
            <Table.Th visibleFrom="sm">{t("audit.colEntity")}</Table.Th>
            <Table.Th visibleFrom="xs">{t("audit.colAction")}</Table.Th>
            <Table.Th visibleFrom="md">{t("audit.colStep")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries === undefined
            ? placeholderKeys(8).map((key) => (
                <Table.Tr key={key}>
                  <Table.Td colSpan={COLUMNS}>
                    <Skeleton h={14} />
                  </Table.Td>
                </Table.Tr>
              ))
            : entries.map((entry) => {
                const open = expanded.has(entry.id);
                const entity = labels.entity(entry);
                return (
                  <Fragment key={entry.id}>
                    <Table.Tr onClick={() => toggle(entry.id)} style={{ cursor: "pointer" }}>
                      <Table.Td p={0} pl={6}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          style={{ display: "flex" }}
                          aria-expanded={open}
                          aria-label={open ? t("audit.hideChanges") : t("audit.showChanges")}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggle(entry.id);
                          }}
                        >
                          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>
                        {format.dateTime(entry.at)}
                        {/* Phones have no room for the action column: the action goes under the time. */}
                        <Box hiddenFrom="xs" mt={4}>
                          <ActionBadge action={entry.action} label={labels.action(entry.action)} />
                        </Box>
                      </Table.Td>
                      <Table.Td>
                        {entry.actorUserId
                          ? link(labels.actor(entry), t("audit.filterByActor"), () =>
                              onActor(entry.actorUserId as number),
                            )
                          : labels.actor(entry)}
                        {entry.actorName && entry.actorRole && (
                          <Text fz="xs" c="dimmed">
                            {labels.role(entry.actorRole)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        {link(entity, t("audit.filterByEntity"), () =>
                          onEntity(entry.entityType, entry.entityId),
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="xs">
                        <ActionBadge action={entry.action} label={labels.action(entry.action)} />
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        {entry.processStep ? (
                          labels.step(entry.processStep)
                        ) : (
                          <Text span inherit c="dimmed">
                            {t("common.empty")}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open && (
                      <Table.Tr bg="var(--mantine-color-gray-0)">
                        <Table.Td colSpan={COLUMNS} px="md" py="sm">
                          <Stack gap="xs">
                            {/* The columns a phone hides are shown here instead. */}
                            <Box hiddenFrom="md" fz="xs" c="dimmed">
                              <Box hiddenFrom="sm">
                                {t("audit.colEntity")}: {entity}
                              </Box>
                              {entry.processStep && (
                                <Box>
                                  {t("audit.colStep")}: {labels.step(entry.processStep)}
                                </Box>
                              )}
                            </Box>
                            <DiffView
                              before={entry.before}
                              after={entry.after}
                              dealerships={dealerships}
                              departments={departments}
                            />
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ActionBadge({ action, label }: { action: string; label: string }) {
  return (
    <Badge
      variant="light"
      color={actionColor(action)}
      radius="sm"
      tt="none"
      fw={500}
      styles={{ label: { overflow: "visible" } }}
    >
      {label}
    </Badge>
  );
}
