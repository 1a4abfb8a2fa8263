import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { can, useCurrentUser } from "../auth/session";
import { isActive, NAV_ITEMS } from "./navigation";

export function Navigation() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => item.permission === null || can(user, item.permission));
  return (
    <Stack gap={2}>
      {items.map((item) => {
        const active = isActive(item.to, pathname);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} stroke={1.7} />}
            active={active}
            aria-current={active ? "page" : undefined}
            variant="light"
            fw={500}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        );
      })}
    </Stack>
  );
}
