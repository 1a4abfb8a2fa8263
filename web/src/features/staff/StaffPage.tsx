import { Button, Drawer, Group, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { StaffUser } from "@orbit/contracts";
import { IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/ErrorState";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";
import { can, useCurrentUser } from "../auth/session";
import { useDealerships, useDepartments, useStaffList } from "./api";
import { StaffFilters } from "./StaffFilters";
import { StaffForm } from "./StaffForm";
import { StaffTable } from "./StaffTable";
import { useStaffFilter } from "./useStaffFilter";

type Editing = { key: number; user?: StaffUser };

export function StaffPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = can(me, "staff.manage");
  const filterState = useStaffFilter();
  const list = useStaffList(filterState.filter);
  const dealerships = useDealerships();
  const departments = useDepartments();
  const phone = useMediaQuery("(max-width: 36em)");

  // The drawer keeps its last content while it animates closed; the key gives each opening a fresh form.
  const [editing, setEditing] = useState<Editing | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const open = (user?: StaffUser) => {
    setEditing((prev) => ({ key: (prev?.key ?? 0) + 1, user }));
    setDrawerOpen(true);
  };

  const dealershipById = useMemo(
    () => new Map((dealerships.data ?? []).map((d) => [d.id, d])),
    [dealerships.data],
  );
  const departmentById = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d])),
    [departments.data],
  );
  const users = list.data;

  return (
    <>
      <PageHeader
        title={t("staff.pageTitle")}
        subtitle={t("staff.subtitle")}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => open()}>
              {t("staff.add")}
            </Button>
          )
        }
      />
      <StaffFilters
        state={filterState}
        dealerships={me.dealershipId === null ? (dealerships.data ?? []) : null}
      />

      {list.isError && !users ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : users && users.length === 0 ? (
        <Notice
          icon={<IconUsers size={28} />}
          title={t("staff.emptyTitle")}
          description={t("staff.emptyText")}
        />
      ) : (
        <>
          <StaffTable
            users={users}
            dealerships={dealershipById}
            departments={departmentById}
            onEdit={canManage ? open : undefined}
          />
          <Group justify="space-between" mt="xs" mih={24}>
            <Text size="xs" c="dimmed" aria-live="polite">
              {users && t("staff.count", { count: users.length })}
            </Text>
          </Group>
        </>
      )}

      <Drawer
        opened={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        position="right"
        size={phone ? "100%" : 480}
        title={editing?.user ? t("staffForm.editTitle") : t("staffForm.createTitle")}
        styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {editing && (
          <StaffForm
            key={editing.key}
            user={editing.user}
            dealerships={dealerships.data ?? []}
            departments={departments.data ?? []}
            onDone={() => setDrawerOpen(false)}
          />
        )}
      </Drawer>
    </>
  );
}
