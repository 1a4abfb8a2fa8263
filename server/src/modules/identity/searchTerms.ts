import type { GoldenRecord } from "@orbit/contracts";
import { cachedSkeleton } from "./matching/skeleton";

type Named = Pick<GoldenRecord, "kind" | "lastName" | "firstName" | "patronymic" | "companyName" | "inn">;

// Legal forms and quotes say nothing about which company it is.
const LEGAL_FORMS =
  /(^|\s)(ооо|ао|пао|зао|оао|ип|ooo|ao|llc|общество с ограниченной ответственностью|акционерное общество|индивидуальный предприниматель)(?=\s|$)/giu;

function words(text: string | null): string[] {
  return (text ?? "")
    .replace(/[«»"'„“”]/g, " ")
    .replace(LEGAL_FORMS, " ")
    .split(/[\s-]+/)
    .filter(Boolean);
}

/**
 * What name search looks in: the transliteration skeleton of every word of the name, so that "Иванов",
 * "IVANOV" and "Ivanov" (and "ivan" as a prefix of any) find the same client, plus the INN. Stored with
 * the golden record and indexed by trigrams; each word starts after a space so a prefix can be asked.
 */
export function searchTermsOf(g: Named): string {
  const names =
    g.kind === "company" ? words(g.companyName) : [g.lastName, g.firstName, g.patronymic].flatMap(words);
  const skeletons = names.map(cachedSkeleton).filter(Boolean);
  return ` ${[...skeletons, ...(g.inn ? [g.inn] : [])].join(" ")} `;
}

/** The surname's (or the company's first word's) skeleton: an exact-match key for the commonest search. */
export function nameKeyOf(g: Named): string | null {
  const first = g.kind === "company" ? words(g.companyName)[0] : words(g.lastName)[0];
  return first ? cachedSkeleton(first) || null : null;
}

/** The first name's skeleton: with the surname key, "Иванов Сергей" is one index range. */
export function firstKeyOf(g: Named): string | null {
  if (g.kind === "company") return null;
  const first = words(g.firstName)[0];
  return first ? cachedSkeleton(first) || null : null;
}

/** The search columns to store beside a golden record. */
export const searchColumns = (g: Named) => ({
  searchTerms: searchTermsOf(g),
  nameKey: nameKeyOf(g),
  firstKey: firstKeyOf(g),
});
