import { Alert, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ImportBatch } from "@orbit/contracts";
import { IconAlertCircle, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useStartImport } from "./api";
import { type MappingProblem, mappingProblems, TARGETS, type Target } from "./mapping";

interface Props {
  batch: ImportBatch;
  headers: string[];
  sample: Record<string, string>[];
  suggested: Record<string, string>;
}

const asTarget = (v: string | undefined): Target =>
  (TARGETS as readonly string[]).includes(v ?? "") ? (v as Target) : "skip";

/** Step two: what each column of the file means. Orbit's guess is preselected; the sample shows the data. */
export function MappingStep({ batch, headers, sample, suggested }: Props) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const start = useStartImport(batch.id);
  const [mapping, setMapping] = useState<Record<string, Target>>(() =>
    Object.fromEntries(headers.map((h) => [h, asTarget(suggested[h])])),
  );
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const targetLabel = (target: Target) => t(`imports.targets.${target}`);
  const data = TARGETS.map((value) => ({ value, label: targetLabel(value) }));

  const submit = () => {
    const found = mappingProblems(mapping);
    setProblems(found);
    if (found.length === 0) start.mutate(mapping);
  };

  const problemText = (p: MappingProblem) =>
    p.problem === "needsName"
      ? t("imports.needsName")
      : t("imports.onlyOne", { target: targetLabel(p.target), columns: p.columns.join(", ") });
  const conflicted = new Set(problems.flatMap((p) => (p.problem === "onlyOne" ? p.columns : [])));
  const apiError = start.error;

  return (
    <Stack gap="md">
      <div>
        <Title order={3} fz="lg">
          {t("imports.mappingTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("imports.mappingText")}
        </Text>
      </div>
      {problems.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={p.problem === "needsName" ? p.problem : p.target}>{problemText(p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {apiError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {apiError instanceof ApiRequestError && apiError.status === 409
            ? t("imports.alreadyStarted")
            : apiError instanceof ApiRequestError && /map at least one column/.test(apiError.message)
              ? t("imports.needsName")
              : errorText(apiError)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {headers.map((header) => (
          <Card key={header} withBorder radius="md" padding="sm">
            <Select
              label={header}
              data={data}
              value={mapping[header] ?? "skip"}
              onChange={(v) => setMapping((m) => ({ ...m, [header]: asTarget(v ?? undefined) }))}
              allowDeselect={false}
              error={conflicted.has(header) ? t("imports.conflict") : undefined}
              styles={{ label: { overflowWrap: "anywhere" } }}
            />
            {sample.length > 0 && (
              <Stack gap={0} mt={6}>
                {sample.map((row, i) => (
                  <Text
                    // Sample rows have no ids; their order is fixed.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    key={i}
                    fz="xs"
                    c={mapping[header] === "skip" ? "dimmed" : undefined}
                    truncate
                    title={row[header]}
                  >
                    {row[header] || t("common.empty")}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={submit} loading={start.isPending}>
          {t("imports.start")}
        </Button>
      </Group>
    </Stack>
  );
}
