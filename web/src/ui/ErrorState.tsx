import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { requestIdOf, useApiErrorText } from "./errors";

interface Props {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** A failed load: what happened in plain words, a retry, and the request id support will ask for. */
export function ErrorState({ error, onRetry, title }: Props) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const requestId = requestIdOf(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={title ?? t("errors.loadFailed")}
    >
      <Text size="sm">{errorText(error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("errors.requestId", { id: requestId })}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
          >
            {t("common.retry")}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
