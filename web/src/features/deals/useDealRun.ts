import type { Deal, DealPanel } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useApiErrorText } from "../../ui/errors";
import { type FormErrors, useFieldErrors } from "../../ui/form";
import { useNotify } from "../../ui/notify";
import { can, useCurrentUser } from "../auth/session";
import { useDealAction } from "./api";
import { useDealLabels } from "./labels";

export interface RunOptions {
  success?: string;
  /** Field errors of a form go to the form; everything else is a toast. */
  onFieldErrors?: (errors: FormErrors) => void;
}

/**
 * Runs a change to the deal and tells the employee how it went. A step refused for what it lacks names the
 * missing data in words ("passport, registration address") rather than codes.
 */
export function useDealRun(dealId: number) {
  const { t } = useTranslation();
  const action = useDealAction(dealId);
  const notify = useNotify();
  const errorText = useApiErrorText();
  const fieldErrors = useFieldErrors();
  const labels = useDealLabels();
  const run = async (
    path: string,
    body?: unknown,
    options: RunOptions & { method?: "POST" | "PATCH" | "PUT" | "DELETE" } = {},
  ): Promise<Deal | null> => {
    try {
      const deal = await action.mutateAsync({ path, body, method: options.method ?? "POST" });
      if (options.success) notify.success(options.success);
      return deal;
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === "step_incomplete") {
        const missing = error.fields.map((f) => labels.field(f.field as never)).join(", ");
        notify.error(`${t("deals.missing")}: ${missing}`);
      } else if (error instanceof ApiRequestError && error.fields.length && options.onFieldErrors) {
        options.onFieldErrors(fieldErrors.fromApi(error));
      } else notify.error(errorText(error));
      return null;
    }
  };
  return { run, busy: action.isPending };
}

const OVERSEERS = ["admin", "director", "sales_manager"];

/** Who may change what on the screen, as the server decides it (deals/dealState.ts mayWorkPanel). */
export function usePanelAccess(deal: Deal) {
  const user = useCurrentUser();
  return (panel: DealPanel, specialist = false): boolean => {
    if (deal.status !== "open" || !can(user, "deals.work")) return false;
    if (user.role === "admin" || user.role === "director") return true;
    const steps = deal.process?.steps.filter((s) => s.panel === panel) ?? [];
    const handedOff = steps.some((s) => s.handoff !== null);
    const named = steps.some(
      (s) => s.roles.includes(user.role) && (!specialist || !handedOff || s.handoff !== null),
    );
    if (specialist) return named;
    return named || deal.salespersonId === user.id || OVERSEERS.includes(user.role);
  };
}
