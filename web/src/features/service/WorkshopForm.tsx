import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { Workshop } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useUpdateWorkshop } from "./api";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A centre's opening hours, booking rules and labour rate, as a manager edits them. */
export function WorkshopForm({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const save = useUpdateWorkshop(workshop.dealershipId);
  const [hours, setHours] = useState(workshop.openingHours);
  const [rules, setRules] = useState(workshop.rules);
  const [rate, setRate] = useState<number | string>(workshop.labourRateRub);
  const setDay = (i: number, v: { open: string; close: string } | null) =>
    setHours((h) => h.map((d, k) => (k === i ? v : d)));
  const rule = (key: keyof Workshop["rules"], label: string, scale = 1) => (
    <NumberInput
      label={label}
      value={rules[key] * scale}
      onChange={(v) => typeof v === "number" && setRules((r) => ({ ...r, [key]: v / scale }))}
      min={0}
    />
  );
  const submit = () =>
    save.mutate(
      { openingHours: hours, rules, labourRateRub: typeof rate === "number" ? rate : workshop.labourRateRub },
      {
        onSuccess: () => notify.success(t("service.catalog.workshopSaved")),
        onError: (err) =>
          notify.error(
            err instanceof ApiRequestError && err.fields[0]
              ? `${err.fields[0].field}: ${err.fields[0].message}`
              : errorText(err),
          ),
      },
    );
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb="xs">
        {t("service.catalog.hoursTitle")}
      </Text>
      <Stack gap={4}>
        {hours.map((d, i) => (
          <Group key={DAYS[i]} gap="sm">
            <Checkbox
              w={80}
              label={t(`service.days.${DAYS[i]!}`)}
              checked={d !== null}
              onChange={(e) => setDay(i, e.currentTarget.checked ? { open: "09:00", close: "18:00" } : null)}
            />
            {d && (
              <>
                <TextInput
                  type="time"
                  aria-label={t("service.catalog.opens", { day: t(`service.days.${DAYS[i]!}`) })}
                  value={d.open}
                  onChange={(e) => setDay(i, { ...d, open: e.currentTarget.value })}
                />
                <TextInput
                  type="time"
                  aria-label={t("service.catalog.closes", { day: t(`service.days.${DAYS[i]!}`) })}
                  value={d.close}
                  onChange={(e) => setDay(i, { ...d, close: e.currentTarget.value })}
                />
              </>
            )}
          </Group>
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm">
        {rule("stepMinutes", t("service.catalog.stepMinutes"))}
        {rule("bufferMinutes", t("service.catalog.bufferMinutes"))}
        {rule("leadMinutes", t("service.catalog.leadMinutes"))}
        {rule("horizonDays", t("service.catalog.horizonDays"))}
        {rule("overrunMinutes", t("service.catalog.overrunMinutes"))}
        {rule("onlineShare", t("service.catalog.onlineShare"), 100)}
        <NumberInput
          label={t("service.catalog.labourRate")}
          value={rate}
          onChange={setRate}
          min={0}
          thousandSeparator=" "
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button onClick={submit} loading={save.isPending}>
          {t("service.catalog.saveWorkshop")}
        </Button>
      </Group>
    </Paper>
  );
}
