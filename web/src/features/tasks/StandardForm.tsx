import { Alert, Button, Group, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { ContactStandard, Preview } from "@orbit/contracts";
import { IconAlertCircle, IconEye } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError, fieldErrorsOf } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { type StandardPatch, usePreviewStandard, useUpdateStandard } from "./api";
import { checkRouting, ParamFields, RoutingFields, type RoutingValues } from "./ParamFields";
import { PreviewResult } from "./PreviewResult";
import {
  fieldsFor,
  formToParams,
  type ParamError,
  paramFieldOf,
  paramsToForm,
  STANDARD_FIELDS,
  sameParams,
} from "./paramFields";
import { useStandardKindText, useStandardName } from "./standardName";

interface Props {
  standard: ContactStandard;
  onDone: () => void;
}

/**
 * A contact standard's settings: its kind's parameters as proper fields, the queue, priority and first
 * call deadline, on/off. "Preview" asks what the standard would do today with the parameters as typed,
 * before anything is saved; "Save" sends only what changed.
 */
export function StandardForm({ standard, onDone }: Props) {
  const { t } = useTranslation();
  const nameOf = useStandardName();
  const kindText = useStandardKindText();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const update = useUpdateStandard();
  const preview = usePreviewStandard();
  const fields = fieldsFor(STANDARD_FIELDS, standard.kind, standard.params);
  const [name, setName] = useState(standard.name ?? "");
  const [routing, setRouting] = useState<RoutingValues>({
    queue: standard.queue,
    priority: String(standard.priority),
    slaHours: String(standard.slaHours),
  });
  const [params, setParams] = useState(() => paramsToForm(fields, standard.params));
  const [active, setActive] = useState(standard.active);
  const [paramErrors, setParamErrors] = useState<Record<string, ParamError | string | undefined>>({});
  const [routingErrors, setRoutingErrors] = useState<Partial<Record<keyof RoutingValues | "name", string>>>(
    {},
  );
  const [shown, setShown] = useState<{ preview: Preview; params: Record<string, unknown> } | null>(null);

  const checkedParams = () => {
    const result = formToParams(fields, params, standard.params);
    if ("errors" in result) {
      setParamErrors(result.errors);
      return null;
    }
    return result.params;
  };

  const onApiError = (error: unknown) => {
    const messages = fieldErrors.fromApi(error);
    const byParam: Record<string, string> = {};
    const byRouting: Record<string, string> = {};
    for (const field of Object.keys(fieldErrorsOf(error))) {
      const param = paramFieldOf(field);
      if (param) byParam[param] ??= messages[field] ?? "";
      else if (["name", "queue", "priority", "slaHours"].includes(field))
        byRouting[field] = messages[field] ?? "";
    }
    setParamErrors(byParam);
    setRoutingErrors(byRouting);
  };

  const runPreview = () => {
    const checked = checkedParams();
    if (!checked) return;
    preview.mutate(
      { id: standard.id, params: checked },
      { onSuccess: (result) => setShown({ preview: result, params: checked }), onError: onApiError },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkedParams();
    const route = checkRouting(routing, t);
    if ("errors" in route) setRoutingErrors(route.errors);
    if (!checked || "errors" in route) return;
    const patch: StandardPatch = {};
    const trimmed = name.trim() || null;
    if (trimmed !== standard.name) patch.name = trimmed;
    if (!sameParams(checked, standard.params)) patch.params = checked;
    if (route.ok.queue !== standard.queue) patch.queue = route.ok.queue;
    if (route.ok.priority !== standard.priority) patch.priority = route.ok.priority;
    if (route.ok.slaHours !== standard.slaHours) patch.slaHours = route.ok.slaHours;
    if (active !== standard.active) patch.active = active;
    if (Object.keys(patch).length === 0) {
      notify.info(t("standards.noChanges"));
      return onDone();
    }
    update.mutate(
      { id: standard.id, patch },
      {
        onSuccess: (saved) => {
          notify.success(t("standards.saved", { name: nameOf(saved) }));
          onDone();
        },
        onError: onApiError,
      },
    );
  };

  const apiError = update.error ?? preview.error;
  const atFields = apiError instanceof ApiRequestError && apiError.fields.length > 0;
  const hasErrors = Object.values(paramErrors).some(Boolean) || Object.values(routingErrors).some(Boolean);
  const current = formToParams(fields, params, standard.params);
  const unsaved = shown !== null && !sameParams(shown.params, standard.params);
  const stale = shown !== null && ("errors" in current || !sameParams(shown.params, current.params));

  return (
    <form onSubmit={submit} noValidate aria-label={nameOf(standard)}>
      <Stack gap="lg">
        {kindText(standard.kind) && (
          <Text size="sm" c="dimmed">
            {kindText(standard.kind)}
          </Text>
        )}
        {apiError && !atFields && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {errorText(apiError)}
          </Alert>
        )}
        {hasErrors && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} py="xs">
            {t("standards.fixErrors")}
          </Alert>
        )}
        <Part title={t("standards.paramsTitle")}>
          <ParamFields
            fields={fields}
            values={params}
            errors={paramErrors}
            onChange={(key, value) => {
              setParams((p) => ({ ...p, [key]: value }));
              setParamErrors((e) => ({ ...e, [key]: undefined }));
            }}
          />
          <Group>
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              onClick={runPreview}
              loading={preview.isPending}
            >
              {t("preview.run")}
            </Button>
          </Group>
          {shown && !stale && <PreviewResult preview={shown.preview} unsaved={unsaved} />}
        </Part>
        <Part title={t("standards.routingTitle")}>
          <TextInput
            label={t("standards.name")}
            description={t("standards.nameDescription")}
            placeholder={nameOf({ ...standard, name: null })}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.currentTarget.value)}
            error={routingErrors.name}
          />
          <RoutingFields
            values={routing}
            errors={routingErrors}
            queueDescription={t("standards.queueDescription")}
            onChange={(key, value) => {
              setRouting((r) => ({ ...r, [key]: value }));
              setRoutingErrors((e) => ({ ...e, [key]: undefined }));
            }}
          />
          <Switch
            label={t("standards.active")}
            description={t("standards.activeDescription")}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        </Part>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("standards.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Part({ title, children }: { title: string; children: ReactNode }) {
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
