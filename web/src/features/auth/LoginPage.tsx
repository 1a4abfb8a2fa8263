import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type Locale, LoginRequest } from "@orbit/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { applyLocale, currentLocale } from "../../i18n";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { useFieldErrors, useFormState } from "../../ui/form";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { Logo } from "../../ui/Logo";
import { usePageTitle } from "../../ui/usePageTitle";
import { useSession, useSignIn } from "./session";

/** Only paths inside the app: "//evil.example" would leave it. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const fieldErrors = useFieldErrors();
  const errorText = useApiErrorText();
  const form = useFormState({ login: "", password: "" });
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  usePageTitle(t("login.pageTitle"));

  if (session.data) return <Navigate to={safeNext(params.get("next"))} replace />;

  const chooseLocale = (locale: Locale) => {
    setChosenLocale(locale);
    void applyLocale(locale);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LoginRequest.safeParse(form.values);
    if (!parsed.success) {
      form.setErrors(fieldErrors.fromIssues(parsed.error.issues));
      return;
    }
    signIn.mutate(
      { credentials: parsed.data, locale: chosenLocale },
      { onError: (err) => form.setErrors(fieldErrors.fromApi(err)) },
    );
  };

  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="md">
      <Group justify="flex-end" py="md">
        <LanguageSwitch value={currentLocale()} onChange={chooseLocale} />
      </Group>
      <Center pb={80} pt={{ base: 8, sm: 40 }}>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: "lg", sm: "xl" }} w="100%" maw={400}>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Logo />
              <div>
                <Title order={2} id="login-title">
                  {t("login.title")}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t("login.subtitle")}
                </Text>
              </div>
              {signIn.error && <SignInError error={signIn.error} format={format} errorText={errorText} />}
              <TextInput
                label={t("login.login")}
                placeholder={t("login.loginPlaceholder")}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                value={form.values.login}
                onChange={(e) => form.setField("login", e.currentTarget.value)}
                error={form.errors.login}
              />
              <PasswordInput
                label={t("login.password")}
                autoComplete="current-password"
                visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
                value={form.values.password}
                onChange={(e) => form.setField("password", e.currentTarget.value)}
                error={form.errors.password}
              />
              <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
                {t("login.submit")}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {t("login.footer")}
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}

interface SignInErrorProps {
  error: Error;
  format: ReturnType<typeof useFormat>;
  errorText: (error: unknown) => string;
}

function SignInError({ error, format, errorText }: SignInErrorProps) {
  const { t } = useTranslation();
  // A 400 is shown next to the fields instead.
  if (error instanceof ApiRequestError && error.code === "validation_failed") return null;
  let message: string;
  if (error instanceof ApiRequestError && error.status === 401) message = t("login.wrongPassword");
  else if (error instanceof ApiRequestError && error.status === 429)
    message = t("login.locked", { when: format.inSeconds(error.retryAfter ?? 900) });
  else message = errorText(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} py="xs">
      {message}
    </Alert>
  );
}
