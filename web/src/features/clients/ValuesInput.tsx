import { ActionIcon, Button, Group, Stack, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "../../ui/form";

interface Props {
  /** The form field ("phones"): errors for its values come as "phones.0", "phones.1". */
  name: string;
  label: string;
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  errors: FormErrors;
  type?: "tel" | "email" | "text";
  max?: number;
}

/** Several values of one kind (phones, e-mails, VINs): an input each, one more on request. */
export function ValuesInput({
  name,
  label,
  addLabel,
  values,
  onChange,
  errors,
  type = "text",
  max = 10,
}: Props) {
  const { t } = useTranslation();
  const set = (i: number, value: string) => onChange(values.map((v, k) => (k === i ? value : v)));
  return (
    <Stack gap={6}>
      {values.map((value, i) => {
        const numbered = i === 0 ? label : `${label} ${i + 1}`;
        return (
          // Values have no identity of their own; the position is what the errors refer to.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={i} gap={6} align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label={numbered}
              type={type}
              autoComplete="off"
              value={value}
              onChange={(e) => set(i, e.currentTarget.value)}
              error={errors[`${name}.${i}`] ?? (i === 0 ? errors[name] : undefined)}
            />
            {values.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={26}
                aria-label={t("clientForm.removeValue", { label: numbered })}
                onClick={() => onChange(values.filter((_, k) => k !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {values.length < max && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...values, ""])}
          >
            {addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
