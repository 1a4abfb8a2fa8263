import {
  Button,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { OfferFamilyInput } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { useTaskLabels } from "../tasks/labels";
import { QUEUES, type Queue } from "../tasks/ParamFields";
import { useCardLabels } from "../workspace/labels";
import { useCreateFamily } from "./api";

const SOURCES = ["work_order", "deal", "policy", "credit"] as const;
type Source = (typeof SOURCES)[number];
const KINDS: Record<Source, readonly string[]> = {
  work_order: ["maintenance", "repair", "tyres", "bodywork", "diagnostics", "warranty"],
  deal: [
    "new_car",
    "used_car",
    "accessories",
    "insurance",
    "credit",
    "extended_warranty",
    "combined",
    "trade_in",
  ],
  policy: ["osago", "kasko"],
  credit: [],
};

interface Values {
  code: string;
  name: string;
  source: Source;
  kinds: string[];
  match: "vehicle" | "client";
  horizonDays: string | number;
  valueRub: string | number;
  purpose: "service" | "marketing";
  queue: Queue;
}

/**
 * A dealer's own kind of offer: what counts as the client taking it (a work order, deal, policy or
 * credit of these kinds, for the car or anything the client does) within how many days, and its value.
 * Its model is trained on the next training run, from the same history as Orbit's own.
 */
export function FamilyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const card = useCardLabels();
  const tasks = useTaskLabels();
  const create = useCreateFamily();
  const form = useFormState<Values>({
    code: "",
    name: "",
    source: "work_order",
    kinds: [],
    match: "vehicle",
    horizonDays: 60,
    valueRub: 10_000,
    purpose: "service",
    queue: "service",
  });
  const v = form.values;
  const kindLabel = (k: string) =>
    v.source === "work_order"
      ? card.workOrderKind(k)
      : v.source === "deal"
        ? card.dealKind(k)
        : card.policyKind(k);

  const submit = () => {
    const body = {
      code: v.code,
      name: v.name,
      target: { source: v.source, kinds: v.kinds, match: v.match },
      horizonDays: Number(v.horizonDays),
      valueRub: Number(v.valueRub),
      purpose: v.purpose,
      queue: v.queue,
    };
    const parsed = OfferFamilyInput.safeParse(body);
    if (!parsed.success) {
      form.setErrors(fieldErrors.fromIssues(parsed.error.issues));
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (saved) => {
        notify.success(t("propensity.familyForm.created", { name: saved.name ?? saved.code }));
        onDone();
      },
      onError: (err) => {
        const fields = fieldErrors.fromApi(err);
        if (Object.keys(fields).length) form.setErrors(fields);
        else notify.error(errorText(err));
      },
    });
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t("propensity.familyForm.code")}
          description={t("propensity.familyForm.codeHint")}
          value={v.code}
          onChange={(e) => form.setField("code", e.currentTarget.value)}
          error={form.errors.code}
          required
        />
        <TextInput
          label={t("propensity.familyForm.name")}
          value={v.name}
          onChange={(e) => form.setField("name", e.currentTarget.value)}
          error={form.errors.name}
          required
        />
      </SimpleGrid>
      <Select
        label={t("propensity.familyForm.source")}
        data={SOURCES.map((s) => ({ value: s, label: t(`propensity.familyForm.sources.${s}`) }))}
        value={v.source}
        onChange={(s) => {
          const source = SOURCES.find((x) => x === s);
          if (source) {
            form.setField("source", source);
            form.setField("kinds", []);
          }
        }}
        allowDeselect={false}
      />
      {KINDS[v.source].length > 0 && (
        <MultiSelect
          label={t("propensity.familyForm.kinds")}
          description={t("propensity.familyForm.kindsHint")}
          data={KINDS[v.source].map((k) => ({ value: k, label: kindLabel(k) }))}
          value={v.kinds}
          onChange={(kinds) => form.setField("kinds", kinds)}
          error={form.errors.target}
        />
      )}
      <Input.Wrapper label={t("propensity.familyForm.match")}>
        <SegmentedControl
          display="flex"
          mt={4}
          value={v.match}
          onChange={(m) => form.setField("match", m === "client" ? "client" : "vehicle")}
          data={(["vehicle", "client"] as const).map((m) => ({
            value: m,
            label: t(`propensity.familyForm.matches.${m}`),
          }))}
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t("propensity.familyForm.horizonDays")}
          value={v.horizonDays}
          onChange={(n) => form.setField("horizonDays", n)}
          min={7}
          max={365}
          allowDecimal={false}
          error={form.errors.horizonDays}
        />
        <NumberInput
          label={t("propensity.familyForm.valueRub")}
          value={v.valueRub}
          onChange={(n) => form.setField("valueRub", n)}
          min={0}
          thousandSeparator=" "
          allowDecimal={false}
          error={form.errors.valueRub}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t("propensity.familyForm.purpose")}
          data={(["service", "marketing"] as const).map((p) => ({
            value: p,
            label: t(`propensity.familyForm.purposes.${p}`),
          }))}
          value={v.purpose}
          onChange={(p) => form.setField("purpose", p === "marketing" ? "marketing" : "service")}
          allowDeselect={false}
        />
        <Select
          label={t("standards.queue")}
          data={QUEUES.map((q) => ({ value: q, label: tasks.queue(q) }))}
          value={v.queue}
          onChange={(q) => {
            const queue = QUEUES.find((x) => x === q);
            if (queue) form.setField("queue", queue);
          }}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={create.isPending}>
          {t("propensity.familyForm.create")}
        </Button>
      </Group>
    </Stack>
  );
}
