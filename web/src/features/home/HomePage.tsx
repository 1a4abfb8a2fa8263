import {
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import type { HomeSummary } from "@orbit/contracts";
import {
  IconBriefcase,
  IconBuildingStore,
  IconCalendarStats,
  IconPhoneOutgoing,
  IconTool,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { currentLocale } from "../../i18n";
import { useFormat } from "../../i18n/format";
import { ErrorState } from "../../ui/ErrorState";
import { placeholderKeys } from "../../ui/skeleton";
import { usePageTitle } from "../../ui/usePageTitle";
import { can, useCurrentUser } from "../auth/session";
import { useClientLabels } from "../clients/labels";
import { useHome } from "../workspace/api";
import { useFolded } from "../workspace/Section";
import { addressName, greetingKey } from "./greeting";
import { WorkListCard } from "./WorkListCard";

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const home = useHome();
  usePageTitle(t("home.pageTitle"));
  const now = new Date();

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={2}>
          {t(greetingKey(now.getHours()), { name: addressName(user.fullName, currentLocale()) })}
        </Title>
        <Text c="dimmed" mt={4}>
          {t("home.today", { date: format.longDate(now) })}
        </Text>
        <Group gap="xs" mt="sm">
          <Badge variant="light" size="lg" radius="sm" tt="none" fw={500}>
            {t(`roles.${user.role}`)}
          </Badge>
          <Badge
            variant="default"
            size="lg"
            radius="sm"
            tt="none"
            fw={500}
            leftSection={<IconBuildingStore size={14} />}
          >
            {user.dealershipName ?? t("common.groupWide")}
          </Badge>
        </Group>
      </div>

      {home.isError ? (
        <ErrorState error={home.error} onRetry={() => home.refetch()} />
      ) : (
        <MonthNumbers month={home.data?.month} />
      )}

      <Grid gap="md">
        {can(user, "tasks.work") && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <WorkListCard workList={home.data?.workList} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: can(user, "tasks.work") ? 7 : 12 }}>
          <MyClients clients={home.data?.myClients} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function MonthNumbers({ month }: { month: HomeSummary["month"] | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-month">
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" size={36} radius="md">
          <IconCalendarStats size={20} />
        </ThemeIcon>
        <div>
          <Title order={3} fz="lg" id="home-month">
            {t("home.monthTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {format.monthYear(new Date())}
          </Text>
        </div>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" aria-label={t("home.monthLabel")}>
        <Stat
          icon={<IconBriefcase size={18} />}
          label={t("home.dealsWon")}
          value={month && format.number(month.dealsWon)}
          sum={month && t("home.sumOf", { sum: format.money(month.salesRub) })}
        />
        <Stat
          icon={<IconTool size={18} />}
          label={t("home.workOrders")}
          value={month && format.number(month.workOrders)}
          sum={month && t("home.sumOf", { sum: format.money(month.serviceRub) })}
        />
        <Stat
          icon={<IconPhoneOutgoing size={18} />}
          label={t("home.callsMade")}
          value={month && format.number(month.callsMade)}
        />
      </SimpleGrid>
    </Card>
  );
}

function Stat({ icon, label, value, sum }: { icon: ReactNode; label: string; value?: string; sum?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" role="group" aria-label={label}>
      <ThemeIcon variant="default" size={32} radius="md" c="dimmed">
        {icon}
      </ThemeIcon>
      <div>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {value === undefined ? (
          <Skeleton h={28} w={80} mt={4} />
        ) : (
          <Text fz={26} fw={700} lh={1.2}>
            {value}
          </Text>
        )}
        {sum && (
          <Text size="sm" fw={500}>
            {sum}
          </Text>
        )}
      </div>
    </Group>
  );
}

const FIRST_CLIENTS = 12;

/** The employee's book: up to 50 clients by name, each linked to its card, and how many in all. */
function MyClients({ clients }: { clients: HomeSummary["myClients"] | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useClientLabels();
  const { shown, toggle } = useFolded(clients?.clients ?? [], FIRST_CLIENTS);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-clients" h="100%">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={36} radius="md">
            <IconUsersGroup size={20} />
          </ThemeIcon>
          <Title order={3} fz="lg" id="home-clients">
            {t("home.clientsTitle")}
          </Title>
        </Group>
        {clients && clients.total > 0 && (
          <Badge variant="light" size="lg" radius="sm" tt="none" fw={500}>
            {t("home.clientsTotal", { count: clients.total })}
          </Badge>
        )}
      </Group>
      {!clients ? (
        <Stack gap="xs">
          {placeholderKeys(5).map((k) => (
            <Skeleton key={k} h={20} />
          ))}
        </Stack>
      ) : clients.clients.length === 0 ? (
        <>
          <Text fw={600} size="sm">
            {t("home.clientsEmpty")}
          </Text>
          <Text size="sm" c="dimmed" lh={1.55}>
            {t("home.clientsEmptyText")}
          </Text>
        </>
      ) : (
        <>
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }}>
            {shown.map((c) => (
              <Group component="li" key={c.id} gap={6} wrap="wrap" justify="space-between">
                <Group gap={6} wrap="nowrap" miw={0}>
                  <Anchor component={Link} to={`/clients/${c.id}`} size="sm" fw={500} truncate>
                    {c.displayName}
                  </Anchor>
                  <Badge size="xs" variant="light" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
                    {labels.segment(c.segment)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {c.lastContactAt
                    ? t("home.lastContact", { when: format.ago(c.lastContactAt) })
                    : t("home.noContact")}
                </Text>
              </Group>
            ))}
          </Stack>
          {toggle}
          {clients.total > clients.clients.length && (
            <Text size="xs" c="dimmed" mt="sm">
              {t("home.clientsShown", { shown: clients.clients.length })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
