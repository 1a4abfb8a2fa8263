import { useMemo } from "react";
import { useTranslation } from "react-i18next";

// English users here are in Russia: day-month order and a 24-hour clock read better than US formats.
const INTL_LOCALES: Record<string, string> = { ru: "ru-RU", en: "en-GB" };

export interface Formatters {
  dateTime(iso: string): string;
  /** With seconds: for histories where several changes happen within a minute. */
  moment(iso: string): string;
  /** A calendar date without a time ("1979-03-02"), the same everywhere whatever the time zone. */
  date(isoDate: string): string;
  /** A probability as a percentage, rounded down: 0.99995 is "99.9%", never a promised "100%". */
  probability(p: number): string;
  longDate(date: Date): string;
  number(value: number): string;
  /** "in 14 minutes" / "через 14 минут". */
  inSeconds(seconds: number): string;
}

export function formattersFor(language: string): Formatters {
  const locale = INTL_LOCALES[language] ?? language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const longDate = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const date = new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    moment: (iso) => moment.format(new Date(iso)),
    date: (isoDate) => {
      const d = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : date.format(d);
    },
    probability: (p) => percent.format(Math.floor(p * 1000) / 1000),
    longDate: (d) => longDate.format(d),
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
