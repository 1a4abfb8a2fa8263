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
  /** A rate as a percentage: 0.129 is "12.9%". */
  percent(fraction: number): string;
  /** Roubles, whole: "950 000 ₽" / "₽950,000". */
  money(rub: number): string;
  /** A moment as a local calendar date: "21.10.2026". */
  day(iso: string): string;
  /** "November 2026" / "ноябрь 2026 г.". */
  monthYear(date: Date): string;
  /** How long ago, in days, months or years: "yesterday", "3 months ago". */
  ago(iso: string, now?: Date): string;
  /** A call's length: "7:14", "1:02:03". */
  duration(seconds: number): string;
  /** "in 14 minutes" / "через 14 минут". */
  inSeconds(seconds: number): string;
  /** A moment's local time of day: "10:00". */
  time(iso: string): string;
  /** A moment within the year, short: "25 нояб., 10:00" / "25 Nov, 10:00". */
  shortDateTime(iso: string): string;
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
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "RUB",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  });
  const day = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" });
  // A month on its own ("ноябрь", not the genitive "ноября") reads as a period.
  const monthYear = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const rate = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  const shortDateTime = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
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
    percent: (fraction) => rate.format(fraction),
    money: (rub) => money.format(Math.round(rub)),
    day: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : day.format(d);
    },
    monthYear: (d) => monthYear.format(d),
    ago: (iso, now = new Date()) => {
      const then = new Date(iso);
      // Calendar days, not 24-hour periods: last evening is "yesterday" this morning.
      const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      const days = Math.round((startOf(now) - startOf(then)) / 86_400_000);
      if (days < 31) return relative.format(-Math.max(0, days), "day");
      if (days < 365) return relative.format(-Math.floor(days / 30.44), "month");
      return relative.format(-Math.floor(days / 365.25), "year");
    },
    duration: (seconds) => {
      const s = Math.max(0, Math.round(seconds));
      const two = (n: number) => String(n).padStart(2, "0");
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
    },
    inSeconds: (seconds) =>
      seconds < 90
        ? relative.format(Math.max(1, Math.round(seconds)), "second")
        : relative.format(Math.ceil(seconds / 60), "minute"),
    time: (iso) => time.format(new Date(iso)),
    shortDateTime: (iso) => shortDateTime.format(new Date(iso)),
  };
}

/** Dates and numbers in the interface language, re-created when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formattersFor(i18n.language), [i18n.language]);
}
