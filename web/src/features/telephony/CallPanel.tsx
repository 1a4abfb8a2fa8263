import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { Call } from "@orbit/contracts";
import { IconPhoneCall, IconPhoneIncoming, IconX } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { callKeys, useHandover, useLiveCalls, useScripts, useSimulateNext, useTickStep } from "./api";
import { type PushEvent, usePush } from "./usePush";

interface Pop {
  callId: number;
  number: string;
  client: { id: number; name: string } | null;
  escalation: { step: number; from: string; waitingS: number } | null;
  simulated: boolean;
  state: "ringing" | "answered" | "ended" | "closed";
  note?: string;
}

/**
 * The softphone-like panel: when the employee's extension rings, the client's card opens (or the
 * new-client form with the number) and this panel shows the call; once answered, the script's steps to
 * tick and the time against the target; after it, the outcome.
 */
export function CallPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [pop, setPop] = useState<Pop | null>(null);
  const live = useLiveCalls();

  // After a page reload the call in progress comes back.
  useEffect(() => {
    const call = live.data?.[0];
    if (call && !pop) {
      setPop({
        callId: call.id,
        number: call.phone ?? call.rawNumber,
        client: call.client,
        escalation: null,
        simulated: false,
        state: call.state === "answered" ? "answered" : "ringing",
      });
    }
  }, [live.data, pop]);

  usePush((e: PushEvent) => {
    if (e.type === "call.ringing") {
      const c = e.client as Pop["client"];
      setPop({
        callId: e.callId as number,
        number: String(e.number ?? ""),
        client: c,
        escalation: (e.escalation as Pop["escalation"]) ?? null,
        simulated: Boolean(e.simulated),
        state: "ringing",
      });
      // The card pops: the client's, or a new client's form with the number typed in.
      navigate(
        c
          ? `/clients/${c.id}`
          : `/clients/new?phone=${encodeURIComponent(String(e.number ?? ""))}&call=${e.callId}`,
      );
      return;
    }
    setPop((p) => {
      if (!p || p.callId !== e.callId) return p;
      if (e.type === "call.answered") return { ...p, state: "answered" };
      if (e.type === "call.closed") return { ...p, state: "closed", note: String(e.takenBy ?? "") };
      if (e.type === "call.ended") return { ...p, state: "ended", note: String(e.outcome ?? "") };
      return p;
    });
    void client.invalidateQueries({ queryKey: ["calls"] });
  });

  if (!pop) return null;
  return (
    <Paper
      withBorder
      shadow="lg"
      p="md"
      radius="md"
      role="dialog"
      aria-label={t("telephony.panel")}
      style={{ position: "fixed", right: 16, bottom: 16, width: 340, zIndex: 300 }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs" wrap="nowrap">
          {pop.state === "ringing" ? <IconPhoneIncoming size={20} /> : <IconPhoneCall size={20} />}
          <Title order={4}>{t(`telephony.state.${pop.state}`)}</Title>
        </Group>
        <ActionIcon variant="subtle" aria-label={t("telephony.closePanel")} onClick={() => setPop(null)}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <Text fw={600}>{pop.client?.name ?? t("telephony.unknownNumber")}</Text>
      <Text size="sm" c="dimmed">
        {pop.number}
      </Text>
      {pop.escalation && (
        <Badge color="orange" mt={4} tt="none">
          {t("telephony.escalated", { from: pop.escalation.from, seconds: pop.escalation.waitingS })}
        </Badge>
      )}
      {pop.note && pop.state !== "ringing" && (
        <Text size="sm" mt={4}>
          {pop.state === "closed"
            ? t("telephony.takenBy", { name: pop.note })
            : t(`telephony.outcome.${pop.note as "missed"}`)}
        </Text>
      )}
      {pop.state === "answered" && <ActiveCall callId={pop.callId} />}
      {pop.simulated && (pop.state === "ringing" || pop.state === "answered") && <Simulator pop={pop} />}
    </Paper>
  );
}

function Simulator({ pop }: { pop: Pop }) {
  const { t } = useTranslation();
  const next = useSimulateNext();
  return (
    <Group mt="sm" gap="xs">
      {pop.state === "ringing" && (
        <Button
          size="xs"
          color="green"
          loading={next.isPending}
          onClick={() => next.mutate({ callId: pop.callId, action: "answer" })}
        >
          {t("telephony.simAnswer")}
        </Button>
      )}
      <Button
        size="xs"
        color="red"
        variant="light"
        loading={next.isPending}
        onClick={() => next.mutate({ callId: pop.callId, action: "end" })}
      >
        {t("telephony.simHangUp")}
      </Button>
    </Group>
  );
}

function useElapsed(from: string | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return from ? Math.max(0, Math.round((now - Date.parse(from)) / 1000)) : 0;
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

function ActiveCall({ callId }: { callId: number }) {
  const { t, i18n } = useTranslation();
  const call = useQuery({
    queryKey: callKeys.call(callId),
    queryFn: ({ signal }) => api<Call>(`/api/calls/${callId}`, { signal }),
  });
  const scripts = useScripts();
  const tick = useTickStep(callId);
  const handover = useHandover(callId);
  const elapsed = useElapsed(call.data?.answeredAt ?? null);
  const c = call.data;
  if (!c) return null;
  const script = c.script;
  const texts = new Map(
    (scripts.data?.find((s) => s.id === script?.id)?.steps ?? []).map((s) => [
      s.code,
      i18n.language === "en" ? s.text.en : s.text.ru,
    ]),
  );
  const target = script?.targetS ?? 300;
  const over = elapsed > target;
  return (
    <Stack gap="xs" mt="sm">
      <Group justify="space-between">
        <Text size="sm">{t("telephony.duration")}</Text>
        <Text size="sm" fw={600} c={over ? "red" : undefined} aria-label={t("telephony.duration")}>
          {mmss(elapsed)} / {mmss(target)}
        </Text>
      </Group>
      <Progress value={Math.min(100, (elapsed / target) * 100)} color={over ? "red" : "orbit"} size="sm" />
      {script && (
        <Stack gap={4} role="group" aria-label={t("telephony.script")}>
          {script.steps.map((s) => (
            <Checkbox
              key={s.code}
              size="sm"
              label={`${texts.get(s.code) ?? s.code}${s.key ? " *" : ""}`}
              checked={s.doneAt !== null}
              onChange={(e) => tick.mutate({ step: s.code, done: e.currentTarget.checked })}
            />
          ))}
        </Stack>
      )}
      {c.client &&
        (c.handover ? (
          <Badge color="green" tt="none">
            {t("telephony.handedOver")}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="light"
            loading={handover.isPending}
            onClick={() => handover.mutate({ kind: "advisor" })}
          >
            {t("telephony.handOver")}
          </Button>
        ))}
    </Stack>
  );
}
