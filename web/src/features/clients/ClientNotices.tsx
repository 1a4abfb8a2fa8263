import { Alert, Anchor, Button, Card, List, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ClientIdentity, CreateClientResult } from "@orbit/contracts";
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconClockHour4,
  IconGitMerge,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { useClient } from "./api";
import { formatContact } from "./display";
import { useWarningText } from "./warnings";

export interface Undone {
  survivorId: number;
  restoredId: number;
}

/** What the new-client form passes to the card it opens: how the record was recognised. */
export interface CreatedState {
  created: Pick<CreateClientResult, "outcome" | "warnings">;
}

interface Props {
  /** The card shown; its `asOf` says whether it is a historical state (whatever the address asks for). */
  client: ClientIdentity;
  onNow: () => void;
  undone: Undone | null;
}

/** Everything the employee must notice before reading the card: history mode, merges, a fresh save. */
export function ClientNotices({ client, onNow, undone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <CreatedNotice />
      {client.asOf && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconClockHour4 size={20} />}
          title={t("clients.historicalTitle")}
          role="status"
        >
          <Text size="sm">{t("clients.historicalText", { moment: format.moment(client.asOf) })}</Text>
          <Button size="xs" variant="white" color="yellow" mt="xs" onClick={onNow}>
            {t("clients.backToNow")}
          </Button>
        </Alert>
      )}
      {client.status === "merged" && client.mergedIntoId !== null && (
        <MergedNotice survivorId={client.mergedIntoId} />
      )}
      {undone && <UndoneNotice undone={undone} />}
    </>
  );
}

function CreatedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const warningText = useWarningText();
  const created = (location.state as CreatedState | null)?.created;
  if (!created) return null;
  const dismiss = () => navigate(location, { replace: true, state: null });
  const color = { created: "teal", merged: "orbit", queued: "yellow" }[created.outcome];
  return (
    <Alert
      color={color}
      variant="light"
      icon={<IconCircleCheck size={20} />}
      title={t(`clients.outcomeTitle.${created.outcome}`)}
      withCloseButton
      onClose={dismiss}
      closeButtonLabel={t("common.close")}
      role="status"
    >
      <Text size="sm">{t(`clients.outcomeText.${created.outcome}`)}</Text>
      {created.warnings.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t("clients.warningsTitle")}
          </Text>
          <List size="sm" spacing={2}>
            {created.warnings.map((w) => (
              <List.Item key={w.field}>{warningText(w)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

function MergedNotice({ survivorId }: { survivorId: number }) {
  const { t } = useTranslation();
  const survivor = useClient(survivorId, null);
  const name = survivor.data?.golden.displayName ?? `#${survivorId}`;
  return (
    <Alert color="gray" variant="light" icon={<IconGitMerge size={20} />} title={t("clients.mergedTitle")}>
      <Text size="sm">{t("clients.mergedText", { name })}</Text>
      <Button component={Link} to={`/clients/${survivorId}`} size="xs" variant="white" color="dark" mt="xs">
        {t("clients.openSurvivor")}
      </Button>
    </Alert>
  );
}

function UndoneNotice({ undone }: { undone: Undone }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconArrowBackUp size={20} />}
      title={t("clients.undoneTitle")}
      role="status"
    >
      <Text size="sm" mb="sm">
        {t("clients.undoneText")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <ClientMini id={undone.survivorId} />
        <ClientMini id={undone.restoredId} />
      </SimpleGrid>
    </Alert>
  );
}

/** A client in a few words, linked to its card. */
function ClientMini({ id }: { id: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useClient(id, null);
  const contacts = data?.contacts.map((c) => formatContact(c.kind, c.value)) ?? [];
  return (
    <Card withBorder padding="sm" radius="md" aria-label={data?.golden.displayName}>
      <Stack gap={2}>
        <Anchor component={Link} to={`/clients/${id}`} fw={600} fz="sm">
          <IconUsersGroup size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
          {data?.golden.displayName ?? t("common.loading")}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {t("clients.clientNumber", { id })}
          {data?.golden.birthDate && ` · ${format.date(data.golden.birthDate)}`}
        </Text>
        {contacts.length > 0 && (
          <Text fz="xs" style={{ overflowWrap: "anywhere" }}>
            {contacts.join(", ")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
