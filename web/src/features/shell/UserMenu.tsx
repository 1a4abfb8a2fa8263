import { Avatar, Box, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { LOCALES } from "@orbit/contracts";
import { IconBuildingStore, IconCheck, IconChevronDown, IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { currentLocale } from "../../i18n";
import { useNotify } from "../../ui/notify";
import { useCurrentUser, useSignOut } from "../auth/session";
import { useLocaleSwitch } from "./useLocaleSwitch";

function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  // Russian full names are "First Patronymic Last": the initials people expect are first and last.
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const changeLocale = useLocaleSwitch();
  const notify = useNotify();
  const navigate = useNavigate();
  const locale = currentLocale();

  const doSignOut = () =>
    signOut.mutate(undefined, {
      // A plain login page: the next person to sign in should not land on this person's last page.
      onSuccess: () => navigate("/login", { replace: true }),
      onError: () => notify.error(t("userMenu.signOutFailed")),
    });

  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("userMenu.open")} style={{ borderRadius: "var(--mantine-radius-md)" }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="orbit" radius="xl" size={34}>
              {initials(user.fullName)}
            </Avatar>
            <Box visibleFrom="md" maw={200}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate>
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600}>
            {user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)}
          </Text>
          <Group gap={6} mt={6} wrap="nowrap" c="dimmed">
            <IconBuildingStore size={14} style={{ flexShrink: 0 }} />
            <Text size="xs">{user.dealershipName ?? t("common.groupWide")}</Text>
          </Group>
        </Box>
        <Menu.Divider />
        <Menu.Label>{t("language.label")}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            onClick={() => changeLocale(l)}
            rightSection={l === locale ? <IconCheck size={14} /> : null}
            lang={l}
          >
            {t(`language.${l}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={doSignOut}>
          {t("userMenu.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
