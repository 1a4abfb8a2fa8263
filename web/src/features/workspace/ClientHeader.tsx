import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import type { ClientCard, ClientIdentity } from "@orbit/contracts";
import { IconBuildingStore, IconPhone, IconUserStar } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { PageHeader } from "../../ui/PageHeader";
import { formatPhone } from "../clients/display";
import { useClientLabels } from "../clients/labels";

interface Props {
  client: ClientIdentity;
  /** Sales and service over the years; absent when a past state is shown. */
  totals?: ClientCard["totals"];
  actions?: ReactNode;
}

/** Who the client is at a glance: name, segment, how to call them, where they belong, what they spent. */
export function ClientHeader({ client, totals, actions }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const phones = client.contacts.filter((c) => c.kind === "phone" && c.validTo === null);
  const phone = (phones.find((c) => c.isPrimary) ?? phones[0])?.value;
  return (
    <div>
      <PageHeader
        title={client.golden.displayName}
        subtitle={t("clients.subtitle", { id: client.id, kind: labels.kind(client.golden.kind) })}
        actions={actions}
      />
      <Stack gap={8} mt={-8}>
        <Group gap={6}>
          <Badge variant="light" radius="sm" tt="none" fw={500}>
            {t("clients.segment", { segment: labels.segment(client.segment) })}
          </Badge>
          {client.blocked && (
            <Badge color="red" variant="light" radius="sm" tt="none" fw={500}>
              {t("clients.blocked")}
            </Badge>
          )}
          {client.status === "merged" && (
            <Badge color="gray" variant="light" radius="sm" tt="none" fw={500}>
              {t("clients.statusMerged")}
            </Badge>
          )}
        </Group>
        <Group gap="lg" style={{ rowGap: 4 }}>
          {phone && (
            <Fact icon={<IconPhone size={16} />}>
              <Anchor href={`tel:${phone}`} fw={600} title={t("card.callTo", { phone: formatPhone(phone) })}>
                {formatPhone(phone)}
              </Anchor>
            </Fact>
          )}
          {client.homeDealershipId !== null && (
            <Fact icon={<IconBuildingStore size={16} />}>
              {t("card.homeDealership", { name: labels.dealership(client.homeDealershipId) })}
            </Fact>
          )}
          {client.personalManagerName && (
            <Fact icon={<IconUserStar size={16} />}>
              {t("card.manager", { name: client.personalManagerName })}
            </Fact>
          )}
        </Group>
        {totals && (
          <Group gap="lg" style={{ rowGap: 4 }} aria-label={t("card.totalsLabel")} role="group">
            <Total label={t("card.totalSales")} value={format.money(totals.salesRub)} />
            <Total label={t("card.totalService")} value={format.money(totals.serviceRub)} />
            <Total label={t("card.totalVisits")} value={format.number(totals.visits)} />
          </Group>
        )}
      </Stack>
    </div>
  );
}

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" c="dimmed" miw={0}>
      {icon}
      <Text size="sm" c="var(--mantine-color-text)" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Group>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span inherit c="dimmed">
        {label}:{" "}
      </Text>
      <Text span inherit fw={600}>
        {value}
      </Text>
    </Text>
  );
}
