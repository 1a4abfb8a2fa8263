import type { Locale } from "@orbit/contracts";

export type GreetingKey =
  | "home.greetingMorning"
  | "home.greetingDay"
  | "home.greetingEvening"
  | "home.greetingNight";

export function greetingKey(hour: number): GreetingKey {
  if (hour >= 5 && hour < 12) return "home.greetingMorning";
  if (hour >= 12 && hour < 18) return "home.greetingDay";
  if (hour >= 18 && hour < 23) return "home.greetingEvening";
  return "home.greetingNight";
}

/**
 * How to address a colleague. Full names are stored "First Patronymic Last"; in Russian business
 * address that is first name and patronymic ("Андрей Викторович"), in English the first name.
 */
export function addressName(fullName: string, locale: Locale): string {
  const parts = fullName.trim().split(/\s+/);
  if (locale === "ru" && parts.length === 3) return `${parts[0]} ${parts[1]}`;
  return parts[0] ?? fullName;
}
