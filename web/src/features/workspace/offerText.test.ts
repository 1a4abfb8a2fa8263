import type { Offer } from "@orbit/contracts";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { formattersFor } from "../../i18n/format";
import { ru } from "../../i18n/ru";
import { describeOffer } from "./offerText";

const offer = (code: string, params: Offer["reason"]["params"], family: Offer["family"] = "maintenance") =>
  ({
    family,
    vehicleId: 1,
    reason: { code, params },
    dueOn: null,
    expectedValueRub: 15_000,
    probability: null,
    source: "rules",
  }) satisfies Offer;

async function translator(lng: "ru" | "en") {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe("offer reasons", () => {
  it("reads a known reason as a sentence with its dates and numbers in the interface language", async () => {
    const t = await translator("ru");
    const format = formattersFor("ru");
    const km = offer("maintenance_due_km", {
      car: "Kia Rio X",
      km: 182155,
      sinceKm: 14020,
      since: "2025-11-24",
    });
    expect(describeOffer(km, t, format)).toBe(
      "Kia Rio X: пробег около 182\u00a0155 км, с 24.11.2025 проехал 14\u00a0020 км — пора на ТО",
    );
    const osago = offer("osago_ended", { car: "Kia Rio X", on: "2026-11-07" }, "insurance_renewal");
    expect(describeOffer(osago, await translator("en"), formattersFor("en"))).toBe(
      "Kia Rio X: OSAGO ended 07/11/2026 — the car is uninsured",
    );
  });

  it("still says what an unknown reason is about", async () => {
    const t = await translator("en");
    const unknown = offer("kasko_upgrade", { car: "Haval Jolion", on: "2027-01-15" }, "insurance_renewal");
    expect(describeOffer(unknown, t, formattersFor("en"))).toBe(
      "Insurance renewal: Haval Jolion, 15/01/2027",
    );
    expect(describeOffer(offer("something_new", {}, "tyres"), t, formattersFor("en"))).toBe("Tyres");
  });
});
