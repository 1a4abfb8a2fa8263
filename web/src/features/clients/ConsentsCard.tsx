import { Card, Stack, Switch, Table, Text, Title } from "@mantine/core";
import type { ClientIdentity } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useClientLabels } from "./labels";
import { useSaveEdit } from "./useSaveEdit";

const CHANNELS = ["call", "sms", "email", "messenger", "post"] as const;
const PURPOSES = ["marketing", "service"] as const;

interface Props {
  client: ClientIdentity;
  editable: boolean;
}

/** Per channel and purpose: agreed, refused, or never asked (the law requires the difference). */
export function ConsentsCard({ client, editable }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const { save, mutation } = useSaveEdit(client);
  const find = (channel: string, purpose: string) =>
    client.consents.find((c) => c.channel === channel && c.purpose === purpose);

  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="md" mb="sm">
        {t("clients.consentsTitle")}
      </Title>
      <Table highlightOnHover={false} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">{t("clients.consentChannel")}</Table.Th>
            {PURPOSES.map((p) => (
              <Table.Th key={p}>{labels.purpose(p)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHANNELS.map((channel) => (
            <Table.Tr key={channel}>
              <Table.Td>{labels.channel(channel)}</Table.Td>
              {PURPOSES.map((purpose) => {
                const consent = find(channel, purpose);
                const state = consent
                  ? consent.granted
                    ? t("clients.consentYes")
                    : t("clients.consentNo")
                  : null;
                const origin = consent && {
                  source: labels.source(consent.sourceSystem),
                  date: format.dateTime(consent.validFrom),
                };
                const title = !origin
                  ? t("clients.consentUnknown")
                  : consent.changedBy
                    ? t("clients.consentOriginBy", { ...origin, name: consent.changedBy })
                    : t("clients.consentOrigin", origin);
                return (
                  <Table.Td key={purpose} title={title}>
                    <Stack gap={2} align="flex-start">
                      {editable && (
                        <Switch
                          size="xs"
                          checked={consent?.granted ?? false}
                          disabled={mutation.isPending}
                          aria-label={t("clients.consentSwitch", {
                            channel: labels.channel(channel),
                            purpose: labels.purpose(purpose),
                          })}
                          onChange={(e) =>
                            save({ consents: [{ channel, purpose, granted: e.currentTarget.checked }] })
                          }
                        />
                      )}
                      <Text span fz="xs" c={consent?.granted ? undefined : "dimmed"}>
                        {state ?? t("clients.consentUnknownShort")}
                      </Text>
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
