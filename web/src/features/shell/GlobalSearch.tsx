import { Kbd, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router-dom";

/**
 * The header search. It will search clients once the client card exists; until then it opens the search
 * page, so the habit (press "/", type, Enter) is already the right one.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const urlQuery = pathname === "/search" ? (params.get("q") ?? "") : null;

  useEffect(() => {
    if (urlQuery !== null) setValue(urlQuery);
  }, [urlQuery]);

  const focus = () => {
    input.current?.focus();
    input.current?.select();
  };
  useHotkeys([
    ["/", focus],
    ["mod+K", focus],
  ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
  };

  return (
    <search style={{ flex: 1, minWidth: 0, maxWidth: 520 }}>
      <form onSubmit={submit}>
        <TextInput
          ref={input}
          type="search"
          aria-label={t("search.label")}
          placeholder={t("search.placeholder")}
          title={t("search.shortcut")}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          leftSection={<IconSearch size={16} />}
          rightSection={
            <Kbd size="xs" visibleFrom="sm">
              /
            </Kbd>
          }
          rightSectionPointerEvents="none"
        />
      </form>
    </search>
  );
}
