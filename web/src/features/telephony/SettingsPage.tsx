import { Button, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Title } from "@mantine/core";
import type { CallScript, EscalationChain, PointsRule } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import { usePageTitle } from "../../ui/usePageTitle";
import { useChains, useRules, useSaveChain, useSaveRule, useSaveScript, useScripts } from "./api";

/** The contact centre's rules as data: escalation chains, the call script, the points. */
export function TelephonySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("telephony.settingsTitle"));
  const chains = useChains();
  const scripts = useScripts();
  const rules = useRules();
  return (
    <Stack>
      <PageHeader title={t("telephony.settingsTitle")} subtitle={t("telephony.settingsSubtitle")} />
      <Title order={3}>{t("telephony.chainsTitle")}</Title>
      {chains.data?.map((c) => (
        <ChainForm key={c.id} chain={c} />
      ))}
      <Title order={3}>{t("telephony.scriptsTitle")}</Title>
      {scripts.data?.map((s) => (
        <ScriptForm key={s.id} script={s} />
      ))}
      <Title order={3}>{t("telephony.rulesTitle")}</Title>
      {rules.data && <RulesTable rules={rules.data} />}
    </Stack>
  );
}

function ChainForm({ chain }: { chain: EscalationChain }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveChain();
  const [strategy, setStrategy] = useState(chain.strategy);
  const [steps, setSteps] = useState(chain.steps);
  const [sla, setSla] = useState(chain.callbackSlaMinutes);
  const submit = () =>
    save.mutate(
      {
        id: chain.id,
        body: {
          name: chain.name,
          dealershipId: chain.dealershipId,
          strategy,
          steps,
          callbackQueue: chain.callbackQueue,
          callbackSlaMinutes: sla,
        },
      },
      { onSuccess: () => notify.success(t("telephony.saved")) },
    );
  return (
    <Paper withBorder p="md" aria-label={chain.name} component="section">
      <Text fw={600} mb="xs">
        {chain.name}
      </Text>
      <Group align="flex-end">
        <Select
          label={t("telephony.strategy")}
          value={strategy}
          onChange={(v) => v && setStrategy(v as typeof strategy)}
          data={(["chain", "journal"] as const).map((v) => ({
            value: v,
            label: t(`telephony.strategies.${v}`),
          }))}
          w={320}
        />
        <NumberInput
          label={t("telephony.callbackSla")}
          value={sla}
          min={5}
          max={1440}
          onChange={(v) => setSla(Number(v) || 30)}
          w={200}
        />
      </Group>
      {strategy === "chain" &&
        steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step is its position in the chain
          <Group key={i} mt="xs" align="flex-end">
            <NumberInput
              label={t("telephony.afterS", { n: i + 1 })}
              value={s.afterS}
              min={5}
              max={600}
              onChange={(v) =>
                setSteps(steps.map((x, j) => (j === i ? { ...x, afterS: Number(v) || 5 } : x)))
              }
              w={200}
            />
            <Select
              label={t("telephony.target")}
              value={s.target}
              onChange={(v) =>
                v && setSteps(steps.map((x, j) => (j === i ? { ...x, target: v as typeof s.target } : x)))
              }
              data={(["department_head", "call_center_head", "director", "group_director"] as const).map(
                (v) => ({
                  value: v,
                  label: t(`telephony.targets.${v}`),
                }),
              )}
              w={260}
            />
          </Group>
        ))}
      {save.isError && (
        <Text c="red" size="sm">
          {save.error.message}
        </Text>
      )}
      <Button mt="sm" onClick={submit} loading={save.isPending}>
        {t("telephony.save")}
      </Button>
    </Paper>
  );
}

function ScriptForm({ script }: { script: CallScript }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const save = useSaveScript();
  const [target, setTarget] = useState(script.targetS);
  const [steps, setSteps] = useState(script.steps);
  return (
    <Paper withBorder p="md">
      <Text fw={600}>{script.name}</Text>
      <NumberInput
        label={t("telephony.targetS")}
        value={target}
        min={30}
        max={3600}
        onChange={(v) => setTarget(Number(v) || 300)}
        w={240}
      />
      <Stack gap={4} mt="xs">
        {steps.map((s, i) => (
          <Switch
            key={s.code}
            label={`${i18n.language === "en" ? s.text.en : s.text.ru} — ${t("telephony.keyStep")}`}
            checked={s.key}
            onChange={(e) => {
              const key = e.currentTarget.checked;
              setSteps(steps.map((x, j) => (j === i ? { ...x, key } : x)));
            }}
          />
        ))}
      </Stack>
      <Button
        mt="sm"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { id: script.id, body: { name: script.name, targetS: target, steps, active: script.active } },
            { onSuccess: () => notify.success(t("telephony.saved")) },
          )
        }
      >
        {t("telephony.save")}
      </Button>
    </Paper>
  );
}

function RulesTable({ rules }: { rules: PointsRule[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("telephony.rule")}</Table.Th>
            <Table.Th>{t("telephony.points")}</Table.Th>
            <Table.Th>{t("telephony.withinS")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r) => (
            <RuleRow key={r.id} rule={r} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function RuleRow({ rule }: { rule: PointsRule }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveRule();
  const [amount, setAmount] = useState<number>(rule.points ?? rule.multiplier ?? 0);
  const [within, setWithin] = useState<number | null>(rule.withinS);
  const multiplier = rule.multiplier !== null;
  return (
    <Table.Tr>
      <Table.Td>{t(`telephony.rules.${rule.code}`, { defaultValue: rule.code })}</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t("telephony.points")}
          value={amount}
          onChange={(v) => setAmount(Number(v) || 0)}
          prefix={multiplier ? "×" : undefined}
          decimalScale={multiplier ? 1 : 0}
          w={120}
        />
      </Table.Td>
      <Table.Td>
        {rule.event === "handover_in_time" ? (
          <NumberInput
            aria-label={t("telephony.withinS")}
            value={within ?? ""}
            onChange={(v) => setWithin(v === "" ? null : Number(v))}
            w={120}
          />
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                id: rule.id,
                body: {
                  code: rule.code,
                  event: rule.event,
                  points: multiplier ? null : Math.round(amount),
                  multiplier: multiplier ? amount : null,
                  withinS: within,
                  alsoAdvisor: rule.alsoAdvisor,
                  active: rule.active,
                },
              },
              { onSuccess: () => notify.success(t("telephony.saved")) },
            )
          }
        >
          {t("telephony.save")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
