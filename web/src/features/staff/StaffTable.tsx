import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import type { Dealership, Department, StaffUser } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { placeholderKeys } from "../../ui/skeleton";

interface Props {
  users: StaffUser[] | undefined;
  dealerships: Map<number, Dealership>;
  departments: Map<number, Department>;
  /** Set when the reader may edit accounts. */
  onEdit?: (user: StaffUser) => void;
}

// Phones get name and status; details appear as the screen widens, so the page never scrolls sideways.
export function StaffTable({ users, dealerships, departments, onEdit }: Props) {
  const { t } = useTranslation();
  const dash = t("common.empty");
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th>{t("staff.colName")}</Table.Th>
            <Table.Th visibleFrom="sm">{t("staff.colRole")}</Table.Th>
            <Table.Th visibleFrom="md">{t("staff.colDealership")}</Table.Th>
            <Table.Th visibleFrom="lg">{t("staff.colDepartment")}</Table.Th>
            <Table.Th visibleFrom="md">{t("staff.colExtension")}</Table.Th>
            <Table.Th visibleFrom="lg">{t("staff.colContacts")}</Table.Th>
            <Table.Th ta="right">{t("staff.colStatus")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users === undefined
            ? placeholderKeys(6).map((key) => <SkeletonRow key={key} />)
            : users.map((user) => {
                const department = user.departmentId ? departments.get(user.departmentId) : undefined;
                return (
                  <Table.Tr
                    key={user.id}
                    onClick={onEdit ? () => onEdit(user) : undefined}
                    style={onEdit ? { cursor: "pointer" } : undefined}
                    c={user.active ? undefined : "dimmed"}
                  >
                    <Table.Td>
                      {onEdit ? (
                        // A real button, so keyboard users can open the editor too.
                        <Anchor
                          component="button"
                          type="button"
                          fw={600}
                          fz="sm"
                          c="inherit"
                          ta="left"
                          title={t("staff.editHint")}
                          onClick={(e) => {
                            e.stopPropagation();
                            onEdit(user);
                          }}
                        >
                          {user.fullName}
                        </Anchor>
                      ) : (
                        <Text fw={600} fz="sm">
                          {user.fullName}
                        </Text>
                      )}
                      <Text fz="xs" c="dimmed">
                        {user.login}
                        <Text span hiddenFrom="sm" fz="xs">
                          {` · ${t(`roles.${user.role}`)}`}
                        </Text>
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{t(`roles.${user.role}`)}</Table.Td>
                    <Table.Td visibleFrom="md">
                      {user.dealershipId
                        ? (dealerships.get(user.dealershipId)?.name ?? dash)
                        : t("common.groupWide")}
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      {department ? t(`departmentKinds.${department.kind}`) : dash}
                    </Table.Td>
                    <Table.Td visibleFrom="md" ff="monospace">
                      {user.extension ?? dash}
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Stack gap={0}>
                        {user.email && <Text fz="xs">{user.email}</Text>}
                        {user.phone && <Text fz="xs">{user.phone}</Text>}
                        {!user.email && !user.phone && dash}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Badge
                        variant="light"
                        color={user.active ? "teal" : "gray"}
                        radius="sm"
                        tt="none"
                        fw={500}
                        // Mantine ellipsizes badge labels; in a tight table that left "Ак…".
                        styles={{ label: { overflow: "visible" } }}
                      >
                        {user.active ? t("staff.active") : t("staff.inactive")}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function SkeletonRow() {
  return (
    <Table.Tr>
      <Table.Td>
        <Skeleton h={12} w="70%" mb={6} />
        <Skeleton h={10} w="40%" />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Skeleton h={12} w="80%" />
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Skeleton h={12} w="80%" />
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Skeleton h={12} w="60%" />
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Skeleton h={12} w={30} />
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Skeleton h={12} w="70%" />
      </Table.Td>
      <Table.Td>
        <Skeleton h={18} w={60} ml="auto" />
      </Table.Td>
    </Table.Tr>
  );
}
