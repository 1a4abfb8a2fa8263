import type { Offer } from "@orbit/contracts";
import type { TFunction } from "i18next";
import type { Formatters } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An offer's parameters as the sentence shows them: dates and numbers in the interface language. */
export function offerParams(params: Offer["reason"]["params"], format: Formatters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] =
      typeof value === "number" ? format.number(value) : ISO_DATE.test(value) ? format.date(value) : value;
  }
  return out;
}

export function offerFamily(family: string, t: TFunction, name?: string | null): string {
  return hasKey(ru.offers.families, family) ? t(`offers.families.${family}`) : (name ?? family);
}

const SEGMENTS = ["new", "active", "loyal", "returning", "lapsed"];

/**
 * One of the model's reasons in plain words: "OSAGO ends in 12 days". A reason this app does not know
 * yet shows its code and numbers rather than nothing.
 */
export function modelReasonText(
  reason: { code: string; params: Record<string, unknown> },
  t: TFunction,
  format: Formatters,
): string {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(reason.params ?? {})) {
    if (key === "segment" && typeof value === "number") {
      const segment = SEGMENTS[value] ?? String(value);
      params[key] = hasKey(ru.segments, segment) ? t(`segments.${segment}`) : segment;
    } else if (typeof value === "number") params[key] = format.number(value);
    else if (typeof value === "string") params[key] = value;
  }
  if (hasKey(ru.modelReasons, reason.code)) {
    const sentence = t as unknown as (key: string, values: Record<string, string>) => string;
    return sentence(`modelReasons.${reason.code}`, params);
  }
  const details = Object.entries(params)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return details ? `${reason.code}: ${details}` : reason.code;
}

/**
 * Why to make the offer, as a sentence: "Kia Rio X: OSAGO ends 07.11.2026 — offer the renewal". A
 * reason the app does not know yet still says what it is about: the family and the parameters.
 */
export function describeOffer(offer: Offer, t: TFunction, format: Formatters): string {
  const params = offerParams(offer.reason.params, format);
  const code = offer.reason.code;
  if (hasKey(ru.offers.reasons, code)) {
    // The parameters come from the server and differ by reason: the sentence takes what it names.
    const sentence = t as unknown as (key: string, values: Record<string, string>) => string;
    return sentence(`offers.reasons.${code}`, params);
  }
  const details = Object.values(params).join(", ");
  const family = offerFamily(offer.family, t);
  return details ? `${family}: ${details}` : family;
}
