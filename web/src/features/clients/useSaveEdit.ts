import type { ClientEdit, ClientIdentity } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useEditClient } from "./api";

/** The API's answer to an edit made on an outdated card: someone else saved in between. */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiRequestError &&
    error.status === 409 &&
    error.fields.some((f) => f.field === "body.version")
  );
}

interface SaveOptions {
  /** Shown when the edit is saved. */
  success?: string;
  onSuccess?: (client: ClientIdentity) => void;
  /** Instead of the default: a notification saying what went wrong. */
  onError?: (error: unknown) => void;
}

/**
 * Saves an edit of the card. An edit that adds a phone or e-mail re-runs matching and may merge the
 * client into an existing one: the API then answers with that client, and the page follows it.
 */
export function useSaveEdit(client: ClientIdentity) {
  const { t } = useTranslation();
  const mutation = useEditClient(client.id);
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useApiErrorText();

  const notifyError = (error: unknown) =>
    notify.error(isStaleVersion(error) ? t("clients.staleText") : errorText(error));
  const save = (body: Omit<ClientEdit, "version">, options: SaveOptions = {}) =>
    mutation.mutate(
      { ...body, version: client.version },
      {
        onSuccess: (result) => {
          if (result.id !== client.id) {
            notify.info(t("clients.mergedAfterEdit", { name: result.golden.displayName }));
            navigate(`/clients/${result.id}`);
          } else if (options.success) notify.success(options.success);
          options.onSuccess?.(result);
        },
        onError: options.onError ?? notifyError,
      },
    );
  return { save, mutation, notifyError };
}
