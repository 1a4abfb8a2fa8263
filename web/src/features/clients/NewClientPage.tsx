import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { PageHeader } from "../../ui/PageHeader";
import { useLinkClient } from "../telephony/api";
import { useCreateClient } from "./api";
import type { CreatedState } from "./ClientNotices";
import { emptyClientForm, formField, type NewClientValues, toClientInput } from "./clientForm";
import { useClientLabels } from "./labels";
import { ValuesInput } from "./ValuesInput";

const MARKETING_CHANNELS = ["call", "sms", "email", "messenger"] as const;

export function NewClientPage() {
  const { t } = useTranslation();
  const labels = useClientLabels();
  const navigate = useNavigate();
  const create = useCreateClient();
  const fieldErrors = useFieldErrors();
  const errorText = useApiErrorText();
  // Opened from a call from an unknown number: the number is typed in, and the call becomes the client's.
  const [params] = useSearchParams();
  const callId = Number(params.get("call")) || null;
  const linkCall = useLinkClient();
  const form = useFormState<NewClientValues>({ ...emptyClientForm(), phones: [params.get("phone") ?? ""] });
  const { values, errors, setField } = form;
  const person = values.kind === "person";

  // Errors keyed the way the inputs are: "phones.1", and a missing name at the name field shown.
  const at = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
    fieldErrors.fromIssues(issues.map((i) => ({ ...i, path: [formField(i.path, values)] })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toClientInput(values);
    if (!input.success) return form.setErrors(at(input.error.issues));
    create.mutate(input.data, {
      onSuccess: (result) => {
        const state: CreatedState = { created: { outcome: result.outcome, warnings: result.warnings } };
        if (callId) linkCall.mutate({ callId, clientId: result.clientId });
        navigate(`/clients/${result.clientId}`, { state });
      },
      onError: (error) => {
        const fields = error instanceof ApiRequestError ? error.fields : [];
        form.setErrors(
          at(fields.map((f) => ({ path: f.field.replace(/^body\./, "").split("."), message: f.message }))),
        );
      },
    });
  };

  const text = (
    field: "fullName" | "lastName" | "firstName" | "patronymic" | "passport" | "driverLicence",
  ) => (
    <TextInput
      label={labels.field(field)}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => setField(field, e.currentTarget.value)}
      error={errors[field]}
    />
  );
  const companyText = (field: "companyName" | "inn" | "kpp" | "ogrn") => (
    <TextInput
      label={labels.field(field)}
      autoComplete="off"
      inputMode={field === "companyName" ? undefined : "numeric"}
      value={values[field]}
      onChange={(e) => setField(field, e.currentTarget.value)}
      error={errors[field]}
    />
  );
  const apiError = create.error;
  const showApiError = apiError && !(apiError instanceof ApiRequestError && apiError.fields.length > 0);
  const fieldErrorCount = Object.values(errors).filter(Boolean).length;

  return (
    <>
      <PageHeader title={t("clientForm.pageTitle")} subtitle={t("clientForm.subtitle")} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={760}>
        <form onSubmit={submit} noValidate aria-label={t("clientForm.pageTitle")}>
          <Stack gap="lg">
            {showApiError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {errorText(apiError)}
              </Alert>
            )}
            {fieldErrorCount > 0 && !showApiError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} py="xs">
                {t("staffForm.fixErrors")}
              </Alert>
            )}
            <SegmentedControl
              value={values.kind}
              onChange={(v) => setField("kind", v === "company" ? "company" : "person")}
              data={[
                { value: "person", label: labels.kind("person") },
                { value: "company", label: labels.kind("company") },
              ]}
              aria-label={t("clientForm.kind")}
              maw={360}
            />

            {person ? (
              <Section title={t("clientForm.sectionPerson")}>
                {values.nameMode === "full" ? (
                  <>
                    <TextInput
                      label={labels.field("fullName")}
                      description={t("clientForm.fullNameDescription")}
                      placeholder={t("clientForm.fullNamePlaceholder")}
                      autoComplete="off"
                      data-autofocus
                      value={values.fullName}
                      onChange={(e) => setField("fullName", e.currentTarget.value)}
                      error={errors.fullName}
                    />
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      ta="left"
                      onClick={() => setField("nameMode", "parts")}
                    >
                      {t("clientForm.nameByParts")}
                    </Anchor>
                  </>
                ) : (
                  <>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                      {text("lastName")}
                      {text("firstName")}
                      {text("patronymic")}
                    </SimpleGrid>
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      ta="left"
                      onClick={() => setField("nameMode", "full")}
                    >
                      {t("clientForm.nameInOne")}
                    </Anchor>
                  </>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    type="date"
                    label={labels.field("birthDate")}
                    value={values.birthDate}
                    onChange={(e) => setField("birthDate", e.currentTarget.value)}
                    error={errors.birthDate}
                  />
                  <Select<"m" | "f">
                    label={labels.field("gender")}
                    placeholder={t("clientForm.genderAuto")}
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
              </Section>
            ) : (
              <Section title={t("clientForm.sectionCompany")}>
                {companyText("companyName")}
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  {companyText("inn")}
                  {companyText("kpp")}
                  {companyText("ogrn")}
                </SimpleGrid>
              </Section>
            )}

            <Section title={t("clientForm.sectionContacts")}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <ValuesInput
                  name="phones"
                  label={labels.field("phone")}
                  addLabel={t("clientForm.addPhone")}
                  type="tel"
                  values={values.phones}
                  onChange={(v) => setField("phones", v)}
                  errors={errors}
                />
                <ValuesInput
                  name="emails"
                  label={labels.field("email")}
                  addLabel={t("clientForm.addEmail")}
                  type="email"
                  values={values.emails}
                  onChange={(v) => setField("emails", v)}
                  errors={errors}
                />
              </SimpleGrid>
              <Checkbox.Group
                label={t("clientForm.marketing")}
                description={t("clientForm.marketingDescription")}
                value={values.marketing}
                onChange={(v) =>
                  setField(
                    "marketing",
                    MARKETING_CHANNELS.filter((c) => v.includes(c)),
                  )
                }
              >
                <Group gap="md" mt={6}>
                  {MARKETING_CHANNELS.map((c) => (
                    <Checkbox key={c} value={c} label={labels.channel(c)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Section>

            {person && (
              <Section title={t("clientForm.sectionDocuments")}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {text("passport")}
                  {text("driverLicence")}
                </SimpleGrid>
                <ValuesInput
                  name="vins"
                  label={labels.field("vin")}
                  addLabel={t("clientForm.addVin")}
                  values={values.vins}
                  onChange={(v) => setField("vins", v)}
                  errors={errors}
                  max={20}
                />
              </Section>
            )}

            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                onClick={() => (window.history.length > 1 ? navigate(-1) : navigate("/"))}
              >
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("clientForm.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text
        component="legend"
        fz="xs"
        fw={700}
        tt="uppercase"
        c="dimmed"
        mb={4}
        style={{ letterSpacing: 0.4 }}
      >
        {title}
      </Text>
      {children}
    </Stack>
  );
}
