import { describe, expect, it } from "vitest";
import { buildLatinTokens, skeleton } from "./skeleton";
import { SCHEME_SAMPLES } from "./translitSamples";

describe("skeleton", () => {
  it.each([
    ["Иванов", "Ivanov", "Iwanow", "IVANOV"],
    ["Щеглова", "Shcheglova", "Scheglova", "Ščeglova"],
    ["Фёдор", "Федор", "Fyodor", "Fedor"],
    ["Артём", "Artyom", "Artiom", "Artem"],
    ["Юлия", "Yulia", "Julia", "Iuliia"],
    ["Наталья", "Natalya", "Natal'ya", "Nataliya"],
    ["Алексей", "Aleksey", "Alexei", "Aleksei"],
    ["Евгений", "Yevgeniy", "Evgeny", "Evgenii"],
    ["Хабибуллин", "Khabibullin", "Habibulin", "Khabibulin"],
    ["Чайковский", "Tchaikovsky", "Chaykovskiy", "Čajkovskij"],
    ["Цой", "Tsoy", "Tsoi", "Coj"],
    ["Смирнов", "Smirnov", "Smirnoff", "smirnov"],
    ["Ильин", "Ilyin", "Il'in", "Ilin"],
    ["Юрьевич", "Yurievich", "Yuryevich", "Iurevich"],
    ["Максим", "Maxim", "Maksim", "MAKSIM"],
  ])("collapses the spellings of %s", (...spellings) => {
    const keys = new Set(spellings.map(skeleton));
    expect([...keys]).toHaveLength(1);
  });

  it("keeps different names apart", () => {
    // (Юля and Юлия do collide: a lost и before я is also how schemes differ, and Юля is Юлия.)
    const names = [
      "Иванов",
      "Иванова",
      "Петров",
      "Сидоров",
      "Юлия",
      "Юрий",
      "Мария",
      "Марина",
      "Шишкин",
      "Чижов",
    ];
    expect(new Set(names.map(skeleton)).size).toBe(names.length);
  });

  it("agrees with the sample sentences of the iuliia schemes (except the French MVD 310 scheme)", () => {
    const samples = SCHEME_SAMPLES.filter(([scheme]) => scheme !== "mvd_310_fr");
    const misses = samples.filter(([, cyr, lat]) => skeleton(cyr) !== skeleton(lat));
    // Known miss: a Chukotka place name whose къо the Wikipedia scheme spells "kyo".
    expect(misses.map(([, cyr]) => cyr)).toEqual(["Мусийкъонгийкоте"]);
    expect(samples.length).toBeGreaterThan(100);
  });

  it("ignores case, punctuation and ё", () => {
    expect(skeleton("  Петров-Водкин ")).toBe(skeleton("петров водкин"));
    expect(skeleton("Семёнов")).toBe(skeleton("Семенов"));
    expect(skeleton("...")).toBe("");
  });

  it("derives its Latin tokens from the scheme data, majority-voted", () => {
    const tokens = buildLatinTokens();
    expect(tokens.get("zh")).toBe(tokens.get("ž"));
    expect(tokens.get("shch")).toBe(tokens.get("sch"));
    expect(tokens.get("j")).toBe("i"); // й in 8 schemes beats ж in 3
    expect(tokens.get("s")).toBe("s"); // с everywhere beats ц in Uzbek
    expect(tokens.has("ie")).toBe(false); // ICAO ъ and one-scheme contexts are not tokens
  });
});
