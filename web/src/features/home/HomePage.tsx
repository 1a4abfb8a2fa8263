import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBuildingStore, IconCalendarStats, IconChecklist, IconUsersGroup } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { useFormat } from "../../i18n/format";
import { usePageTitle } from "../../ui/usePageTitle";
import { useCurrentUser } from "../auth/session";
import { addressName, greetingKey } from "./greeting";

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
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

      {/* What this page will hold; no sample numbers, so nobody mistakes them for real ones. */}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <ComingCard
          icon={<IconChecklist size={22} />}
          title={t("home.worklistTitle")}
          text={t("home.worklistText")}
        />
        <ComingCard
          icon={<IconUsersGroup size={22} />}
          title={t("home.clientsTitle")}
          text={t("home.clientsText")}
        />
        <ComingCard
          icon={<IconCalendarStats size={22} />}
          title={t("home.monthTitle")}
          text={t("home.monthText")}
        />
      </SimpleGrid>
    </Stack>
  );
}

function ComingCard({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <ThemeIcon variant="light" size={42} radius="md">
          {icon}
        </ThemeIcon>
        <Badge variant="light" color="gray" radius="sm">
          {t("common.soon")}
        </Badge>
      </Group>
      <Title order={3} fz="lg" mb={6}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" lh={1.55}>
        {text}
      </Text>
    </Card>
  );
}
