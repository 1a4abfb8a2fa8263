import type { Offer } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { describeOffer, offerFamily } from "./offerText";

/**
 * The card's vocabulary in the interface language. Kinds, statuses and outcomes come from the server
 * and grow with it: a value not known here is shown as it is.
 */
export function useCardLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  const c = ru.card;
  return {
    channel: (v: string) => (hasKey(c.channels, v) ? t(`card.channels.${v}`) : v),
    direction: (v: string) => (hasKey(c.directions, v) ? t(`card.directions.${v}`) : v),
    /** "reached", "no_answer", "nps:9"... */
    outcome: (v: string) => {
      const nps = /^nps:(\d+)$/.exec(v);
      if (nps) return t("card.nps", { score: nps[1] });
      return hasKey(c.outcomes, v) ? t(`card.outcomes.${v}`) : v;
    },
    dealKind: (v: string) => (hasKey(c.dealKinds, v) ? t(`card.dealKinds.${v}`) : v),
    dealStatus: (v: string) => (hasKey(c.dealStatuses, v) ? t(`card.dealStatuses.${v}`) : v),
    leadSource: (v: string) => (hasKey(c.leadSources, v) ? t(`card.leadSources.${v}`) : v),
    workOrderKind: (v: string) => (hasKey(c.workOrderKinds, v) ? t(`card.workOrderKinds.${v}`) : v),
    workOrderStatus: (v: string) => (hasKey(c.workOrderStatuses, v) ? t(`card.workOrderStatuses.${v}`) : v),
    bookingChannel: (v: string) => (hasKey(c.bookingChannels, v) ? t(`card.bookingChannels.${v}`) : v),
    vehicleRole: (v: string) => (hasKey(c.vehicleRoles, v) ? t(`card.vehicleRoles.${v}`) : v),
    policyKind: (v: string) => (hasKey(c.policyKinds, v) ? t(`card.policyKinds.${v}`) : v),
    offerFamily: (v: string) => offerFamily(v, t),
    offerSource: (v: string) => (hasKey(c.offerSources, v) ? t(`card.offerSources.${v}`) : v),
    offerReason: (offer: Offer) => describeOffer(offer, t, format),
  };
}

/** The colour of an outcome: a reached client or a high NPS is good news, a missed call is not. */
export function outcomeColor(outcome: string): string {
  const nps = /^nps:(\d+)$/.exec(outcome);
  if (nps) {
    const score = Number(nps[1]);
    return score >= 9 ? "teal" : score >= 7 ? "yellow" : "red";
  }
  if (outcome === "no_answer") return "orange";
  if (outcome === "call_later") return "yellow";
  if (outcome === "refused" || outcome === "wrong_number") return "red";
  return "teal";
}

const DAY = 86_400_000;

/** Whole days from today to a calendar date ("2026-12-31"); negative once it has passed. */
export function daysUntil(isoDate: string, today: Date = new Date()): number {
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - start) / DAY);
}

/** Policies and credits ending this soon are highlighted: the renewal window of the contact standards. */
export const ENDING_SOON_DAYS = 45;

/** The parts that are there, in one line: "12.01.2026 · Звонок · Иванов". */
export function joinParts(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join(" · ");
}
