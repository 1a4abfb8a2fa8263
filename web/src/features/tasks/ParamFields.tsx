import {
  Checkbox,
  Chip,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { useCardLabels } from "../workspace/labels";
import { useTaskLabels } from "./labels";
import {
  MONTHS,
  OFFER_FAMILIES,
  type ParamError,
  type ParamField,
  type ParamValues,
  POLICY_KINDS,
} from "./paramFields";

export const QUEUES = ["sales", "service", "finance", "call_center"] as const;
export type Queue = (typeof QUEUES)[number];

/** A parameter's label and, for some, a line of explanation; an unknown one is named by its key. */
function useParamText() {
  const { t } = useTranslation();
  return {
    label: (key: string) => (hasKey(ru.params.labels, key) ? t(`params.labels.${key}`) : key),
    description: (key: string) =>
      hasKey(ru.params.descriptions, key) ? t(`params.descriptions.${key}`) : undefined,
    error: (e: ParamError | undefined) => {
      if (!e) return undefined;
      if (e.code === "range") return t("params.errors.range", { min: e.min, max: e.max });
      if (e.code === "tooMany") return t("params.errors.tooMany", { max: e.max });
      return t(`params.errors.${e.code}`);
    },
  };
}

interface Props {
  fields: ParamField[];
  values: ParamValues;
  /** Checked here (ParamError) or by the server (its message, translated where known). */
  errors: Record<string, ParamError | string | undefined>;
  onChange: (key: string, value: string | string[]) => void;
}

/** A kind's parameters as a form: numbers, lists of days, months of the year, kinds of policy. */
export function ParamFields({ fields, values, errors, onChange }: Props) {
  const { i18n } = useTranslation();
  const text = useParamText();
  const labels = useCardLabels();
  const monthName = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ru-RU", { month: "short" });
    return (m: string) => f.format(new Date(2026, Number(m) - 1, 15));
  }, [i18n.language]);
  const errorOf = (key: string) => {
    const e = errors[key];
    return typeof e === "string" ? e : text.error(e);
  };

  return (
    <Stack gap="sm">
      {fields.map((f) => {
        const value = values[f.key];
        const common = {
          label: text.label(f.key),
          description: text.description(f.key),
          error: errorOf(f.key),
        };
        if (f.type === "int" || f.type === "percent") {
          return (
            <NumberInput
              key={f.key}
              {...common}
              value={typeof value === "string" ? value : ""}
              onChange={(v) => onChange(f.key, String(v))}
              min={f.min}
              max={f.max}
              allowDecimal={false}
              allowNegative={f.min < 0}
              clampBehavior="none"
              thousandSeparator=" "
              maw={260}
            />
          );
        }
        const items = Array.isArray(value) ? value : [];
        if (f.type === "families") {
          return (
            <TagsInput
              key={f.key}
              {...common}
              value={items}
              data={OFFER_FAMILIES.map((k) => ({ value: k, label: labels.offerFamily(k) }))}
              onChange={(next) => onChange(f.key, next)}
              acceptValueOnBlur
              maw={420}
            />
          );
        }
        if (f.type === "intList") {
          return (
            <TagsInput
              key={f.key}
              {...common}
              value={items}
              onChange={(next) =>
                onChange(
                  f.key,
                  next.map((s) => s.trim()).filter((s) => /^\d+$/.test(s)),
                )
              }
              splitChars={[",", " ", ";"]}
              acceptValueOnBlur
              maw={420}
            />
          );
        }
        if (f.type === "months") {
          return (
            <Input.Wrapper key={f.key} {...common} id={`param-${f.key}`}>
              <Chip.Group multiple value={items} onChange={(next) => onChange(f.key, next)}>
                <Group gap={6} mt={4} role="group" aria-label={common.label}>
                  {MONTHS.map((m) => (
                    <Chip key={m} value={m} size="xs">
                      {monthName(m)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          );
        }
        return (
          <Checkbox.Group key={f.key} {...common} value={items} onChange={(next) => onChange(f.key, next)}>
            <Group gap="md" mt={4}>
              {POLICY_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={labels.policyKind(k)} />
              ))}
            </Group>
          </Checkbox.Group>
        );
      })}
    </Stack>
  );
}

export interface RoutingValues {
  queue: Queue;
  priority: string;
  slaHours: string;
}

/** Who gets the tasks (the department queue), how urgent they are and how soon the first call is due. */
export function RoutingFields({
  values,
  errors,
  onChange,
  queueDescription,
}: {
  values: RoutingValues;
  errors: Partial<Record<keyof RoutingValues, string>>;
  onChange: <K extends keyof RoutingValues>(key: K, value: RoutingValues[K]) => void;
  queueDescription?: string;
}) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Select
        label={t("standards.queue")}
        description={queueDescription}
        data={QUEUES.map((q) => ({ value: q, label: labels.queue(q) }))}
        value={values.queue}
        onChange={(v) => {
          const queue = QUEUES.find((q) => q === v);
          if (queue) onChange("queue", queue);
        }}
        allowDeselect={false}
        error={errors.queue}
      />
      <NumberInput
        label={t("standards.slaHours")}
        description={t("standards.slaDescription")}
        value={values.slaHours}
        onChange={(v) => onChange("slaHours", String(v))}
        min={1}
        max={24 * 30}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        error={errors.slaHours}
      />
      <Input.Wrapper label={t("standards.priority")} error={errors.priority}>
        <SegmentedControl
          display="flex"
          mt={4}
          aria-label={t("standards.priority")}
          value={values.priority}
          onChange={(v) => onChange("priority", v)}
          data={[1, 2, 3].map((p) => ({ value: String(p), label: labels.priority(p) }))}
        />
      </Input.Wrapper>
    </SimpleGrid>
  );
}

/** Checks the routing fields as the API does; messages are `params.errors` keys. */
export function checkRouting(
  values: RoutingValues,
  t: TFunction,
):
  | { ok: { queue: Queue; priority: number; slaHours: number } }
  | { errors: Partial<Record<keyof RoutingValues, string>> } {
  const sla = /^\d+$/.test(values.slaHours.trim()) ? Number(values.slaHours) : Number.NaN;
  const priority = Number(values.priority);
  const errors: Partial<Record<keyof RoutingValues, string>> = {};
  if (values.slaHours.trim() === "") errors.slaHours = t("params.errors.required");
  else if (!Number.isInteger(sla) || sla < 1 || sla > 24 * 30)
    errors.slaHours = t("params.errors.range", { min: 1, max: 24 * 30 });
  if (![1, 2, 3].includes(priority)) errors.priority = t("params.errors.range", { min: 1, max: 3 });
  if (Object.keys(errors).length) return { errors };
  return { ok: { queue: values.queue, priority, slaHours: sla } };
}
