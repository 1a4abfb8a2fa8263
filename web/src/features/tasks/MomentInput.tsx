import { Button, Group, Stack, TextInput } from "@mantine/core";
import { IconCalendarTime } from "@tabler/icons-react";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { type Preset, presetMoment, toLocalMinutes } from "./taskDisplay";

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  presets: readonly Preset[];
  /** The latest moment allowed (ISO): the task's window end for a reschedule. */
  max?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A local date and time to the minute, with quick choices ("in an hour", "tomorrow 10:00"). */
export function MomentInput({ label, description, value, onChange, error, presets, max, inputRef }: Props) {
  const { t } = useTranslation();
  const latest = max ? Date.parse(max) : null;
  const choices = presets.filter((p) => latest === null || presetMoment(p).getTime() <= latest);
  return (
    <Stack gap={6}>
      <TextInput
        ref={inputRef}
        type="datetime-local"
        label={label}
        description={description}
        leftSection={<IconCalendarTime size={16} />}
        value={value}
        min={toLocalMinutes(new Date())}
        max={max ? toLocalMinutes(max) : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        maw={280}
      />
      {choices.length > 0 && (
        <Group gap={6} role="group" aria-label={t("tasks.presetsLabel")}>
          {choices.map((p) => (
            <Button
              key={p}
              size="compact-xs"
              variant="light"
              color="gray"
              fw={500}
              onClick={() => onChange(toLocalMinutes(presetMoment(p)))}
            >
              {t(`tasks.presets.${p}`)}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
