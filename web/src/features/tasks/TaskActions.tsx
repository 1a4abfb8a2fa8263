import {
  Alert,
  Box,
  Button,
  Collapse,
  Group,
  Kbd,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import type { Task } from "@orbit/contracts";
import {
  type Icon,
  IconAlertCircle,
  IconCalendarCheck,
  IconCalendarEvent,
  IconClockPlay,
  IconPhoneCheck,
  IconPhoneOff,
  IconPhoneX,
  IconThumbDown,
} from "@tabler/icons-react";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError, fieldErrorsOf } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { useCardLabels } from "../workspace/labels";
import { useRecordOutcome, useRescheduleTask } from "./api";
import { useTaskLabels } from "./labels";
import { MomentInput } from "./MomentInput";
import {
  type ActionableTask,
  bookingMakesVisit,
  emptyOutcomeForm,
  needsMoment,
  OUTCOMES,
  type Outcome,
  type OutcomeErrors,
  outcomeFieldOf,
  toOutcomeRequest,
  toRescheduleRequest,
  WORK_KINDS,
} from "./outcomeForm";
import { MAX_ATTEMPTS, windowLastDay } from "./taskDisplay";

const OUTCOME_LOOK: Record<Outcome, { icon: Icon; color: string }> = {
  reached: { icon: IconPhoneCheck, color: "teal" },
  no_answer: { icon: IconPhoneOff, color: "orange" },
  booked: { icon: IconCalendarCheck, color: "teal" },
  refused: { icon: IconThumbDown, color: "red" },
  wrong_number: { icon: IconPhoneX, color: "red" },
  call_later: { icon: IconClockPlay, color: "yellow" },
};

interface Props {
  task: ActionableTask;
  /** The work list's panel answers to 1–6 and Ctrl+Enter from anywhere on the page; the card's does not. */
  hotkeys?: boolean;
  /** After a saved outcome or a reschedule: the work list moves on to the next task. */
  onDone?: (saved: Task) => void;
}

/**
 * How the call went, in two keystrokes: an outcome (a button, or 1–6), then Save (Enter or Ctrl+Enter).
 * "Call later" and "booked" ask for a time, with quick choices; a booked service task also for the kind
 * of work. A separate, folded form moves the task within its window.
 */
