import {
  ActionIcon,
  Anchor,
  Box,
  Combobox,
  Group,
  Kbd,
  Loader,
  Text,
  TextInput,
  useCombobox,
} from "@mantine/core";
import { useDebouncedValue, useHotkeys, useMediaQuery } from "@mantine/hooks";
import { IconSearch, IconX } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { useApiErrorText } from "../../ui/errors";
import { loadClientPage } from "../clients/loadClientPage";
import { SEARCH_MIN_LENGTH, useClientSearch } from "../workspace/api";
import { SearchResultContent, useMatchLabel } from "../workspace/SearchResult";
import classes from "./GlobalSearch.module.css";

const DROPDOWN_LIMIT = 8;
const DEBOUNCE_MS = 150;

export const searchPath = (q: string) => (q ? `/search?q=${encodeURIComponent(q)}` : "/search");

/**
 * The header search, from any page: results appear under the box as one types (phone in any form, a
 * name in Cyrillic or Latin, a VIN end, a plate, an e-mail, an INN). Up/Down choose, Enter opens the
 * chosen card (the first one unless another was chosen), Esc closes; "/" and Ctrl+K focus the box.
 * Enter before the results arrive opens the search page. On a phone the box is an icon that opens
 * a search across the whole header.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const typed = value.trim();
  const [debounced] = useDebouncedValue(typed, DEBOUNCE_MS);
  const phone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const [expanded, setExpanded] = useState(false);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const search = useClientSearch(debounced, DROPDOWN_LIMIT);
  const urlQuery = pathname === "/search" ? (params.get("q") ?? "") : null;

  useEffect(() => {
    if (urlQuery !== null) setValue(urlQuery);
  }, [urlQuery]);

  // A card opened, or another page: the list and the phone's search screen have done their job.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    combobox.closeDropdown();
    setExpanded(false);
  }, [pathname]);

  // Results for exactly what is in the box: Enter may open the first of them.
  const results = search.data?.results ?? [];
  const fresh = search.isSuccess && !search.isPlaceholderData && debounced === typed;
  const opened = combobox.dropdownOpened;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when fresh results arrive or the list opens
  useEffect(() => {
    if (!fresh || !opened || results.length === 0) return;
    combobox.selectFirstOption();
    // The card is the likely next page: its code loads while the employee reads the list.
    void loadClientPage();
  }, [fresh, opened, search.data]);

  useEffect(() => {
    if (expanded) input.current?.focus();
  }, [expanded]);

  const focus = () => {
    if (phone) setExpanded(true);
    input.current?.focus();
    input.current?.select();
  };
  useHotkeys([
    ["/", focus],
    ["mod+K", focus],
  ]);

  const close = () => {
    combobox.closeDropdown();
    input.current?.blur();
    setExpanded(false);
  };

  const open = (clientId: string) => {
    close();
    navigate(`/clients/${clientId}`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    close();
    navigate(searchPath(typed));
  };

  if (phone && !expanded) {
    return (
      <ActionIcon
        variant="default"
        size="lg"
        ml="auto"
        aria-label={t("search.open")}
        title={t("search.open")}
        onClick={() => setExpanded(true)}
      >
        <IconSearch size={18} />
      </ActionIcon>
    );
  }

  const box = (
    <search style={{ flex: 1, minWidth: 0, maxWidth: phone ? undefined : 520 }}>
      <form onSubmit={submit}>
        <Combobox
          store={combobox}
          classNames={{ option: classes.option }}
          onOptionSubmit={open}
          width="target"
          position="bottom-start"
          offset={4}
          shadow="md"
          // The list is as long as the viewport allows; on a phone the keyboard takes the rest.
          middlewares={{ flip: false, shift: false }}
        >
          <Combobox.Target withExpandedAttribute>
            <TextInput
              ref={input}
              type="search"
              aria-label={t("search.label")}
              placeholder={t("search.placeholder")}
              title={t("search.shortcut")}
              value={value}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setValue(next);
                combobox.resetSelectedOption();
                if (next.trim()) combobox.openDropdown();
                else combobox.closeDropdown();
              }}
              onFocus={() => {
                if (typed) combobox.openDropdown();
              }}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(e) => {
                if (e.key !== "Escape") return;
                // Esc closes the list and keeps the query (a search box would clear it); again, leaves.
                e.preventDefault();
                if (!combobox.dropdownOpened) close();
              }}
              leftSection={<IconSearch size={16} />}
              rightSection={
                search.isFetching ? (
                  <Loader size={14} />
                ) : (
                  <Kbd size="xs" visibleFrom="sm">
                    /
                  </Kbd>
                )
              }
              rightSectionPointerEvents="none"
              autoComplete="off"
              enterKeyHint="search"
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={typed === ""}>
            <Dropdown
              typed={typed}
              results={results}
              query={debounced}
              readAs={search.data?.readAs ?? []}
              more={search.data?.more ?? false}
              pending={typed.length >= SEARCH_MIN_LENGTH && (!fresh || search.isFetching)}
              error={search.isError ? search.error : null}
              onShowAll={close}
            />
          </Combobox.Dropdown>
        </Combobox>
      </form>
    </search>
  );

  if (!phone) return box;
  // On a phone: the whole header becomes the search, with a way back.
  return (
    <Box
      pos="absolute"
      inset={0}
      bg="var(--mantine-color-body)"
      px="sm"
      style={{ zIndex: 3, display: "flex", alignItems: "center", gap: "var(--mantine-spacing-xs)" }}
    >
      {box}
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t("search.close")} onClick={close}>
        <IconX size={18} />
      </ActionIcon>
    </Box>
  );
}

interface DropdownProps {
  typed: string;
  results: NonNullable<ReturnType<typeof useClientSearch>["data"]>["results"];
  /** The query the results are for. */
  query: string;
  readAs: string[];
  more: boolean;
  pending: boolean;
  error: unknown;
  onShowAll: () => void;
}

