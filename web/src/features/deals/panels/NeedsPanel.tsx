import { Stack } from "@mantine/core";
import type { MatchResponse } from "@orbit/contracts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMatchStock } from "../../stock/api";
import { MatchList } from "../../stock/MatchList";
import { NeedsForm } from "../../stock/NeedsForm";
import type { PanelProps } from "./types";

/**
 * The client's needs and the cars that fit them, from any brand and dealership, new or used; choosing one
 * reserves it for the deal. Used by the needs step and the car step alike.
 */
export function NeedsPanel({
  deal,
  run,
  busy,
  editable,
  withForm = true,
}: PanelProps & { withForm?: boolean }) {
  const { t } = useTranslation();
  const match = useMatchStock();
  const [result, setResult] = useState<MatchResponse | null>(null);
  const find = (needs: NonNullable<typeof deal.needs>) =>
    match.mutate({ needs, dealId: deal.id }, { onSuccess: setResult });
  // The car step shows the matches for the needs already recorded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per deal and needs
  useEffect(() => {
    if (deal.needs && !withForm) find(deal.needs);
  }, [deal.id, JSON.stringify(deal.needs), withForm]);
  return (
    <Stack gap="md">
      {withForm && (
        <NeedsForm
          initial={deal.needs}
          tradeInRub={deal.tradeIn.acceptedRub ?? deal.tradeIn.appraisals[0]?.valueRub ?? null}
          busy={busy || match.isPending}
          disabled={!editable}
          submitLabel={editable ? t("stock.needs.find") : undefined}
          onSubmit={async (needs) => {
            if (editable) await run("", { needs }, { method: "PATCH", success: t("deals.needsSaved") });
            find(needs);
          }}
        />
      )}
      {result && (
        <MatchList
          result={result}
          chosenId={deal.vehicle?.id ?? null}
          busy={busy}
          {...(editable
            ? {
                onChoose: (id: number) =>
                  void run(
                    "",
                    { stockVehicleId: id },
                    { method: "PATCH", success: t("deals.vehicle.chosen") },
                  ),
              }
            : {})}
        />
      )}
    </Stack>
  );
}
