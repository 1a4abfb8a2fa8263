import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { ClientIdentity } from "@orbit/contracts";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { useDealerships } from "../staff/api";
import { goldenFormOf, toClientEdit } from "./clientEdit";
import { useClientLabels } from "./labels";
import { isStaleVersion, useSaveEdit } from "./useSaveEdit";

interface Props {
  client: ClientIdentity;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}

export function GoldenEditForm({ client, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const labels = useClientLabels();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const dealerships = useDealerships();
  const form = useFormState(goldenFormOf(client));
  const { save, mutation } = useSaveEdit(client);
  const { values, errors, setField } = form;
  const person = client.golden.kind === "person";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const edit = toClientEdit(client, values);
    if (!edit) {
      notify.info(t("clients.noChanges"));
      return onDone();
    }
    if (!edit.success) return form.setErrors(fieldErrors.fromIssues(edit.error.issues));
    save(edit.data, {
      success: t("clients.saved"),
      onSuccess: onDone,
      onError: (error) => form.setErrors(fieldErrors.fromApi(error)),
    });
  };

  const error = mutation.error;
  const stale = isStaleVersion(error);
  const atFields = Object.values(errors).some(Boolean);

  const text = (field: "lastName" | "firstName" | "patronymic" | "companyName" | "inn" | "kpp") => (
    <TextInput
      label={labels.field(field)}
      value={values[field]}
      onChange={(e) => setField(field, e.currentTarget.value)}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("clients.editTitle")}>
      <Stack gap="sm">
        {stale && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title={t("clients.staleTitle")}
          >
            <Text size="sm">{t("clients.staleText")}</Text>
            <Button
              size="xs"
              variant="white"
              color="orange"
              mt="xs"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void onReload()}
            >
              {t("clients.reload")}
            </Button>
          </Alert>
        )}
        {error && !stale && !atFields && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {errorText(error)}
          </Alert>
        )}
        {person ? (
          <>
            {text("lastName")}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {text("firstName")}
              {text("patronymic")}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={labels.field("birthDate")}
                value={values.birthDate}
                onChange={(e) => setField("birthDate", e.currentTarget.value)}
                error={errors.birthDate}
              />
              <Select<"m" | "f">
                label={labels.field("gender")}
                placeholder={t("clients.genderUnknown")}
                data={[
                  { value: "m", label: labels.gender("m") },
                  { value: "f", label: labels.gender("f") },
                ]}
                value={values.gender}
                onChange={(v) => setField("gender", v)}
                clearable
                clearButtonProps={{ "aria-label": t("common.clear") }}
                error={errors.gender}
              />
            </SimpleGrid>
          </>
        ) : (
          <>
            {text("companyName")}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {text("inn")}
              {text("kpp")}
            </SimpleGrid>
          </>
        )}
        <Select<number>
          label={labels.field("homeDealershipId")}
          placeholder={t("clients.noDealership")}
          data={(dealerships.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={values.homeDealershipId}
          onChange={(v) => setField("homeDealershipId", v)}
          clearable
          clearButtonProps={{ "aria-label": t("common.clear") }}
          error={errors.homeDealershipId}
        />
        <Switch
          label={t("clients.blockedSwitch")}
          description={t("clients.blockedDescription")}
          checked={values.blocked}
          onChange={(e) => setField("blocked", e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={stale}>
            {t("clients.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