function Dropdown({ typed, results, query, readAs, more, pending, error, onShowAll }: DropdownProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const matchLabel = useMatchLabel();
  if (typed.length < SEARCH_MIN_LENGTH) {
    return <Combobox.Empty>{t("search.tooShort")}</Combobox.Empty>;
  }
  const status = error
    ? errorText(error)
    : results.length === 0
      ? pending
        ? t("search.searching")
        : t("search.nothing", { q: query })
      : null;
  return (
    <>
      {readAs.length > 0 && results.length > 0 && (
        <Combobox.Header>
          <Text size="xs" c="dimmed">
            {t("search.readAs", { kinds: readAs.map(matchLabel).join(", ") })}
          </Text>
        </Combobox.Header>
      )}
      <Combobox.Options
        aria-label={t("search.resultsLabel")}
        mah="min(480px, 60dvh)"
        style={{ overflowY: "auto", opacity: pending && results.length > 0 ? 0.6 : undefined }}
      >
        {results.map((r) => (
          <Combobox.Option key={r.clientId} value={String(r.clientId)}>
            <SearchResultContent result={r} query={query} />
          </Combobox.Option>
        ))}
        {status && (
          <Combobox.Empty>
            <Text size="sm">{status}</Text>
            {!error && !pending && (
              <Text size="xs" c="dimmed" mt={4}>
                {t("search.nothingHint")}
              </Text>
            )}
          </Combobox.Empty>
        )}
      </Combobox.Options>
      {results.length > 0 && (
        <Combobox.Footer>
          <Group justify="space-between" gap="xs">
            {more ? (
              <Text size="xs" c="orange.8">
                {t("search.more")}
              </Text>
            ) : (
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t("search.keys")}
              </Text>
            )}
            <Anchor
              component={Link}
              to={searchPath(query)}
              size="xs"
              onMouseDown={(e) => e.preventDefault()}
              onClick={onShowAll}
            >
              {t("search.showAll")}
            </Anchor>
          </Group>
        </Combobox.Footer>
      )}
    </>
  );
}
