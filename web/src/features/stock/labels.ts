import type { MatchReason, StockVehicle } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

export const STATUS_COLOR: Record<StockVehicle["status"], string> = {
  in_transit: "yellow",
  in_stock: "teal",
  reserved: "orbit",
  sold: "gray",
};

/** Stock words in the interface language; an unknown code as it comes. */
export function useStockLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  // Keys built from a server code: checked against the Russian table, then looked up loosely.
  const loose = t as unknown as (key: string, values?: Record<string, string>) => string;
  const pick = (group: keyof typeof ru.stock, value: string): string =>
    hasKey(ru.stock[group] as Record<string, unknown>, value) ? loose(`stock.${group}.${value}`) : value;
  const body = (v: string) => pick("bodyTypes", v);
  const comfort = (v: string) => pick("comfort", v);
  return {
    status: (v: string) => pick("statuses", v),
    condition: (v: string) => pick("conditions", v),
    body,
    drive: (v: string) => pick("drives", v),
    fuel: (v: string) => pick("fuels", v),
    comfort,
    car: (v: Pick<StockVehicle, "make" | "model" | "year">) => `${v.make} ${v.model}, ${v.year}`,
    specs: (v: StockVehicle) =>
      [
        body(v.bodyType),
        t("stock.seats", { count: v.seats }),
        pick("drives", v.drive),
        t("stock.clearance", { mm: v.groundClearanceMm }),
        comfort(v.comfortClass),
        v.condition === "used" ? t("stock.mileage", { km: format.number(v.mileageKm) }) : null,
      ]
        .filter(Boolean)
        .join(" · "),
    /** A stock file's refused value, in words. */
    rejection: (r: { field: string; code: string; value: string; message: string }) => ({
      field: hasKey(ru.stock.import.fields, r.field) ? loose(`stock.import.fields.${r.field}`) : r.field,
      reason: hasKey(ru.stock.import.reasons, r.code)
        ? loose(`stock.import.reasons.${r.code}`, { value: r.value })
        : r.message,
    }),
    /** Why a car fits, with its codes and sums put in words. */
    reason: (r: MatchReason) => {
      const p: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.params)) {
        if (k === "body") p[k] = body(String(v));
        else if (k === "comfort") p[k] = comfort(String(v));
        else if (["monthly", "headroom", "tradeIn"].includes(k)) p[k] = format.money(Number(v));
        else if (typeof v === "number" && k !== "year") p[k] = format.number(v);
        else p[k] = String(v);
      }
      return hasKey(ru.stock.reasons, r.code) ? loose(`stock.reasons.${r.code}`, p) : r.code;
    },
  };
}
