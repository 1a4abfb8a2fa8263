import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ru } from "./ru";

const languages = { ru, en } as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Keys with the plural suffix removed: "staff.count_few" and "staff.count_one" are both "staff.count". */
function baseKeys(messages: Map<string, unknown>): Set<string> {
  return new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, "")));
}

function variables(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? "").sort();
}

const flat = { ru: flatten(ru), en: flatten(en) };

describe("translations", () => {
  it("every key in ru exists in en and vice versa", () => {
    const ruKeys = baseKeys(flat.ru);
    const enKeys = baseKeys(flat.en);
    expect(
      [...ruKeys].filter((k) => !enKeys.has(k)),
      "missing in en",
    ).toEqual([]);
    expect(
      [...enKeys].filter((k) => !ruKeys.has(k)),
      "missing in ru",
    ).toEqual([]);
  });

  it("has no empty or non-string messages", () => {
    for (const [lang, messages] of Object.entries(flat)) {
      const bad = [...messages].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
      expect(bad, `empty in ${lang}`).toEqual([]);
    }
  });

  it("gives every plural key all the forms the language needs", () => {
    for (const lang of Object.keys(languages) as (keyof typeof languages)[]) {
      const keys = [...flat[lang].keys()];
      const plurals = new Set(
        keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, "")),
      );
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        const missing = categories.filter((c) => !flat[lang].has(`${base}_${c}`));
        expect(missing, `${lang}: ${base}`).toEqual([]);
      }
    }
  });

  it("uses the same {{variables}} in both languages", () => {
    const byBase = (lang: "ru" | "en") => {
      const out = new Map<string, Set<string>>();
      for (const [key, text] of flat[lang]) {
        const base = key.replace(PLURAL_SUFFIX, "");
        const set = out.get(base) ?? new Set<string>();
        for (const v of variables(text)) set.add(v);
        out.set(base, set);
      }
      return out;
    };
    const ruVars = byBase("ru");
    const enVars = byBase("en");
    for (const [key, vars] of ruVars) {
      expect([...(enVars.get(key) ?? [])].sort(), key).toEqual([...vars].sort());
    }
  });
});
