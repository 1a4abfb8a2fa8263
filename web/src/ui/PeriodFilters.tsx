import { Button, Group, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDealerships } from "../features/staff/api";
import { PERIOD_PRESETS, presetPeriod } from "../features/tasks/period";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period and dealership a report page's URL holds, the fallback period where it holds none; a
 * dealership's own staff get none chosen (the API shows them their dealership).
 */
export function periodParams(
  params: URLSearchParams,
  fallback: { from: string; to: string },
  groupWide: boolean,
) {
  const date = (key: string, otherwise: string) => {
    const v = params.get(key) ?? "";
    return ISO_DATE.test(v) ? v : otherwise;
  };
  return {
    from: date("from", fallback.from),
    to: date("to", fallback.to),
    dealershipId: groupWide ? Number(params.get("dealershipId")) || undefined : undefined,
  };
}

export type PeriodPatch = Partial<Record<"from" | "to" | "dealershipId", string | null>>;

/**
 * A report's period (from, to, the quick presets) and, for the group's staff, the dealership: the
 * filters every report page opens with. The values live in the page's URL; changes come as a patch.
 */
export function PeriodFilters({
  from,
  to,
  today,
  dealershipId,
  groupWide,
  onChange,
  children,
}: {
  from: string;
  to: string;
  today: string;
  dealershipId: number | undefined;
  /** The dealership select is for the group's staff; a dealership's own staff see their dealership. */
  groupWide: boolean;
  onChange: (patch: PeriodPatch) => void;
  /** Filters of the page's own, after these. */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const dealerships = useDealerships();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="date"
        label={t("lifecycle.from")}
        value={from}
        max={to}
        onChange={(e) => ISO_DATE.test(e.currentTarget.value) && onChange({ from: e.currentTarget.value })}
        w={170}
      />
      <TextInput
        type="date"
        label={t("lifecycle.to")}
        value={to}
        min={from}
        onChange={(e) => ISO_DATE.test(e.currentTarget.value) && onChange({ to: e.currentTarget.value })}
        w={170}
        error={from > to ? t("lifecycle.badPeriod") : undefined}
      />
      <Group gap={4} role="group" aria-label={t("lifecycle.presetsLabel")}>
        {PERIOD_PRESETS.map((p) => {
          const period = presetPeriod(p, today);
          const active = period.from === from && period.to === to;
          return (
            <Button
              key={p}
              size="compact-sm"
              variant={active ? "light" : "default"}
              fw={500}
              aria-pressed={active}
              onClick={() => onChange(period)}
            >
              {t(`lifecycle.presets.${p}`)}
            </Button>
          );
        })}
      </Group>
      {groupWide && (
        <Select
          label={t("lifecycle.dealership")}
          placeholder={t("lifecycle.allDealerships")}
          data={(dealerships.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          value={dealershipId ? String(dealershipId) : null}
          onChange={(v) => onChange({ dealershipId: v })}
          clearable
          clearButtonProps={{ "aria-label": t("common.clear") }}
          w={260}
          maw="100%"
        />
      )}
      {children}
    </Group>
  );
}
