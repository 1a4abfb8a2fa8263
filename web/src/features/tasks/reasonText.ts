import type { TFunction } from "i18next";
import type { Formatters } from "../../i18n/format";
import { hasKey } from "../../i18n/lookup";
import { ru } from "../../i18n/ru";
import { modelReasonText, offerFamily } from "../workspace/offerText";

export interface Reason {
  code: string;
  params: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Sentence = (key: string, values: Record<string, string>) => string;

/** A car class the web site names ("sedan"), in the sentence's words; an unknown one as it comes. */
export function carSegment(value: string, t: TFunction): string {
  return hasKey(ru.tasks.carSegments, value) ? t(`tasks.carSegments.${value}`) : value;
}

/** What a web request is about ("test_drive"); an unknown topic as it comes. */
export function requestTopic(value: string, t: TFunction): string {
  return hasKey(ru.tasks.topics, value) ? t(`tasks.topics.${value}`) : value;
}

function scalar(key: string, value: unknown, t: TFunction, format: Formatters): string | null {
  if (key === "probability" && typeof value === "number") return format.probability(value);
  if ((key === "expectedRub" || key === "valueRub") && typeof value === "number") return format.money(value);
  if (key === "reasons" && value && typeof value === "object" && "code" in value)
    return modelReasonText(value as { code: string; params: Record<string, unknown> }, t, format);
  if (typeof value === "number") return format.number(value);
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value !== "string" || value.trim() === "") return null;
  if (ISO_DATE.test(value)) return format.date(value);
  if (ISO_MOMENT.test(value) && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
  if (key === "segment") return carSegment(value, t);
  if (key === "topic") return requestTopic(value, t);
  if (key === "family") return offerFamily(value, t);
  return value;
}

/**
 * A reason's parameters as the sentence shows them: numbers and dates in the interface language, lists
 * joined, car classes and request topics translated. Nested objects (a web request's whole content) are
 * not part of a sentence and are left out.
 */
export function reasonParams(
  params: Record<string, unknown>,
  t: TFunction,
  format: Formatters,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const text = Array.isArray(value)
      ? value
          .map((v) => scalar(key, v, t, format))
          .filter(Boolean)
          .join(", ") || null
      : scalar(key, value, t, format);
    if (text !== null) out[key] = text;
  }
  return out;
}

/** "maintenance_due_km" as a short title ("Maintenance by mileage"); an unknown code made readable. */
export function reasonTitle(code: string, t: TFunction): string {
  if (hasKey(ru.tasks.reasonTitles, code)) return t(`tasks.reasonTitles.${code}`);
  const words = code.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}

/**
 * Why to call, as a sentence: "Kia Rio X: OSAGO ends 07/11/2026 — offer the renewal". Task-only reasons
 * (after delivery, web behaviour) are in `tasks.reasons`, the ones tasks share with the card's offers in
 * `offers.reasons`. A code the app does not know yet, or a sentence whose parameters did not come, still
 * says what it is about: the title and the parameters there are.
 */
export function describeReason(reason: Reason, t: TFunction, format: Formatters): string {
  const params = reasonParams(reason.params, t, format);
  const sentence = t as unknown as Sentence;
  const key = hasKey(ru.tasks.reasons, reason.code)
    ? `tasks.reasons.${reason.code}`
    : hasKey(ru.offers.reasons, reason.code)
      ? `offers.reasons.${reason.code}`
      : null;
  if (key) {
    const text = sentence(key, params);
    // i18next leaves a missing parameter as "{{name}}": better the plain form than a template.
    if (!text.includes("{{")) return text;
  }
  const details = Object.values(params).join(", ");
  const title = reasonTitle(reason.code, t);
  return details ? `${title}: ${details}` : title;
}

/**
 * A call made from a task is on the timeline as "<reason code>" or "<reason code>: <note>": shown with
 * the reason's title. Any other subject is data and is shown as it is.
 */
export function timelineSubject(subject: string, t: TFunction): string {
  const m = /^([a-z][a-z0-9_]*)(?:: ([\s\S]*))?$/.exec(subject);
  if (!m?.[1] || !(hasKey(ru.tasks.reasonTitles, m[1]) || hasKey(ru.offers.reasons, m[1]))) return subject;
  const title = reasonTitle(m[1], t);
  return m[2] ? `${title}: ${m[2]}` : title;
}
