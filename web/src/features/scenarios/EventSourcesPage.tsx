import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy, IconPlugConnected } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors } from "../../ui/form";
import { Notice } from "../../ui/Notice";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import { type EventSource, useCreateEventSource, useEventSources, useSetEventSourceActive } from "./api";
import { useScenarioLabels } from "./labels";

const SOURCES = ["site", "portal", "app"] as const;

/**
 * The senders of web, portal and app events. A new one gets its key once, in the answer that creates
 * it (Orbit keeps only a hash): it is shown with a copy button and a plain warning, and never again.
 * A leaked key is switched off here.
 */
export function EventSourcesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useScenarioLabels();
  const sources = useEventSources();
  const [creating, setCreating] = useState(0);
  const list = sources.data;

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader
        title={t("eventSources.pageTitle")}
        subtitle={t("eventSources.subtitle")}
        actions={
          <Button leftSection={<IconPlugConnected size={16} />} onClick={() => setCreating((n) => n + 1)}>
            {t("eventSources.add")}
          </Button>
        }
      />
      {sources.isError && !list ? (
        <ErrorState error={sources.error} onRetry={() => sources.refetch()} />
      ) : list && list.length === 0 ? (
        <Notice
          icon={<IconPlugConnected size={28} />}
          title={t("eventSources.emptyTitle")}
          description={t("eventSources.emptyText")}
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("eventSources.colName")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("eventSources.colSource")}</Table.Th>
                <Table.Th visibleFrom="md">{t("eventSources.colCreated")}</Table.Th>
                <Table.Th ta="right">{t("eventSources.colActive")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list
                ? list.map((s) => (
                    <Table.Tr key={s.id} c={s.active ? undefined : "dimmed"}>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>
                        <Text fw={600} fz="sm">
                          {s.name}
                        </Text>
                        <Text fz="xs" c="dimmed" hiddenFrom="sm">
                          {labels.source(s.source)}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{labels.source(s.source)}</Table.Td>
                      <Table.Td visibleFrom="md">{format.dateTime(s.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <ActiveSwitch source={s} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                : placeholderKeys(2).map((k) => (
                    <Table.Tr key={k}>
                      <Table.Td colSpan={4}>
                        <Skeleton h={14} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {creating > 0 && <CreateSourceModal key={creating} onClose={() => setCreating(0)} />}
    </Stack>
  );
}

function ActiveSwitch({ source }: { source: EventSource }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useSetEventSourceActive();
  return (
    <Switch
      checked={source.active}
      disabled={update.isPending}
      aria-label={t("eventSources.switchLabel", { name: source.name })}
      onChange={(e) => {
        const active = e.currentTarget.checked;
        update.mutate(
          { id: source.id, active },
          {
            onSuccess: () =>
              active
                ? notify.success(t("eventSources.enabled", { name: source.name }))
                : notify.info(t("eventSources.disabled", { name: source.name })),
            onError: () => notify.error(t("errors.unknown")),
          },
        );
      }}
    />
  );
}

/** The name and type, then the key, once, to copy. */
function CreateSourceModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useScenarioLabels();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const create = useCreateEventSource();
  const [name, setName] = useState("");
  const [source, setSource] = useState<(typeof SOURCES)[number]>("site");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const created = create.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) return setErrors({ name: t("params.errors.required") });
    create.mutate(
      { name: name.trim(), source },
      { onError: (error) => setErrors(fieldErrors.fromApi(error)) },
    );
  };

  const apiError = create.error;
  const showApiError =
    apiError &&
    !(apiError instanceof ApiRequestError && apiError.fields.some((f) => f.field === "body.name"));

  return (
    <Modal
      opened
      onClose={onClose}
      title={created ? t("eventSources.keyTitle", { name: created.name }) : t("eventSources.createTitle")}
      styles={{ title: { fontWeight: 700 } }}
      closeButtonProps={{ "aria-label": t("common.close") }}
      // The key must not be lost to a stray click outside.
      closeOnClickOutside={!created}
      size="lg"
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t("eventSources.keyOnce")}
          </Alert>
          <Code
            block
            fz="sm"
            style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
            aria-label={t("eventSources.keyTitle", { name: created.name })}
          >
            {created.key}
          </Code>
          <Text size="sm" c="dimmed">
            {t("eventSources.keyUsage")}
          </Text>
          <Group justify="space-between">
            <CopyButton value={created.key} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? "light" : "filled"}
                  color={copied ? "teal" : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t("eventSources.copied") : t("eventSources.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t("eventSources.keySaved")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t("eventSources.createTitle")}>
          <Stack gap="md">
            {showApiError && (
              <Alert color="red" variant="light" py="xs">
                {apiError instanceof ApiRequestError && apiError.status === 409
                  ? t("eventSources.nameTaken")
                  : errorText(apiError)}
              </Alert>
            )}
            <TextInput
              label={t("eventSources.name")}
              placeholder={t("eventSources.namePlaceholder")}
              required
              data-autofocus
              maxLength={100}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setErrors({});
              }}
              error={errors.name}
            />
            <Select
              label={t("eventSources.source")}
              data={SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
              value={source}
              onChange={(v) => {
                const next = SOURCES.find((s) => s === v);
                if (next) setSource(next);
              }}
              allowDeselect={false}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("eventSources.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
