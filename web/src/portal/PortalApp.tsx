import {
  AppShell,
  Badge,
  Button,
  Group,
  MantineProvider,
  SegmentedControl,
  Text,
  Title,
} from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { onUnauthorized, setCsrfToken } from "../api/client";
import { applyLocale, currentLocale } from "../i18n";
import { queryClient } from "../queryClient";
import { theme } from "../theme";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { homeQuery, sessionQuery, signOut } from "./api";
import { BookPage } from "./BookPage";
import { PointsPage } from "./PointsPage";
import { SignInPage } from "./SignInPage";
import { VisitsPage } from "./VisitsPage";

export function PortalApp() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <Portal />
      </QueryClientProvider>
    </MantineProvider>
  );
}

type Tab = "visits" | "book" | "points";

function Portal() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const session = useQuery(sessionQuery);
  const [tab, setTab] = useState<Tab>("visits");
  useEffect(() => {
    document.title = t("portal.title");
  }, [t]);
  useEffect(() => {
    setCsrfToken(session.data?.csrfToken ?? null);
    onUnauthorized(() => client.setQueryData(sessionQuery.queryKey, undefined));
  }, [session.data, client]);

  if (session.isPending) return null;
  if (!session.data) {
    return (
      <SignInPage
        onSignedIn={(s) => {
          setCsrfToken(s.csrfToken);
          client.setQueryData(sessionQuery.queryKey, s);
          setTab("visits");
        }}
      />
    );
  }
  return (
    <AppShell header={{ height: 56 }} footer={{ height: 64 }} padding="sm">
      <AppShell.Header px="sm">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Title order={1} size="h5" lineClamp={1} style={{ minWidth: 0, flex: 1 }}>
            {t("portal.greeting", { name: session.data.client.name })}
          </Title>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Balance />
            <LanguageSwitch
              value={currentLocale()}
              onChange={(l) => void applyLocale(l)}
              key={i18n.language}
            />
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={async () => {
                await signOut();
                client.clear();
                client.setQueryData(sessionQuery.queryKey, undefined);
              }}
            >
              {t("portal.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {tab === "visits" && <VisitsPage />}
        {tab === "book" && <BookPage onBooked={() => setTab("visits")} />}
        {tab === "points" && <PointsPage />}
      </AppShell.Main>
      <AppShell.Footer p="xs">
        <SegmentedControl
          fullWidth
          aria-label={t("portal.title")}
          value={tab}
          onChange={(v) => setTab(v as Tab)}
          data={[
            { value: "visits", label: t("portal.nav.visits") },
            { value: "book", label: t("portal.nav.book") },
            { value: "points", label: t("portal.nav.points") },
          ]}
        />
      </AppShell.Footer>
    </AppShell>
  );
}

function Balance() {
  const { t } = useTranslation();
  const home = useQuery(homeQuery);
  if (!home.data) return <Text size="xs" />;
  return (
    <Badge variant="light" data-testid="balance" style={{ overflow: "visible" }}>
      {t("portal.balance", { points: home.data.loyalty.balance })}
    </Badge>
  );
}
