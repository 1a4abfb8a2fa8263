import { Box, Button, Group, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconClockHour4, IconUserQuestion } from "@tabler/icons-react";
import { type ReactNode, startTransition, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { can, useCurrentUser } from "../auth/session";
import { NotFoundPage } from "../shell/NotFoundPage";
import { useClientView } from "../workspace/api";
import { ClientHeader } from "../workspace/ClientHeader";
import { JumpLinks, Overview } from "../workspace/Overview";
import { AsOfPicker } from "./AsOfPicker";
import { AttributeHistoryView } from "./AttributeHistoryView";
import { useClient, useClientHistory } from "./api";
import { ClientNotices, type Undone } from "./ClientNotices";
import { ConsentsCard } from "./ConsentsCard";
import { ContactsCard } from "./ContactsCard";
import { DocumentsCard } from "./DocumentsCard";
import { GoldenRecordCard } from "./GoldenRecordCard";
import { MergeHistory } from "./MergeHistory";
import { PrivacyActions } from "./PrivacyActions";
import { SourceRecords } from "./SourceRecords";

const TABS = ["card", "sources", "attributes", "merges"] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => (TABS as readonly (string | null)[]).includes(v);

export function ClientPage() {
  const { id } = useParams();
  const clientId = Number(id);
  if (!Number.isInteger(clientId) || clientId <= 0) return <NotFoundPage />;
  // A fresh page per client: edit forms and "undone" notices do not carry over to the next card.
  return <ClientView key={clientId} id={clientId} />;
}

function ClientView({ id }: { id: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf");
  const tabParam = params.get("tab");
  const tab: Tab = isTab(tabParam) ? tabParam : "card";
  // Now: the whole card in one request. At a past moment: the identity as it was (the rest has no past).
  const view = useClientView(id, { enabled: asOf === null });
  const past = useClient(id, asOf, { enabled: asOf !== null });
  // Versions, sources and merges are for the history tabs only: asked for when one is opened.
  const history = useClientHistory(id, { enabled: tab !== "card" });
  const [undone, setUndone] = useState<Undone | null>(null);

  // The URL holds the moment and the tab, so a historical view is a link one can send.
  const setParam = (patch: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  const showAsOf = (moment: string | null) => setParam({ asOf: moment, tab: null });

  const query = asOf === null ? view : past;
  const client = asOf === null ? view.data?.identity : past.data;
  const reload = () => query.refetch();
  if (query.isError && !client) {
    const notFound = query.error instanceof ApiRequestError && query.error.status === 404;
    if (notFound && asOf) {
      return (
        <>
          <PageHeader
            title={t("clients.pageTitle")}
            actions={<AsOfPicker asOf={asOf} onChange={showAsOf} />}
          />
          <Notice
            icon={<IconClockHour4 size={28} />}
            title={t("clients.notYetTitle")}
            description={t("clients.notYetText")}
            actions={
              <Button variant="light" onClick={() => showAsOf(null)}>
                {t("clients.backToNow")}
              </Button>
            }
          />
        </>
      );
    }
    if (notFound) {
      return (
        <Notice
          order={2}
          icon={<IconUserQuestion size={28} />}
          title={t("clients.notFoundTitle")}
          description={t("clients.notFoundText")}
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => void reload()} />;
  }
  if (!client) return <PageLoader />;

  // Only the current state can be edited, and not while another moment is still loading.
  const current = asOf === null && client.asOf === null && !past.isPlaceholderData;
  const editable = can(user, "clients.write") && client.status === "active" && current;
  const sourceCount = history.data?.sourceRecords.length;
  const mergeCount = history.data?.merges.length;
  const card = asOf === null ? view.data : undefined;

  return (
    <Stack gap="md" maw={1280}>
      <ClientHeader
        client={client}
        totals={card?.totals}
        actions={
          can(user, "clients.privacy") && client.status === "active" && current ? (
            <PrivacyActions clientId={client.id} />
          ) : undefined
        }
      />
      <ClientNotices client={client} onNow={() => showAsOf(null)} undone={undone} />
      {card && (
        <>
          <JumpLinks tasks={card.tasks.length > 0} />
          <Overview card={card} />
        </>
      )}

      <Box id="identity" style={{ scrollMarginTop: 72 }}>
        <Group justify="space-between" align="flex-end" gap="sm" mb="sm" mt={card ? "md" : 0}>
          <Title order={2} fz="h3">
            {t("card.identityTitle")}
          </Title>
          <AsOfPicker asOf={asOf} onChange={showAsOf} />
        </Group>
        {asOf && (
          <Text size="sm" c="dimmed" mb="sm">
            {t("card.asOfOnlyIdentity")}
          </Text>
        )}
        <AfterPaint>
          <Tabs value={tab} onChange={(value) => setParam({ tab: value === "card" ? null : value })}>
            <Tabs.List mb="md">
              <Tabs.Tab value="card">{t("clients.tabCard")}</Tabs.Tab>
              <Tabs.Tab value="sources">
                {t("clients.tabSources")}
                {sourceCount !== undefined && <Counter value={sourceCount} />}
              </Tabs.Tab>
              <Tabs.Tab value="attributes">{t("clients.tabAttributes")}</Tabs.Tab>
              <Tabs.Tab value="merges">
                {t("clients.tabMerges")}
                {mergeCount !== undefined && mergeCount > 0 && <Counter value={mergeCount} />}
              </Tabs.Tab>
            </Tabs.List>

            <Tabs.Panel value="card">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <GoldenRecordCard client={client} editable={editable} onReload={reload} />
                <Stack gap="md">
                  <ContactsCard client={client} editable={editable} />
                  <DocumentsCard client={client} />
                  <ConsentsCard client={client} editable={editable} />
                </Stack>
              </SimpleGrid>
            </Tabs.Panel>
            <Tabs.Panel value="sources">
              <HistoryPart query={history}>{(h) => <SourceRecords records={h.sourceRecords} />}</HistoryPart>
            </Tabs.Panel>
            <Tabs.Panel value="attributes">
              <HistoryPart query={history}>
                {(h) => <AttributeHistoryView versions={h.versions} onShowAsOf={showAsOf} />}
              </HistoryPart>
            </Tabs.Panel>
            <Tabs.Panel value="merges">
              <HistoryPart query={history}>
                {(h) => (
                  <MergeHistory
                    clientId={client.id}
                    merges={h.merges}
                    canUndo={can(user, "clients.merge") && current}
                    onUndone={setUndone}
                  />
                )}
              </HistoryPart>
            </Tabs.Panel>
          </Tabs>
        </AfterPaint>
      </Box>
    </Stack>
  );
}

/**
 * Drawn right after the parts above it are on the screen: the identity tabs sit below the overview, and
 * leaving them out of the first render shows the card's top (name, offers) sooner.
 */
function AfterPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready ? children : <PageLoader />;
}

function Counter({ value }: { value: number }) {
  return (
    <Text span c="dimmed" fz="xs" ml={6}>
      {value}
    </Text>
  );
}

function HistoryPart({
  query,
  children,
}: {
  query: ReturnType<typeof useClientHistory>;
  children: (history: NonNullable<ReturnType<typeof useClientHistory>["data"]>) => ReactNode;
}) {
  if (query.data) return children(query.data);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <PageLoader />;
}
