import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PanelProps } from "./types";

/** For a deal that sells no car from stock: which of the client's own cars is insured or financed. */
export function ClientCarSelect({ deal, run, editable }: PanelProps) {
  const { t } = useTranslation();
  if (deal.vehicle) return null;
  return (
    <Select
      label={t("deals.clientCar")}
      placeholder={deal.clientCars.length ? undefined : t("deals.noClientCars")}
      data={deal.clientCars.map((c) => ({ value: String(c.id), label: c.label }))}
      value={deal.clientVehicleId === null ? null : String(deal.clientVehicleId)}
      onChange={(v) => void run("", { clientVehicleId: v ? Number(v) : null }, { method: "PATCH" })}
      disabled={!editable || deal.clientCars.length === 0}
      maw={480}
    />
  );
}
