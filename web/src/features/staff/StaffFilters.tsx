import { Button, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { type Dealership, ROLES, type Role } from "@orbit/contracts";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { useStaffFilter } from "./useStaffFilter";

interface Props {
  state: ReturnType<typeof useStaffFilter>;
  /** Null for dealership-scoped readers: they only ever see their own dealership. */
  dealerships: Dealership[] | null;
}

export function StaffFilters({ state, dealerships }: Props) {
  const { t } = useTranslation();
  const { filter, update, reset, active } = state;
  const [search, setSearch] = useState(filter.q ?? "");
  // One request when typing pauses, not one per keystroke.
  const updateQuery = useDebouncedCallback((q: string) => update({ q: q.trim() }), 300);

  const grow = { flex: "1 1 200px", minWidth: 0 };
  return (
    <Group gap="sm" align="flex-end" mb="md">
      <TextInput
        style={grow}
        label={t("staff.filterSearch")}
        placeholder={t("staff.filterSearchPlaceholder")}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          updateQuery(e.currentTarget.value);
        }}
      />
      {dealerships && (
        <Select<number>
          style={grow}
          label={t("staff.filterDealership")}
          placeholder={t("staff.filterAllDealerships")}
          data={dealerships.map((d) => ({ value: d.id, label: d.name }))}
          value={filter.dealershipId ?? null}
          onChange={(value) => update({ dealershipId: value })}
          clearable
          clearButtonProps={{ "aria-label": t("common.clear") }}
        />
      )}
      <Select<Role>
        style={grow}
        label={t("staff.filterRole")}
        placeholder={t("staff.filterAllRoles")}
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={filter.role ?? null}
        onChange={(value) => update({ role: value })}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
      />
      {active && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={() => {
            updateQuery.cancel();
            setSearch("");
            reset();
          }}
        >
          {t("staff.resetFilters")}
        </Button>
      )}
    </Group>
  );
}
