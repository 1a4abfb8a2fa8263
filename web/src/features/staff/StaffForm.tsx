import { Alert, Button, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import {
  type Dealership,
  type Department,
  LOCALES,
  type Locale,
  ROLES,
  type Role,
  type StaffUser,
} from "@orbit/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { useCurrentUser } from "../auth/session";
import { useCreateStaffUser, useUpdateStaffUser } from "./api";
import { emptyStaffForm, missingPicks, staffFormOf, toCreateRequest, toUpdateRequest } from "./staffForm";

interface Props {
  /** The account to edit; absent to create a new one. */
  user?: StaffUser;
  dealerships: Dealership[];
  departments: Department[];
  onDone: () => void;
}

export function StaffForm({ user, dealerships, departments, onDone }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const form = useFormState(user ? staffFormOf(user) : emptyStaffForm(me.dealershipId));
  const fieldErrors = useFieldErrors();
  const errorText = useApiErrorText();
  const notify = useNotify();
  const create = useCreateStaffUser();
  const update = useUpdateStaffUser();
  const mutation = user ? update : create;
  const { values, errors, setField } = form;

  // The API decides who may manage whom; these only avoid offering choices it would refuse.
  const isSelf = user?.id === me.id;
  const roleChoices = ROLES.filter((r) => me.role === "admin" || r !== "admin" || r === user?.role);
  const dealershipChoices = me.dealershipId
    ? dealerships.filter((d) => d.id === me.dealershipId)
    : dealerships;
  const departmentChoices = departments.filter((d) => d.dealershipId === values.dealershipId);

  const onApiError = (error: unknown) => form.setErrors(fieldErrors.fromApi(error));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user) {
      const request = toUpdateRequest(user, values);
      if (!request) {
        notify.info(t("staff.noChanges"));
        return onDone();
      }
      if (!request.success)
        return form.setErrors(fieldErrors.fromIssues([...missingPicks(values), ...request.error.issues]));
      update.mutate(
        { id: user.id, patch: request.data },
        {
          onSuccess: () => {
            notify.success(t("staff.updated"));
            onDone();
          },
          onError: onApiError,
        },
      );
      return;
    }
    const request = toCreateRequest(values);
    if (!request.success)
      return form.setErrors(fieldErrors.fromIssues([...missingPicks(values), ...request.error.issues]));
    create.mutate(request.data, {
      onSuccess: (created) => {
        notify.success(t("staff.created", { name: created.fullName }));
        onDone();
      },
      onError: onApiError,
    });
  };

  const fieldErrorCount = Object.values(errors).filter(Boolean).length;
  const apiError = mutation.error;
  // Errors the server tied to a field are shown at that field; anything else goes on top of the form.
  const shownAtField =
    apiError instanceof ApiRequestError &&
    apiError.fields.some((f) => f.field.replace(/^body\./, "") in values);
  const showApiError = apiError && !shownAtField;

  return (
    <form onSubmit={submit} noValidate>
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

        <Section title={t("staffForm.sectionAccount")}>
          <TextInput
            label={t("staffForm.fullName")}
            placeholder={t("staffForm.fullNamePlaceholder")}
            required
            data-autofocus
            value={values.fullName}
            onChange={(e) => setField("fullName", e.currentTarget.value)}
            error={errors.fullName}
          />
          <TextInput
            label={t("staffForm.login")}
            description={user ? t("staffForm.loginLocked") : t("staffForm.loginDescription")}
            required={!user}
            disabled={Boolean(user)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.login}
            onChange={(e) => setField("login", e.currentTarget.value)}
            error={errors.login}
          />
          <PasswordInput
            label={user ? t("staffForm.newPassword") : t("staffForm.password")}
            description={user ? t("staffForm.newPasswordDescription") : t("staffForm.passwordDescription")}
            required={!user}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
            value={values.password}
            onChange={(e) => setField("password", e.currentTarget.value)}
            error={errors.password}
          />
          <Select<Locale>
            label={t("staffForm.locale")}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={values.locale}
            onChange={(v) => v && setField("locale", v)}
            allowDeselect={false}
            error={errors.locale}
          />
          {user && (
            <Switch
              label={t("staffForm.active")}
              description={t("staffForm.activeDescription")}
              checked={values.active}
              disabled={isSelf}
              onChange={(e) => setField("active", e.currentTarget.checked)}
              error={errors.active}
            />
          )}
        </Section>

        <Section title={t("staffForm.sectionWorkplace")}>
          <Select<Role>
            label={t("staffForm.role")}
            placeholder={t("staffForm.rolePlaceholder")}
            required
            disabled={isSelf}
            data={roleChoices.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={values.role}
            onChange={(v) => setField("role", v)}
            error={errors.role}
          />
          <Select<number>
            label={t("staffForm.dealership")}
            placeholder={t("staffForm.dealershipPlaceholder")}
            data={dealershipChoices.map((d) => ({ value: d.id, label: d.name }))}
            value={values.dealershipId}
            onChange={(v) => {
              setField("dealershipId", v);
              // A department belongs to one dealership: moving the employee clears it.
              if (!departments.some((d) => d.id === values.departmentId && d.dealershipId === v)) {
                setField("departmentId", null);
              }
            }}
            clearable={me.dealershipId === null}
            clearButtonProps={{ "aria-label": t("common.clear") }}
            error={errors.dealershipId}
          />
          <Select<number>
            label={t("staffForm.department")}
            placeholder={
              values.dealershipId === null
                ? t("staffForm.departmentNeedsDealership")
                : t("staffForm.departmentPlaceholder")
            }
            disabled={values.dealershipId === null}
            data={departmentChoices.map((d) => ({ value: d.id, label: t(`departmentKinds.${d.kind}`) }))}
            value={values.departmentId}
            onChange={(v) => setField("departmentId", v)}
            clearable
            clearButtonProps={{ "aria-label": t("common.clear") }}
            error={errors.departmentId}
          />
        </Section>

        <Section title={t("staffForm.sectionContacts")}>
          <TextInput
            label={t("staffForm.email")}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(e) => setField("email", e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t("staffForm.phone")}
            type="tel"
            autoComplete="off"
            value={values.phone}
            onChange={(e) => setField("phone", e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput
            label={t("staffForm.extension")}
            description={t("staffForm.extensionDescription")}
            inputMode="numeric"
            maw={200}
            value={values.extension}
            onChange={(e) => setField("extension", e.currentTarget.value)}
            error={errors.extension}
          />
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t("staffForm.save") : t("staffForm.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
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
