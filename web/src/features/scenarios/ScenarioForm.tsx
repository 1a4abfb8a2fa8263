import { Alert, Button, Group, Radio, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { Preview, Scenario } from "@orbit/contracts";
import { IconAlertCircle, IconEye, IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError, fieldErrorsOf } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { checkRouting, ParamFields, RoutingFields, type RoutingValues } from "../tasks/ParamFields";
import { PreviewResult } from "../tasks/PreviewResult";
import {
  fieldsFor,
  formToParams,
  type ParamError,
  paramFieldOf,
  paramsToForm,
  SCENARIO_DEFAULTS,
  SCENARIO_FIELDS,
  SCENARIO_KINDS,
  type ScenarioKind,
  sameParams,
} from "../tasks/paramFields";
import { Part } from "../tasks/StandardForm";
import { type ScenarioPatch, useCreateScenario, usePreviewScenario, useUpdateScenario } from "./api";
import { useScenarioLabels } from "./labels";

// Who answers each kind by default: browsing is a sale, a booking is service, a request the call centre's.
const DEFAULT_ROUTING: Record<ScenarioKind, RoutingValues> = {
  viewed_segment: { queue: "sales", priority: "2", slaHours: "4" },
  abandoned_booking: { queue: "service", priority: "1", slaHours: "2" },
  web_request: { queue: "call_center", priority: "1", slaHours: "1" },
  next_best_offer: { queue: "call_center", priority: "2", slaHours: "24" },
};

interface Props {
  /** The scenario to edit; absent to create one. */
  scenario?: Scenario;
  /** Just created: say it is off, and show at once what it would do. */
  justCreated?: boolean;
  onCreated: (scenario: Scenario) => void;
  onDone: () => void;
}

/**
 * A scenario: what to watch for (chosen once, at creation), its parameters as fields, who gets the
 * tasks and how urgently. A new scenario starts switched off; right after it is created the form shows
 * what it would do today, and it is switched on here or in the list.
 */
export function ScenarioForm({ scenario, justCreated = false, onCreated, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useScenarioLabels();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const create = useCreateScenario();
  const update = useUpdateScenario();
  const preview = usePreviewScenario();
  const [kind, setKind] = useState<ScenarioKind>(
    (SCENARIO_KINDS as readonly string[]).includes(scenario?.kind ?? "")
      ? (scenario?.kind as ScenarioKind)
      : "web_request",
  );
  const original = scenario?.params ?? SCENARIO_DEFAULTS[kind];
  const fields = fieldsFor(SCENARIO_FIELDS, scenario?.kind ?? kind, original);
  const [name, setName] = useState(scenario?.name ?? "");
  const [params, setParams] = useState(() => paramsToForm(fields, original));
  const [routing, setRouting] = useState<RoutingValues>(
    scenario
      ? { queue: scenario.queue, priority: String(scenario.priority), slaHours: String(scenario.slaHours) }
      : DEFAULT_ROUTING[kind],
  );
  const [active, setActive] = useState(scenario?.active ?? false);
  const [paramErrors, setParamErrors] = useState<Record<string, ParamError | string | undefined>>({});
  const [otherErrors, setOtherErrors] = useState<Partial<Record<keyof RoutingValues | "name", string>>>({});
  const [shown, setShown] = useState<{ preview: Preview; params: Record<string, unknown> } | null>(null);

  const chooseKind = (next: ScenarioKind) => {
    setKind(next);
    setParams(
      paramsToForm(fieldsFor(SCENARIO_FIELDS, next, SCENARIO_DEFAULTS[next]), SCENARIO_DEFAULTS[next]),
    );
    setRouting(DEFAULT_ROUTING[next]);
    setParamErrors({});
  };

  const checkedParams = () => {
    const result = formToParams(fields, params, original);
    if ("errors" in result) {
      setParamErrors(result.errors);
      return null;
    }
    return result.params;
  };

  const onApiError = (error: unknown) => {
    const messages = fieldErrors.fromApi(error);
    const byParam: Record<string, string> = {};
    const other: Record<string, string> = {};
    for (const field of Object.keys(fieldErrorsOf(error))) {
      const param = paramFieldOf(field);
      if (param) byParam[param] ??= messages[field] ?? "";
      else if (["name", "queue", "priority", "slaHours"].includes(field))
        other[field] = messages[field] ?? "";
    }
    setParamErrors(byParam);
    setOtherErrors(other);
  };

  const runPreview = (id: number, values: Record<string, unknown> | null = checkedParams()) => {
    if (!values) return;
    preview.mutate(
      { id, params: values },
      { onSuccess: (result) => setShown({ preview: result, params: values }), onError: onApiError },
    );
  };

  // Right after creating: what the new (still switched off) scenario would do today.
  const previewed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens on a new scenario
  useEffect(() => {
    if (justCreated && scenario && !previewed.current) {
      previewed.current = true;
      runPreview(scenario.id, scenario.params);
    }
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkedParams();
    const route = checkRouting(routing, t);
    const nameError = name.trim() === "" ? t("fieldErrors.required") : undefined;
    setOtherErrors({ ...("errors" in route ? route.errors : {}), name: nameError });
    if (!checked || "errors" in route || nameError) return;
    if (!scenario) {
      create.mutate(
        { kind, name: name.trim(), params: checked, ...route.ok },
        {
          onSuccess: (saved) => {
            notify.success(t("scenarios.created", { name: saved.name }));
            onCreated(saved);
          },
          onError: onApiError,
        },
      );
      return;
    }
    const patch: ScenarioPatch = {};
    if (name.trim() !== scenario.name) patch.name = name.trim();
    if (!sameParams(checked, scenario.params)) patch.params = checked;
    if (route.ok.queue !== scenario.queue) patch.queue = route.ok.queue;
    if (route.ok.priority !== scenario.priority) patch.priority = route.ok.priority;
    if (route.ok.slaHours !== scenario.slaHours) patch.slaHours = route.ok.slaHours;
    if (active !== scenario.active) patch.active = active;
    if (Object.keys(patch).length === 0) {
      notify.info(t("standards.noChanges"));
      return onDone();
    }
    update.mutate(
      { id: scenario.id, patch },
      {
        onSuccess: (saved) => {
          notify.success(
            patch.active === undefined
              ? t("scenarios.saved", { name: saved.name })
              : t(saved.active ? "scenarios.switchedOn" : "scenarios.switchedOff", { name: saved.name }),
          );
          onDone();
        },
        onError: onApiError,
      },
    );
  };

  const mutation = scenario ? update : create;
  const apiError = mutation.error ?? preview.error;
  const atFields = apiError instanceof ApiRequestError && apiError.fields.length > 0;
  const hasErrors = Object.values(paramErrors).some(Boolean) || Object.values(otherErrors).some(Boolean);
  const current = formToParams(fields, params, original);
  const stale = shown !== null && ("errors" in current || !sameParams(shown.params, current.params));
  const unsaved = shown !== null && scenario !== undefined && !sameParams(shown.params, scenario.params);

  return (
    <form onSubmit={submit} noValidate aria-label={scenario ? scenario.name : t("scenarios.createTitle")}>
      <Stack gap="lg">
        {justCreated && (
          <Alert color="orbit" variant="light" icon={<IconInfoCircle size={18} />} py="xs">
            {t("scenarios.createdHint")}
          </Alert>
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
        {scenario ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {labels.kind(scenario.kind)}
            </Text>
            {labels.kindText(scenario.kind) && (
              <Text size="sm" c="dimmed">
                {labels.kindText(scenario.kind)}
              </Text>
            )}
          </Stack>
        ) : (
          <Radio.Group
            label={t("scenarios.kind")}
            value={kind}
            onChange={(v) => {
              const next = SCENARIO_KINDS.find((k) => k === v);
              if (next) chooseKind(next);
            }}
          >
            <Stack gap="xs" mt={6}>
              {SCENARIO_KINDS.map((k) => (
                <Radio key={k} value={k} label={labels.kind(k)} description={labels.kindText(k)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <TextInput
          label={t("scenarios.name")}
          placeholder={t("scenarios.namePlaceholder")}
          required
          maxLength={200}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setOtherErrors((o) => ({ ...o, name: undefined }));
          }}
          error={otherErrors.name}
          data-autofocus
        />
        <Part title={t("standards.paramsTitle")}>
          <ParamFields
            key={kind}
            fields={fields}
            values={params}
            errors={paramErrors}
            onChange={(key, value) => {
              setParams((p) => ({ ...p, [key]: value }));
              setParamErrors((e) => ({ ...e, [key]: undefined }));
            }}
          />
          {scenario ? (
            <Group>
              <Button
                variant="default"
                leftSection={<IconEye size={16} />}
                onClick={() => runPreview(scenario.id)}
                loading={preview.isPending}
              >
                {t("preview.run")}
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t("scenarios.previewAfterCreate")}
            </Text>
          )}
          {shown && !stale && <PreviewResult preview={shown.preview} unsaved={unsaved} />}
        </Part>
        <Part title={t("standards.routingTitle")}>
          <RoutingFields
            values={routing}
            errors={otherErrors}
            onChange={(key, value) => {
              setRouting((r) => ({ ...r, [key]: value }));
              setOtherErrors((e) => ({ ...e, [key]: undefined }));
            }}
          />
          {scenario && (
            <Switch
              label={t("scenarios.active")}
              description={t("scenarios.activeDescription")}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
        </Part>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {scenario ? t("scenarios.save") : t("scenarios.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
