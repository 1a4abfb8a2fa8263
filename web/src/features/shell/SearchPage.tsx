import { Card, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconUserSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { PageLoader } from "../../ui/PageLoader";
import { SEARCH_MIN_LENGTH, useClientSearch } from "../workspace/api";
import { SearchResultContent, useMatchLabel } from "../workspace/SearchResult";

const PAGE_LIMIT = 50;

/** The search as a page: the same results as the header's list, more of them, easy to tap on a phone. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const search = useClientSearch(q, PAGE_LIMIT);
  const matchLabel = useMatchLabel();
  const data = search.isPlaceholderData ? undefined : search.data;

  const body = () => {
    if (q.length < SEARCH_MIN_LENGTH) {
      return (
        <Notice
          variant="light"
          icon={<IconUserSearch size={28} />}
          title={q ? t("search.tooShort") : t("search.pageTitle")}
          description={t("search.noQuery")}
        />
      );
    }
    if (search.isError) return <ErrorState error={search.error} onRetry={() => search.refetch()} />;
    if (!data) return <PageLoader />;
    if (data.results.length === 0) {
      return (
        <Notice
          icon={<IconUserSearch size={28} />}
          title={t("search.nothing", { q })}
          description={t("search.nothingHint")}
        />
      );
    }
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t("search.found", { count: data.results.length })}
          {" · "}
          {t("search.readAs", { kinds: data.readAs.map(matchLabel).join(", ") })}
        </Text>
        <Card withBorder radius="md" padding={0}>
          <Stack
            component="ul"
            gap={0}
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            aria-label={t("search.resultsLabel")}
          >
            {data.results.map((r, i) => (
              <li
                key={r.clientId}
                style={i > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
              >
                <UnstyledButton
                  component={Link}
                  to={`/clients/${r.clientId}`}
                  display="block"
                  px="md"
                  py="sm"
                  w="100%"
                >
                  <SearchResultContent result={r} query={q} />
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Card>
        {data.more && (
          <Text size="sm" c="orange.8">
            {t("search.more")}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <Stack gap={0} maw={900}>
      <PageHeader title={t("search.pageTitle")} subtitle={q ? t("search.query", { q }) : undefined} />
      {body()}
    </Stack>
  );
}
