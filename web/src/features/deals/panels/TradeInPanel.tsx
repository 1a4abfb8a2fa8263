import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../i18n/format";
import type { FormErrors } from "../../../ui/form";
import type { PanelProps } from "./types";

const CONDITIONS = ["excellent", "good", "fair", "poor"] as const;

/**
 * The client's car for trade-in: the salesperson says which car, the appraiser values it, the salesperson
 * agrees the price with the client.
 */
export function TradeInPanel(props: PanelProps) {
  const { deal, editable, specialist, step } = props;
  // The appraiser's step values the car; the step that agrees the price (or the only trade-in step) asks it.
  const agrees =
    step.requires.includes("tradeIn.accepted") ||
    !deal.process?.steps.some((s) => s.requires.includes("tradeIn.accepted"));
  const appraises = step.requires.includes("tradeIn.appraisal") || !agrees;
  const { t } = useTranslation();
  const format = useFormat();
  const car = deal.tradeIn.vehicle;
  const latest = deal.tradeIn.appraisals[0];
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Text fw={600} mb={4}>
          {t("deals.tradeIn.car")}
        </Text>
        {car ? (
          <Text size="sm">
            {[car.make, car.model, car.year].filter(Boolean).join(" ")} · VIN {car.vin ?? "—"}
            {car.plate ? ` · ${car.plate}` : ""}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("deals.tradeIn.none")}
          </Text>
        )}
        {editable && !latest && <CarForm {...props} />}
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Text fw={600} mb={4}>
          {t("deals.tradeIn.appraisals")}
        </Text>
        {deal.tradeIn.appraisals.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("deals.tradeIn.noAppraisal")}
          </Text>
        )}
        {deal.tradeIn.appraisals.map((a) => (
          <Text key={a.id} size="sm">
            <b>{format.money(a.valueRub)}</b> · {t("stock.mileage", { km: format.number(a.mileageKm) })} ·{" "}
            {t(`deals.tradeIn.conditions.${a.condition}`)}
            {a.notes ? ` · ${a.notes}` : ""} ·{" "}
            <Text span c="dimmed" size="xs">
              {t("deals.tradeIn.appraisedBy", {
                name: a.appraisedBy ?? "—",
                when: format.dateTime(a.appraisedAt),
              })}
            </Text>
          </Text>
        ))}
        {specialist && appraises && car && <AppraisalForm {...props} />}
      </Paper>
      {latest && agrees && <AcceptForm key={deal.tradeIn.acceptedRub ?? "none"} {...props} />}
    </Stack>
  );
}

function CarForm({ deal, run, busy }: PanelProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({ vin: "", make: "", model: "", year: "" as number | string, plate: "" });
  const [errors, setErrors] = useState<FormErrors>({});
  const save = () =>
    run(
      "/trade-in",
      {
        vin: v.vin,
        make: v.make,
        model: v.model,
        year: Number(v.year),
        ...(v.plate ? { plate: v.plate } : {}),
      },
      { method: "PUT", onFieldErrors: setErrors, success: t("deals.saved") },
    );
  return (
    <Stack gap="xs" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t("deals.tradeIn.vin")}
          value={v.vin}
          onChange={(e) => setV({ ...v, vin: e.currentTarget.value })}
          error={errors["body.vin"] ?? errors.vin}
        />
        <TextInput
          label={t("deals.tradeIn.make")}
          value={v.make}
          onChange={(e) => setV({ ...v, make: e.currentTarget.value })}
          error={errors.make}
        />
        <TextInput
          label={t("deals.tradeIn.model")}
          value={v.model}
          onChange={(e) => setV({ ...v, model: e.currentTarget.value })}
          error={errors.model}
        />
        <NumberInput
          label={t("deals.tradeIn.year")}
          min={1950}
          max={2100}
          value={v.year}
          onChange={(y) => setV({ ...v, year: y })}
          error={errors.year}
        />
        <TextInput
          label={t("deals.tradeIn.plate")}
          value={v.plate}
          onChange={(e) => setV({ ...v, plate: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Button
        variant="light"
        loading={busy}
        onClick={save}
        style={{ alignSelf: "flex-start" }}
        disabled={!v.vin || !v.make || !v.model || !v.year}
      >
        {deal.tradeIn.vehicle ? t("deals.save") : t("deals.tradeIn.set")}
      </Button>
    </Stack>
  );
}

function AppraisalForm({ run, busy }: PanelProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>("");
  const [mileage, setMileage] = useState<number | string>("");
  const [condition, setCondition] = useState<string>("good");
  const [notes, setNotes] = useState("");
  return (
    <Stack gap="xs" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NumberInput
          label={t("deals.tradeIn.value")}
          thousandSeparator=" "
          min={1}
          value={value}
          onChange={setValue}
        />
        <NumberInput
          label={t("deals.tradeIn.mileage")}
          thousandSeparator=" "
          min={0}
          value={mileage}
          onChange={setMileage}
        />
        <Select
          label={t("deals.tradeIn.condition")}
          data={CONDITIONS.map((c) => ({ value: c, label: t(`deals.tradeIn.conditions.${c}`) }))}
          value={condition}
          onChange={(c) => setCondition(c ?? "good")}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea
        label={t("deals.tradeIn.notes")}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={1}
      />
      <Button
        loading={busy}
        disabled={value === "" || mileage === ""}
        style={{ alignSelf: "flex-start" }}
        onClick={() =>
          run(
            "/appraisals",
            {
              valueRub: Number(value),
              mileageKm: Number(mileage),
              condition,
              ...(notes.trim() ? { notes } : {}),
            },
            { success: t("deals.saved") },
          )
        }
      >
        {t("deals.tradeIn.appraise")}
      </Button>
    </Stack>
  );
}

function AcceptForm({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [price, setPrice] = useState<number | string>(
    deal.tradeIn.acceptedRub ?? deal.tradeIn.appraisals[0]?.valueRub ?? "",
  );
  return (
    <Paper withBorder p="sm" radius="md">
      {deal.tradeIn.acceptedRub !== null && (
        <Text size="sm" mb="xs">
          {t("deals.tradeIn.acceptedNow", { price: format.money(deal.tradeIn.acceptedRub) })}
        </Text>
      )}
      {editable && (
        <Group align="flex-end">
          <NumberInput
            label={t("deals.tradeIn.accepted")}
            thousandSeparator=" "
            min={0}
            value={price}
            onChange={setPrice}
            w={260}
          />
          <Button
            variant="light"
            loading={busy}
            disabled={price === ""}
            onClick={() =>
              run("", { tradeInAcceptedRub: Number(price) }, { method: "PATCH", success: t("deals.saved") })
            }
          >
            {t("deals.save")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
