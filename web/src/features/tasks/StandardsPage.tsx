import {
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ContactStandard } from "@orbit/contracts";
import { IconAdjustmentsHorizontal, IconAlertCircle, IconShieldLock } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/ErrorState";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { placeholderKeys } from "../../ui/skeleton";
import {
  type ContactPolicy,
  useContactPolicy,
  useSaveContactPolicy,
  useStandards,
  useUpdateStandard,
} from "./api";
import { priorityColor, useTaskLabels } from "./labels";
import { ParamSummary } from "./ParamSummary";
import { STANDARD_FIELDS } from "./paramFields";
import { StandardForm } from "./StandardForm";
import { useStandardKindText, useStandardName } from "./standardName";

type Editing = { key: number; standard: ContactStandard };

/** The contact policy and the contact standards: what Orbit plans calls for, and how often it may call. */
export function StandardsPage() {
  const { t } = useTranslation();
  const standards = useStandards();
  const nameOf = useStandardName();
  const phone = useMediaQuery("(max-width: 36em)");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (standard: ContactStandard) => {
    setEditing((prev) => ({ key: (prev?.key ?? 0) + 1, standard }));
    setOpen(true);
  };

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t("standards.pageTitle")} subtitle={t("standards.subtitle")} />
      <PolicyCard />
      {standards.isError && !standards.data ? (
        <ErrorState error={standards.error} onRetry={() => standards.refetch()} />
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: "none" }}
        >
          {standards.data
            ? standards.data.map((s) => <StandardCard key={s.id} standard={s} onEdit={() => edit(s)} />)
            : placeholderKeys(4).map((k) => (
                <Card key={k} withBorder radius="md" component="li">
                  <Skeleton h={18} w="50%" mb="sm" />
                  <Skeleton h={12} mb={6} />
                  <Skeleton h={12} w="70%" />
                </Card>
              ))}
        </SimpleGrid>
      )}
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        position="right"
        size={phone ? "100%" : 520}
        title={editing ? nameOf(editing.standard) : t("standards.editTitle")}
        styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {editing && (
          <StandardForm key={editing.key} standard={editing.standard} onDone={() => setOpen(false)} />
        )}
      </Drawer>
    </Stack>
  );
}

function StandardCard({ standard, onEdit }: { standard: ContactStandard; onEdit: () => void }) {
  const { t } = useTranslation();
  const nameOf = useStandardName();
  const kindText = useStandardKindText();
  const labels = useTaskLabels();
  const notify = useNotify();
  const update = useUpdateStandard();
  const name = nameOf(standard);
  const toggle = (active: boolean) =>
    update.mutate(
      { id: standard.id, patch: { active } },
      {
        onSuccess: () =>
          notify.success(t(active ? "standards.switchedOn" : "standards.switchedOff", { name })),
        onError: () => notify.error(t("errors.unknown")),
      },
    );
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-label={name}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title
            order={3}
            fz="md"
            style={{ overflowWrap: "anywhere" }}
            c={standard.active ? undefined : "dimmed"}
          >
            {name}
          </Title>
          <Switch
            checked={standard.active}
            onChange={(e) => toggle(e.currentTarget.checked)}
            disabled={update.isPending}
            aria-label={t("standards.switchLabel", { name })}
            style={{ flexShrink: 0 }}
          />
        </Group>
        {kindText(standard.kind) && (
          <Text size="sm" c="dimmed">
            {kindText(standard.kind)}
          </Text>
        )}
        <ParamSummary table={STANDARD_FIELDS} kind={standard.kind} params={standard.params} />
        <Group justify="space-between" mt="auto" pt={6} gap="xs">
          <Group gap={6}>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {labels.queue(standard.queue)}
            </Badge>
            <Badge
              size="sm"
              variant="light"
              color={priorityColor(standard.priority)}
              radius="sm"
              tt="none"
              fw={500}
            >
              {t("tasks.priorityOf", { value: labels.priority(standard.priority) })}
            </Badge>
            <Badge size="sm" variant="default" radius="sm" tt="none" fw={500}>
              {t("standards.sla", { hours: standard.slaHours })}
            </Badge>
            {!standard.active && (
              <Badge size="sm" variant="light" color="gray" radius="sm" tt="none" fw={500}>
                {t("standards.off")}
              </Badge>
            )}
          </Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconAdjustmentsHorizontal size={14} />}
            onClick={onEdit}
            aria-label={t("standards.editOf", { name })}
          >
            {t("standards.edit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

type PolicyForm = Record<keyof ContactPolicy, string>;

/** How often a client may be contacted in a week and the calling hours: one form, shared by all. */
function PolicyCard() {
  const { t } = useTranslation();
  const policy = useContactPolicy();
  const save = useSaveContactPolicy();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const [values, setValues] = useState<PolicyForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof ContactPolicy, string>>>({});
  useEffect(() => {
    if (policy.data && values === null) {
      setValues({
        maxContactsPerWeek: String(policy.data.maxContactsPerWeek),
        callFromHour: String(policy.data.callFromHour),
        callToHour: String(policy.data.callToHour),
      });
    }
  }, [policy.data, values]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    const bounds: Record<keyof ContactPolicy, [number, number]> = {
      maxContactsPerWeek: [1, 50],
      callFromHour: [0, 23],
      callToHour: [1, 24],
    };
    const out: Partial<Record<keyof ContactPolicy, number>> = {};
    const errs: typeof errors = {};
    for (const key of Object.keys(bounds) as (keyof ContactPolicy)[]) {
      const [min, max] = bounds[key];
      const text = values[key].trim();
      const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (text === "") errs[key] = t("params.errors.required");
      else if (!(n >= min && n <= max)) errs[key] = t("params.errors.range", { min, max });
      else out[key] = n;
    }
    if (!errs.callToHour && !errs.callFromHour && (out.callToHour ?? 0) <= (out.callFromHour ?? 0))
      errs.callToHour = t("fieldErrors.callHours");
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate(out as ContactPolicy, {
      onSuccess: () => notify.success(t("policy.saved")),
      onError: (error) => setErrors(fieldErrors.fromApi(error)),
    });
  };

  const field = (key: keyof ContactPolicy, label: string, min: number, max: number, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      value={values?.[key] ?? ""}
      onChange={(v) => {
        setValues((cur) => (cur ? { ...cur, [key]: String(v) } : cur));
        setErrors((e) => ({ ...e, [key]: undefined }));
      }}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      error={errors[key]}
      disabled={!values}
    />
  );

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-title">
      <Group gap="sm" mb="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={36} radius="md">
          <IconShieldLock size={20} />
        </ThemeIcon>
        <div>
          <Title order={3} fz="lg" id="policy-title">
            {t("policy.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("policy.text")}
          </Text>
        </div>
      </Group>
      {policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="policy-title">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {field("maxContactsPerWeek", t("policy.maxContactsPerWeek"), 1, 50)}
            {field("callFromHour", t("policy.callFromHour"), 0, 23, t("policy.hoursDescription"))}
            {field("callToHour", t("policy.callToHour"), 1, 24, t("policy.hoursDescription"))}
          </SimpleGrid>
          {save.error && Object.keys(errors).length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} mt="sm" py="xs">
              {errorText(save.error)}
            </Alert>
          )}
          <Group mt="sm">
            <Button type="submit" variant="light" loading={save.isPending} disabled={!values}>
              {t("policy.save")}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
