import { Alert, Button, Center, Paper, PinInput, Stack, Text, TextInput, Title } from "@mantine/core";
import type { PortalSession } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../api/client";
import { applyLocale, currentLocale } from "../i18n";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { requestCode, signIn } from "./api";

export function SignInPage({ onSignedIn }: { onSignedIn: (s: PortalSession) => void }) {
  const { t, i18n } = useTranslation();
  const [phone, setPhone] = useState("");
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (err: unknown) => {
    if (err instanceof ApiRequestError && err.status === 429)
      return t("portal.signIn.tooMany", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) });
    if (err instanceof ApiRequestError && err.code === "wrong_code") return t("portal.signIn.wrongCode");
    return err instanceof Error ? err.message : String(err);
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder p="lg" w="100%" maw={400}>
        <Stack>
          <LanguageSwitch value={currentLocale()} onChange={(l) => void applyLocale(l)} key={i18n.language} />
          <Title order={1} size="h3">
            {t("portal.title")}
          </Title>
          <Text>{t("portal.signIn.heading")}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {!sent ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await requestCode(phone);
                  setSent(true);
                });
              }}
            >
              <Stack>
                <TextInput
                  label={t("portal.signIn.phone")}
                  type="tel"
                  autoComplete="tel"
                  placeholder="+7 900 000-00-00"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  required
                />
                <Button type="submit" loading={busy}>
                  {t("portal.signIn.getCode")}
                </Button>
              </Stack>
            </form>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => onSignedIn(await signIn(phone, code)));
              }}
            >
              <Stack>
                <Text size="sm">{t("portal.signIn.codeSent", { phone })}</Text>
                <Text size="sm" fw={500} id="code-label">
                  {t("portal.signIn.code")}
                </Text>
                <PinInput
                  length={6}
                  type="number"
                  oneTimeCode
                  value={code}
                  onChange={setCode}
                  aria-label={t("portal.signIn.code")}
                />
                <Button type="submit" loading={busy} disabled={code.length !== 6}>
                  {t("portal.signIn.enter")}
                </Button>
                <Button variant="subtle" onClick={() => setSent(false)}>
                  {t("portal.signIn.otherPhone")}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
