import { Button, Card, DataList, Group, Text, Title } from "@mantine/core";
import type { ClientIdentity } from "@orbit/contracts";
import { IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { GoldenEditForm } from "./GoldenEditForm";
import { useClientLabels } from "./labels";

interface Props {
  client: ClientIdentity;
  editable: boolean;
  /** Loads the current card again (after "someone changed this client"). */
  onReload: () => Promise<unknown>;
}

/** The golden record: the best value of each attribute across every source, editable in place. */
export function GoldenRecordCard({ client, editable, onReload }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="md">
          {t("clients.goldenTitle")}
        </Title>
        {editable && !editing && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
          >
            {t("clients.edit")}
          </Button>
        )}
      </Group>
      {editing && editable ? (
        // A new version after a reload starts the form again from what is saved now.
        <GoldenEditForm
          key={client.version}
          client={client}
          onDone={() => setEditing(false)}
          onReload={onReload}
        />
      ) : (
        <GoldenView client={client} />
      )}
    </Card>
  );
}

function GoldenView({ client }: { client: ClientIdentity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const g = client.golden;
  const empty = (
    <Text span inherit c="dimmed">
      {t("common.empty")}
    </Text>
  );
  const item = (label: string, value: ReactNode) => (
    <DataList.Item key={label}>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{value ?? empty}</DataList.ItemValue>
    </DataList.Item>
  );
  const person = g.kind === "person";
  return (
    <DataList withDivider labelWidth={150}>
      {person
        ? [
            item(labels.field("lastName"), g.lastName),
            item(labels.field("firstName"), g.firstName),
            item(labels.field("patronymic"), g.patronymic),
            item(labels.field("birthDate"), g.birthDate && format.date(g.birthDate)),
            item(labels.field("gender"), g.gender && labels.gender(g.gender)),
          ]
        : [
            item(labels.field("companyName"), g.companyName),
            item(labels.field("inn"), g.inn),
            item(labels.field("kpp"), g.kpp),
            item(labels.field("ogrn"), g.ogrn),
          ]}
      {item(labels.field("segment"), labels.segment(client.segment))}
      {item(labels.field("blocked"), client.blocked ? t("common.yes") : t("common.no"))}
      {item(
        labels.field("homeDealershipId"),
        client.homeDealershipId && labels.dealership(client.homeDealershipId),
      )}
      {item(labels.field("personalManagerId"), client.personalManagerName)}
      {item(
        labels.field("vins"),
        client.vehicles.length > 0 &&
          client.vehicles
            .map((v) => [v.make, v.model, v.year, v.plate, v.vin].filter(Boolean).join(" "))
            .join("; "),
      )}
      {item(t("clients.version"), client.version)}
    </DataList>
  );
}
