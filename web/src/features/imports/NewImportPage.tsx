import { Alert, Autocomplete, Button, FileInput, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { SourceSystemName } from "@orbit/contracts";
import { IconAlertCircle, IconFileTypeCsv, IconUpload } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { PageHeader } from "../../ui/PageHeader";
import { useDealerships } from "../staff/api";
import { useUpload } from "./api";
import { toUtf8 } from "./encoding";

interface Values {
  file: File | null;
  sourceSystem: string;
  dealershipId: number | null;
}

/** Step one of an import: the file and where it comes from. The mapping step follows on the import's page. */
export function NewImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dealerships = useDealerships();
  const upload = useUpload();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const form = useFormState<Values>({ file: null, sourceSystem: "", dealershipId: null });
  const [reading, setReading] = useState(false);
  const { values, errors, setField } = form;
  const list = dealerships.data ?? [];
  const suggestions = [...list.map((d) => `dms:${d.code}`), "1c:central"];
  const nameOf = (source: string) => list.find((d) => `dms:${d.code}` === source)?.name;

  const chooseSource = (source: string) => {
    setField("sourceSystem", source);
    // A dealership's DMS export holds that dealership's clients.
    const dealership = list.find((d) => `dms:${d.code}` === source.trim());
    if (dealership) setField("dealershipId", dealership.id);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const source = SourceSystemName.safeParse(values.sourceSystem);
    const problems: Record<string, string> = {};
    if (!values.file) problems.file = t("imports.chooseFile");
    if (!source.success) problems.sourceSystem = t("imports.sourceInvalid");
    if (!values.file || !source.success) return form.setErrors(problems);
    setReading(true);
    try {
      const { blob } = await toUtf8(values.file);
      upload.mutate(
        {
          file: blob,
          fileName: values.file.name,
          sourceSystem: source.data,
          dealershipId: values.dealershipId ?? undefined,
        },
        {
          onSuccess: (preview) => navigate(`/imports/${preview.batch.id}`),
          onError: (error) => form.setErrors(fieldErrors.fromApi(error)),
        },
      );
    } finally {
      setReading(false);
    }
  };

  const apiError = upload.error;
  const shownAtField =
    apiError instanceof ApiRequestError && apiError.fields.some((f) => /sourceSystem|fileName/.test(f.field));

  return (
    <>
      <PageHeader title={t("imports.newTitle")} subtitle={t("imports.newSubtitle")} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={640}>
        <form onSubmit={submit} noValidate aria-label={t("imports.newTitle")}>
          <Stack gap="md">
            {apiError && !shownAtField && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {apiError instanceof ApiRequestError && apiError.code === "validation_failed"
                  ? t("imports.unreadable")
                  : errorText(apiError)}
              </Alert>
            )}
            <FileInput
              label={t("imports.file")}
              description={t("imports.fileDescription")}
              placeholder={t("imports.filePlaceholder")}
              accept=".csv,.txt,text/csv"
              leftSection={<IconFileTypeCsv size={16} />}
              value={values.file}
              onChange={(file) => setField("file", file)}
              error={errors.file}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
            />
            <Autocomplete
              label={t("imports.source")}
              description={t("imports.sourceDescription")}
              placeholder="dms:MSK-KIA"
              data={suggestions}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.value}</Text>
                  {nameOf(option.value) && (
                    <Text size="xs" c="dimmed">
                      {nameOf(option.value)}
                    </Text>
                  )}
                </Stack>
              )}
              value={values.sourceSystem}
              onChange={chooseSource}
              error={errors.sourceSystem}
              autoComplete="off"
            />
            <Select<number>
              label={t("imports.dealership")}
              description={t("imports.dealershipDescription")}
              placeholder={t("imports.dealershipPlaceholder")}
              data={list.map((d) => ({ value: d.id, label: d.name }))}
              value={values.dealershipId}
              onChange={(v) => setField("dealershipId", v)}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
              error={errors.dealershipId}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => navigate("/imports")}>
                {t("common.cancel")}
              </Button>
              <Button
                type="submit"
                leftSection={<IconUpload size={16} />}
                loading={reading || upload.isPending}
              >
                {t("imports.upload")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
