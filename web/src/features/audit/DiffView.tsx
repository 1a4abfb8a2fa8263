import { Table, Text } from "@mantine/core";
import type { Dealership, Department } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { diffRows } from "./diff";
import { useAuditLabels } from "./labels";

interface Props {
  before: unknown;
  after: unknown;
  dealerships: Map<number, Dealership>;
  departments: Map<number, Department>;
}

export function DiffView({ before, after, dealerships, departments }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const rows = diffRows(before, after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("audit.diffNothing")}
      </Text>
    );
  }
  const showBefore = before != null;
  const showAfter = after != null;

  // Ids and codes as people know them: the dealership's name, the role's title.
  const show = (field: string, value: unknown) => {
    if (value === undefined || value === null || value === "")
      return (
        <Text span inherit c="dimmed">
          {t("common.empty")}
        </Text>
      );
    if (value === "[redacted]")
      return (
        <Text span inherit c="dimmed" fs="italic">
          {t("audit.redacted")}
        </Text>
      );
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (field === "role" && typeof value === "string") return labels.role(value);
    if (field === "locale" && typeof value === "string" && hasKey(ru.language, value))
      return t(`language.${value}`);
    if (field === "dealershipId" && typeof value === "number")
      return dealerships.get(value)?.name ?? `#${value}`;
    if (field === "departmentId" && typeof value === "number") {
      const d = departments.get(value);
      return d ? t(`departmentKinds.${d.kind}`) : `#${value}`;
    }
    return typeof value === "string" ? value : JSON.stringify(value);
  };

  return (
    <Table
      layout="fixed"
      withTableBorder
      fz="xs"
      verticalSpacing={4}
      highlightOnHover={false}
      bg="var(--mantine-color-body)"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t("audit.diffField")}</Table.Th>
          {showBefore && <Table.Th>{t("audit.diffBefore")}</Table.Th>}
          {showAfter && <Table.Th>{t("audit.diffAfter")}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const highlight = row.changed && showBefore && showAfter;
          return (
            <Table.Tr key={row.field} c={row.changed || !showBefore ? undefined : "dimmed"}>
              <Table.Td fw={row.changed ? 600 : undefined}>{labels.field(row.field)}</Table.Td>
              {showBefore && (
                <Table.Td
                  bg={highlight ? "var(--mantine-color-red-0)" : undefined}
                  style={{ overflowWrap: "anywhere" }}
                >
                  {show(row.field, row.before)}
                </Table.Td>
              )}
              {showAfter && (
                <Table.Td
                  bg={highlight ? "var(--mantine-color-teal-0)" : undefined}
                  style={{ overflowWrap: "anywhere" }}
                >
                  {show(row.field, row.after)}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
