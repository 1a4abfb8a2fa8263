// Plural forms differ by language (Russian has "few" and "many", English does not), so those may be absent.
type ExtraPluralForm = `${string}_${"zero" | "two" | "few" | "many"}`;

/** The shape of a translation: the Russian keys, every string a string, the extra plural forms optional. */
export type Messages<T> = {
  [K in keyof T as K extends ExtraPluralForm ? never : K]: T[K] extends string ? string : Messages<T[K]>;
} & { [K in keyof T as K extends ExtraPluralForm ? K : never]?: string };
