import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Popover,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ClientIdentity } from "@orbit/contracts";
import {
  IconAt,
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconMessageCircle,
  IconPhone,
  IconPlus,
  IconX,
} from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useFieldErrors } from "../../ui/form";
import { type ContactGroup, groupContacts } from "./contactGroups";
import { formatContact } from "./display";
import { useClientLabels } from "./labels";
import { useSaveEdit } from "./useSaveEdit";

const ICONS: Record<string, typeof IconPhone> = {
  phone: IconPhone,
  email: IconAt,
  telegram: IconBrandTelegram,
  whatsapp: IconBrandWhatsapp,
};

interface Props {
  client: ClientIdentity;
  editable: boolean;
}

/** Phones, e-mails and messengers: as Orbit reads them, and as they were typed, and where they came from. */
export function ContactsCard({ client, editable }: Props) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="md" mb="sm">
        {t("clients.contactsTitle")}
      </Title>
      {client.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("clients.noContacts")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {groupContacts(client.contacts).map((group) => (
            <ContactRow
              key={`${group.kind}:${group.value}`}
              client={client}
              group={group}
              editable={editable}
            />
          ))}
        </Stack>
      )}
      {editable && <AddContact client={client} />}
    </Card>
  );
}

function ContactRow({
  client,
  group,
  editable,
}: {
  client: ClientIdentity;
  group: ContactGroup;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const Icon = ICONS[group.kind] ?? IconMessageCircle;
  const shown = formatContact(group.kind, group.value);
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <Icon size={18} style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-dimmed)" />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text fw={600} fz="sm" style={{ overflowWrap: "anywhere" }}>
            {shown}
          </Text>
          {group.kind !== "phone" && group.kind !== "email" && (
            <Text span fz="xs" c="dimmed">
              {labels.contactKind(group.kind)}
            </Text>
          )}
          {group.isPrimary && (
            <Badge size="xs" variant="light" radius="sm" tt="none">
              {t("clients.primary")}
            </Badge>
          )}
        </Group>
        {group.points.map((p) => (
          <Text key={p.id} fz="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("clients.contactOrigin", {
              raw: p.raw,
              source: labels.source(p.sourceSystem),
              date: format.dateTime(p.validFrom),
            })}
          </Text>
        ))}
      </div>
      {editable && <EndContact client={client} ids={group.points.map((p) => p.id)} shown={shown} />}
    </Group>
  );
}

function EndContact({ client, ids, shown }: { client: ClientIdentity; ids: number[]; shown: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { save, mutation } = useSaveEdit(client);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={260}>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("clients.endContact", { value: shown })}
          title={t("clients.endContact", { value: shown })}
          onClick={() => setOpened((o) => !o)}
        >
          <IconX size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs">
          {t("clients.endContactConfirm", { value: shown })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button
            size="xs"
            color="red"
            loading={mutation.isPending}
            onClick={() =>
              save(
                { endContactPointIds: ids },
                { success: t("clients.contactEnded"), onSuccess: () => setOpened(false) },
              )
            }
          >
            {t("clients.endContactButton")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function AddContact({ client }: { client: ClientIdentity }) {
  const { t } = useTranslation();
  const labels = useClientLabels();
  const fieldErrors = useFieldErrors();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"phone" | "email">("phone");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const { save, mutation, notifyError } = useSaveEdit(client);

  if (!open) {
    return (
      <Group mt="sm">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => setOpen(true)}
        >
          {t("clients.addContact")}
        </Button>
      </Group>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === "") return setError(t("fieldErrors.required"));
    save(kind === "phone" ? { addPhones: [value.trim()] } : { addEmails: [value.trim()] }, {
      success: t("clients.contactAdded"),
      onSuccess: () => {
        setValue("");
        setOpen(false);
      },
      onError: (err) => {
        // "body.addPhones.0" and the like: the only input there is.
        const message = Object.values(fieldErrors.fromApi(err))[0];
        if (message) setError(message);
        else notifyError(err);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("clients.addContact")}>
      <Stack gap="xs" mt="sm">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v === "email" ? "email" : "phone")}
          data={[
            { value: "phone", label: labels.contactKind("phone") },
            { value: "email", label: labels.contactKind("email") },
          ]}
          aria-label={t("clients.contactKind")}
        />
        <TextInput
          label={kind === "phone" ? t("clients.newPhone") : t("clients.newEmail")}
          type={kind === "phone" ? "tel" : "email"}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button size="xs" type="submit" loading={mutation.isPending}>
            {t("clients.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
