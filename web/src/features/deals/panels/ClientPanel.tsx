import { Anchor, Button, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ClientEssentials, DealField } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { FormErrors } from "../../../ui/form";
import { formatPhone } from "../../clients/display";
import type { PanelProps } from "./types";

type Key = "lastName" | "firstName" | "patronymic" | "birthDate" | "passport" | "address" | "phone" | "email";

/** Which form fields answer which required field. */
const FOR_FIELD: Partial<Record<DealField, Key[]>> = {
  "client.fullName": ["lastName", "firstName"],
  "client.birthDate": ["birthDate"],
  "client.passport": ["passport"],
  "client.address": ["address"],
  "client.phone": ["phone"],
  "client.email": ["email"],
};

const shown = (c: ClientEssentials, k: Key) =>
  k === "phone" && c.phone ? formatPhone(c.phone) : (c[k] ?? "");

/**
 * The buyer's data the sale needs, from the client's golden record; what is missing is marked and filled in
 * on the spot, going to the client's card as an employee's correction.
 */
export function ClientPanel({ deal, run, busy, editable }: PanelProps) {
  const { t } = useTranslation();
  const c = deal.client;
  const missing = new Set(
    deal.steps.flatMap((s) => s.missing).filter((f) => f.startsWith("client.")) as DealField[],
  );
  const missingKeys = new Set([...missing].flatMap((f) => FOR_FIELD[f] ?? []));
  const keys: Key[] = [
    "lastName",
    "firstName",
    "patronymic",
    "birthDate",
    "passport",
    "address",
    "phone",
    "email",
  ];
  const [values, setValues] = useState<Record<Key, string>>(
    () => Object.fromEntries(keys.map((k) => [k, shown(c, k)])) as Record<Key, string>,
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const changed = keys.filter((k) => values[k].trim() !== "" && values[k].trim() !== shown(c, k));
  const save = () =>
    run(
      "/client",
      { version: c.version, ...Object.fromEntries(changed.map((k) => [k, values[k].trim()])) },
      { method: "PATCH", onFieldErrors: setErrors, success: t("deals.saved") },
    );
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Text size="sm">{t("deals.clientData.hint")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {keys.map((k) => (
            <TextInput
              key={k}
              label={t(`deals.clientData.${k}`)}
              type={k === "birthDate" ? "date" : "text"}
              value={values[k]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [k]: v }));
              }}
              disabled={!editable}
              withAsterisk={missingKeys.has(k)}
              error={
                errors[`body.${k}`] ??
                (missingKeys.has(k) && !values[k].trim() ? t("deals.missing") : undefined)
              }
              style={k === "address" ? { gridColumn: "1 / -1" } : undefined}
            />
          ))}
        </SimpleGrid>
        {editable && (
          <Button
            loading={busy}
            disabled={changed.length === 0}
            onClick={save}
            style={{ alignSelf: "flex-start" }}
          >
            {t("deals.save")}
          </Button>
        )}
        <Anchor component={Link} to={`/clients/${deal.clientId}`} size="sm">
          {t("deals.clientData.openCard")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
