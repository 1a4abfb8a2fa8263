import { AppShell, Box, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { currentLocale } from "../../i18n";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { Logo, LogoMark } from "../../ui/Logo";
import { PageLoader } from "../../ui/PageLoader";
import { CallPanel } from "../telephony/CallPanel";
import { GlobalSearch } from "./GlobalSearch";
import { Navigation } from "./Navigation";
import { UserMenu } from "./UserMenu";
import { useLocaleSwitch } from "./useLocaleSwitch";

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const changeLocale = useLocaleSwitch();

  // On a phone the navbar covers the page: close it once a section is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: "sm", sm: "md" }} gap="sm" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpened ? t("nav.closeMenu") : t("nav.openMenu")}
            aria-expanded={navOpened}
            aria-controls="app-navbar"
          />
          <Box
            component={Link}
            to="/"
            aria-label={t("nav.home")}
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <Box visibleFrom="xs">
              <Logo />
            </Box>
            <Box hiddenFrom="xs">
              <LogoMark />
            </Box>
          </Box>
          <GlobalSearch />
          {/* On a phone the search is an icon that already stands at the right. */}
          <Group ml={{ base: 0, sm: "auto" }} gap="sm" wrap="nowrap">
            <LanguageSwitch value={currentLocale()} onChange={changeLocale} visibleFrom="sm" />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="xs" aria-label={t("nav.label")}>
        {/* A director's menu is longer than a laptop's screen: it scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea} type="scroll">
          <Navigation />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
        <CallPanel />
      </AppShell.Main>
    </AppShell>
  );
}
