import { useMemo } from "react";
import { useTranslation } from "react-i18next";

// English users here are in Russia: day-month order and a 24-hour clock read better than US formats.
const INTL_LOCALES: Record<string, string> = { ru: "ru-RU", en: "en-GB" };

export interface Formatters {
  dateTime(iso: string): string;
  longDate(date: Date): string;
  number(value: number): string;
  /** "in 14 minutes" / "через 14 минут". */
  inSeconds(seconds: number): string;
}

export function formattersFor(language: string): Formatters {
  const locale = INTL_LOCALES[language] ?? language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const longDate = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long" });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    longDate: (date) => longDate.format(date),
    number: (value) => number.format(value),
    inSeconds: (seconds) =>
      seconds < 90
        ? relative.format(Math.max(1, Math.round(seconds)), "second")
        : relative.format(Math.ceil(seconds / 60), "minute"),
  };
}

/** Dates and numbers in the interface language, re-created when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formattersFor(i18n.language), [i18n.language]);
}
