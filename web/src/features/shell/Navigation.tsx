import { Badge, NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { useFormat } from "../../i18n/format";
import { can, useCurrentUser } from "../auth/session";
import { useDuplicateCount } from "../clients/api";
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
            rightSection={"badge" in item ? <PendingDuplicates /> : undefined}
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

/** Pairs waiting in the review queue; only rendered for those who may review them. */
function PendingDuplicates() {
  const { t } = useTranslation();
  const format = useFormat();
  const count = useDuplicateCount();
  if (!count.data) return null;
  return (
    <Badge
      size="sm"
      variant="filled"
      color="orange"
      radius="xl"
      title={t("nav.pendingDuplicates", { count: count.data })}
    >
      {format.number(count.data)}
    </Badge>
  );
}
