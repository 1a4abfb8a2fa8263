import {
  Button,
  Chip,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import { BODY_TYPES, COMFORT_CLASSES, type Needs } from "@orbit/contracts";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDealerships } from "../staff/api";
import { useStockLabels } from "./labels";

/** The needs as the form holds them: the budget is either a purchase sum or a monthly payment. */
export const EMPTY_NEEDS: Needs = {
  bodyTypes: [],
  awd: false,
  condition: "any",
  downPaymentRub: 0,
  termMonths: 60,
  ratePct: 16,
  tradeInRub: 0,
};

const num = (v: string | number) => (v === "" || v === null ? undefined : Number(v));

interface Props {
  initial: Needs | null;
  /** The trade-in value the deal knows, offered as the default. */
  tradeInRub?: number | null;
  submitLabel?: string;
  busy?: boolean;
  disabled?: boolean;
  onSubmit: (needs: Needs) => void;
}

/**
 * What the client needs, in their words: body, seats, drive, clearance, comfort, new or used, and the money
 * as a purchase sum or a monthly payment after the trade-in, near their city.
 */
export function NeedsForm({ initial, tradeInRub, submitLabel, busy, disabled, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useStockLabels();
  const dealerships = useDealerships();
  const [n, setN] = useState<Needs>(() => ({
    ...EMPTY_NEEDS,
    ...(tradeInRub ? { tradeInRub } : {}),
    ...(initial ?? {}),
  }));
  const [budgetKind, setBudgetKind] = useState<"monthly" | "cash">(
    initial?.budgetRub !== undefined && initial.monthlyRub === undefined ? "cash" : "monthly",
  );
  const set = <K extends keyof Needs>(key: K, value: Needs[K]) => setN((v) => ({ ...v, [key]: value }));
  const cities = useMemo(
    () => [...new Set((dealerships.data ?? []).map((d) => d.city))].sort(),
    [dealerships.data],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out: Needs = { ...n };
    if (budgetKind === "monthly") delete out.budgetRub;
    else delete out.monthlyRub;
    onSubmit(out);
  };

  return (
    <form onSubmit={submit} aria-label={t("stock.needs.title")}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("stock.needs.bodyTypes")}
          </Text>
          <Chip.Group
            multiple
            value={n.bodyTypes}
            onChange={(v) => set("bodyTypes", v as Needs["bodyTypes"])}
          >
            <Group gap={6}>
              {BODY_TYPES.map((b) => (
                <Chip key={b} value={b} size="xs" disabled={disabled}>
                  {labels.body(b)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t("stock.needs.minSeats")}
            min={2}
            max={9}
            value={n.minSeats ?? ""}
            onChange={(v) => set("minSeats", num(v))}
            disabled={disabled}
          />
          <NumberInput
            label={t("stock.needs.minClearance")}
            min={100}
            max={400}
            step={10}
            value={n.minClearanceMm ?? ""}
            onChange={(v) => set("minClearanceMm", num(v))}
            disabled={disabled}
          />
          <Select
            label={t("stock.needs.comfort")}
            data={[
              { value: "", label: t("stock.needs.anyComfort") },
              ...COMFORT_CLASSES.map((c) => ({ value: c, label: labels.comfort(c) })),
            ]}
            value={n.comfort ?? ""}
            onChange={(v) => set("comfort", (v || undefined) as Needs["comfort"])}
            allowDeselect={false}
            disabled={disabled}
          />
        </SimpleGrid>
        <Group gap="lg" align="flex-end">
          <Switch
            label={t("stock.needs.awd")}
            checked={n.awd}
            onChange={(e) => set("awd", e.currentTarget.checked)}
            disabled={disabled}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t("stock.needs.condition")}
            </Text>
            <SegmentedControl
              size="xs"
              value={n.condition}
              onChange={(v) => set("condition", v as Needs["condition"])}
              data={(["any", "new", "used"] as const).map((c) => ({ value: c, label: labels.condition(c) }))}
              disabled={disabled}
            />
          </div>
          <Select
            label={t("stock.needs.city")}
            data={[
              { value: "", label: t("stock.needs.anyCity") },
              ...cities.map((c) => ({ value: c, label: c })),
            ]}
            value={n.city ?? ""}
            onChange={(v) => set("city", v || undefined)}
            allowDeselect={false}
            w={200}
            disabled={disabled}
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("stock.needs.budgetKind")}
          </Text>
          <SegmentedControl
            size="xs"
            value={budgetKind}
            onChange={(v) => setBudgetKind(v as "monthly" | "cash")}
            data={(["monthly", "cash"] as const).map((k) => ({
              value: k,
              label: t(`stock.needs.budgetKinds.${k}`),
            }))}
            disabled={disabled}
          />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {budgetKind === "monthly" ? (
            <NumberInput
              label={t("stock.needs.monthly")}
              thousandSeparator=" "
              min={0}
              value={n.monthlyRub ?? ""}
              onChange={(v) => set("monthlyRub", num(v))}
              disabled={disabled}
            />
          ) : (
            <NumberInput
              label={t("stock.needs.budget")}
              thousandSeparator=" "
              min={0}
              value={n.budgetRub ?? ""}
              onChange={(v) => set("budgetRub", num(v))}
              disabled={disabled}
            />
          )}
          <NumberInput
            label={t("stock.needs.tradeIn")}
            thousandSeparator=" "
            min={0}
            value={n.tradeInRub}
            onChange={(v) => set("tradeInRub", num(v) ?? 0)}
            disabled={disabled}
          />
          {budgetKind === "monthly" && (
            <NumberInput
              label={t("stock.needs.downPayment")}
              thousandSeparator=" "
              min={0}
              value={n.downPaymentRub}
              onChange={(v) => set("downPaymentRub", num(v) ?? 0)}
              disabled={disabled}
            />
          )}
          {budgetKind === "monthly" && (
            <NumberInput
              label={t("stock.needs.term")}
              min={6}
              max={96}
              value={n.termMonths}
              onChange={(v) => set("termMonths", num(v) ?? 60)}
              disabled={disabled}
            />
          )}
          {budgetKind === "monthly" && (
            <NumberInput
              label={t("stock.needs.rate")}
              min={0}
              max={60}
              decimalScale={2}
              value={n.ratePct}
              onChange={(v) => set("ratePct", num(v) ?? 16)}
              disabled={disabled}
            />
          )}
          {n.condition !== "new" && (
            <NumberInput
              label={t("stock.needs.maxMileage")}
              thousandSeparator=" "
              min={0}
              step={10_000}
              value={n.maxMileageKm ?? ""}
              onChange={(v) => set("maxMileageKm", num(v))}
              disabled={disabled}
            />
          )}
        </SimpleGrid>
        <Button
          type="submit"
          leftSection={<IconSearch size={16} />}
          loading={busy}
          disabled={disabled}
          style={{ alignSelf: "flex-start" }}
        >
          {submitLabel ?? t("stock.needs.find")}
        </Button>
      </Stack>
    </form>
  );
}
