import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { AnonymiseResult, ClientExport } from "@orbit/contracts";
import { IconDownload, IconUserOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";

/** The client's rights over their data: a copy of everything held, and erasure on request. */
export function PrivacyActions({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const [confirming, setConfirming] = useState(false);
  const exporting = useMutation({
    mutationFn: () => api<ClientExport>(`/api/clients/${clientId}/personal-data`),
    onSuccess: (document) => {
      const blob = new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
      const link = Object.assign(window.document.createElement("a"), {
        href: URL.createObjectURL(blob),
        download: `client-${clientId}.json`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
      notify.success(t("privacy.exported"));
    },
    onError: (error) => notify.error(errorText(error)),
  });
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} />}
        loading={exporting.isPending}
        onClick={() => exporting.mutate()}
      >
        {t("privacy.export")}
      </Button>
      <Button
        variant="light"
        color="red"
        size="xs"
        leftSection={<IconUserOff size={14} />}
        onClick={() => setConfirming(true)}
      >
        {t("privacy.anonymise")}
      </Button>
      <AnonymiseDialog clientId={clientId} opened={confirming} onClose={() => setConfirming(false)} />
    </Group>
  );
}

function AnonymiseDialog({
  clientId,
  opened,
  onClose,
}: {
  clientId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const anonymise = useMutation({
    mutationFn: () =>
      api<AnonymiseResult>(`/api/clients/${clientId}/anonymise`, { method: "POST", body: { reason } }),
    onSuccess: () => {
      notify.success(t("privacy.anonymised"));
      void queries.invalidateQueries();
      navigate("/");
    },
    onError: (error) => notify.error(errorText(error)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("privacy.confirmTitle")} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          anonymise.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("privacy.confirmText")}</Text>
          <TextInput
            label={t("privacy.reason")}
            description={t("privacy.reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("privacy.cancel")}
            </Button>
            <Button type="submit" color="red" loading={anonymise.isPending} disabled={reason.trim() === ""}>
              {t("privacy.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