export function TaskActions({ task, hotkeys = false, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const record = useRecordOutcome();
  const [values, setValues] = useState(() => emptyOutcomeForm(task));
  const [errors, setErrors] = useState<Partial<Record<keyof OutcomeErrors, string>>>({});
  const [rescheduling, setRescheduling] = useState(false);
  const momentRef = useRef<HTMLInputElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<"moment" | "save" | null>(null);
  const visit = bookingMakesVisit(task.queue);

  useEffect(() => {
    if (focusNext === "moment") momentRef.current?.focus();
    if (focusNext === "save") saveRef.current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const choose = (outcome: Outcome, fromKeyboard = false) => {
    setValues((v) => ({ ...v, outcome }));
    setErrors({});
    if (needsMoment(outcome)) setFocusNext("moment");
    else if (fromKeyboard) setFocusNext("save");
  };

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (record.isPending) return;
    const request = toOutcomeRequest(values, task);
    if ("errors" in request) {
      const out: typeof errors = {};
      for (const [field, key] of Object.entries(request.errors))
        out[field as keyof OutcomeErrors] = t(`fieldErrors.${key}`);
      return setErrors(out);
    }
    const body = request.body;
    record.mutate(
      { id: task.id, clientId: task.clientId, body },
      {
        onSuccess: (saved) => {
          notify.success(savedMessage(saved, body.booking?.at));
          onDone?.(saved);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409)
            return notify.error(t("tasks.closedAlready"));
          const byField: typeof errors = {};
          const messages = fieldErrors.fromApi(error);
          for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
            const at = outcomeFieldOf(field);
            if (at) byField[at] = messages[field] ?? message;
          }
          setErrors(byField);
        },
      },
    );
  };

  const savedMessage = (saved: Task, bookedAt: string | undefined): string => {
    switch (saved.outcome) {
      case "no_answer":
        return saved.status === "open"
          ? t("tasks.saved.no_answer", { when: labels.when(saved.dueAt) })
          : t("tasks.saved.noAnswerClosed", { max: MAX_ATTEMPTS });
      case "call_later":
        return t("tasks.saved.call_later", { when: labels.when(saved.dueAt) });
      case "booked": {
        const when = bookedAt ? labels.when(bookedAt) : "";
        return visit ? t("tasks.saved.bookedVisit", { when }) : t("tasks.saved.bookedDeal", { when });
      }
      case "refused":
        return t("tasks.saved.refused");
      case "wrong_number":
        return t("tasks.saved.wrong_number");
      default:
        return t("tasks.saved.reached");
    }
  };

  useHotkeys(
    hotkeys
      ? [
          ...OUTCOMES.map((o, i): [string, () => void] => [String(i + 1), () => choose(o, true)]),
          ["mod+Enter", () => save()],
        ]
      : [],
  );

  // Ctrl+Enter saves from the note and the time fields too (the page's hotkeys skip inputs).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const fieldError = errors.outcome;
  const apiError = record.error;
  const shownAtField =
    apiError instanceof ApiRequestError &&
    (apiError.status === 409 || apiError.fields.some((f) => outcomeFieldOf(f.field.replace(/^body\./, ""))));

  return (
    <Stack gap="sm">
      <form onSubmit={save} onKeyDown={onKeyDown} noValidate aria-label={t("tasks.outcomeLabel")}>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={600} mb={6} id={`outcome-${task.id}`}>
              {t("tasks.outcomeLabel")}
            </Text>
            <SimpleGrid cols={2} spacing={6} role="group" aria-labelledby={`outcome-${task.id}`}>
              {OUTCOMES.map((o, i) => {
                const look = OUTCOME_LOOK[o];
                const selected = values.outcome === o;
                return (
                  <Button
                    key={o}
                    variant={selected ? "filled" : "default"}
                    color={look.color}
                    aria-pressed={selected}
                    fw={500}
                    px="xs"
                    h="auto"
                    mih={38}
                    py={6}
                    onClick={() => choose(o)}
                    styles={{
                      inner: { justifyContent: "flex-start" },
                      label: { whiteSpace: "normal", overflow: "visible", width: "100%", lineHeight: 1.2 },
                    }}
                  >
                    <look.icon size={16} style={{ flexShrink: 0, marginRight: 8 }} aria-hidden />
                    <span style={{ flex: 1, textAlign: "left" }}>{labels.outcome(o)}</span>
                    {hotkeys && (
                      <Kbd size="xs" visibleFrom="sm" ml={6} aria-hidden>
                        {i + 1}
                      </Kbd>
                    )}
                  </Button>
                );
              })}
            </SimpleGrid>
            {fieldError && (
              <Text size="xs" c="red" mt={4} role="alert">
                {fieldError}
              </Text>
            )}
          </div>

          {values.outcome === "call_later" && (
            <MomentInput
              inputRef={momentRef}
              label={t("tasks.callBackAt")}
              value={values.callBackAt}
              onChange={(callBackAt) => {
                setValues((v) => ({ ...v, callBackAt }));
                setErrors((e) => ({ ...e, callBackAt: undefined }));
              }}
              error={errors.callBackAt}
              presets={["inHour", "inThreeHours", "tomorrowMorning", "inTwoDays"]}
            />
          )}
          {values.outcome === "booked" && (
            <Stack gap={6}>
              <MomentInput
                inputRef={momentRef}
                label={visit ? t("tasks.bookingAtVisit") : t("tasks.bookingAtDeal")}
                description={visit ? t("tasks.bookingVisitHint") : t("tasks.bookingDealHint")}
                value={values.bookingAt}
                onChange={(bookingAt) => {
                  setValues((v) => ({ ...v, bookingAt }));
                  setErrors((e) => ({ ...e, bookingAt: undefined }));
                }}
                error={errors.bookingAt}
                presets={["tomorrowMorning", "inTwoDays", "inWeek"]}
              />
              {visit && (
                <WorkKindSelect
                  value={values.bookingKind}
                  onChange={(bookingKind) => setValues((v) => ({ ...v, bookingKind }))}
                />
              )}
            </Stack>
          )}

          <Textarea
            label={t("tasks.note")}
            placeholder={t("tasks.notePlaceholder")}
            autosize
            minRows={1}
            maxRows={5}
            maxLength={2000}
            value={values.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setValues((v) => ({ ...v, note }));
            }}
          />

          {apiError && !shownAtField && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} py="xs">
              {errorText(apiError)}
            </Alert>
          )}

          <Group gap="sm" justify="space-between">
            <Button ref={saveRef} type="submit" loading={record.isPending} disabled={!values.outcome}>
              {t("tasks.save")}
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconCalendarEvent size={16} />}
              onClick={() => setRescheduling((r) => !r)}
              aria-expanded={rescheduling}
            >
              {t("tasks.reschedule")}
            </Button>
          </Group>
        </Stack>
      </form>
      <Collapse expanded={rescheduling}>
        {rescheduling && <RescheduleForm task={task} onDone={onDone} />}
      </Collapse>
    </Stack>
  );
}

function WorkKindSelect({
  value,
  onChange,
}: {
  value: (typeof WORK_KINDS)[number];
  onChange: (kind: (typeof WORK_KINDS)[number]) => void;
}) {
  const { t } = useTranslation();
  const labels = useCardLabels();
  return (
    <Select
      label={t("tasks.bookingKind")}
      data={WORK_KINDS.map((k) => ({ value: k, label: labels.workOrderKind(k) }))}
      value={value}
      onChange={(v) => {
        const kind = WORK_KINDS.find((k) => k === v);
        if (kind) onChange(kind);
      }}
      allowDeselect={false}
      maw={280}
    />
  );
}

/** A new due time within the task's window. */
function RescheduleForm({ task, onDone }: { task: ActionableTask; onDone?: (saved: Task) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTaskLabels();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const reschedule = useRescheduleTask();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = toRescheduleRequest(value, task);
    if ("error" in request) return setError(t(`fieldErrors.${request.error}`));
    reschedule.mutate(
      { id: task.id, clientId: task.clientId, dueAt: request.dueAt },
      {
        onSuccess: (saved) => {
          notify.success(t("tasks.rescheduled", { when: labels.when(saved.dueAt) }));
          onDone?.(saved);
        },
        onError: (err) => {
          if (err instanceof ApiRequestError && err.status === 409)
            return notify.error(t("tasks.closedAlready"));
          const messages = fieldErrors.fromApi(err);
          setError(messages.dueAt ?? errorText(err));
        },
      },
    );
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t("tasks.rescheduleTitle")}
      p="sm"
      bg="var(--mantine-color-gray-0)"
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    >
      <Stack gap="xs">
        <MomentInput
          label={t("tasks.rescheduleAt")}
          description={t("tasks.rescheduleHint", { when: format.date(windowLastDay(task.windowEnd)) })}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          error={error}
          max={task.windowEnd}
          presets={["inHour", "tomorrowMorning", "inTwoDays", "inWeek"]}
        />
        <Group>
          <Button type="submit" variant="light" loading={reschedule.isPending}>
            {t("tasks.reschedule")}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
