// Patronymics from a father's first name, by the rules of Russian grammar (Rosenthal's handbook). The
// demo name lists are built with this and then checked against patronymics counted in real records
// (see data/build-names.ts), so a wrong rule shows up there rather than in a client's card.

export type Gender = "m" | "f";

// Names whose patronymics are irregular or ancient: the -а/-я names of Russian origin that take -ич,
// and those whose stem changes (Лев -> Львович, Павел -> Павлович, Михаил -> Михайлович).
const IRREGULAR: Record<string, [string, string]> = {
  Илья: ["Ильич", "Ильинична"],
  Никита: ["Никитич", "Никитична"],
  Фома: ["Фомич", "Фоминична"],
  Кузьма: ["Кузьмич", "Кузьминична"],
  Лука: ["Лукич", "Лукинична"],
  Савва: ["Саввич", "Саввична"],
  Лев: ["Львович", "Львовна"],
  Павел: ["Павлович", "Павловна"],
  Пётр: ["Петрович", "Петровна"],
  Петр: ["Петрович", "Петровна"],
  Яков: ["Яковлевич", "Яковлевна"],
  Михаил: ["Михайлович", "Михайловна"],
};

// Old Russian names in -а that take the ordinary -ович.
const A_TO_OVICH = new Set(["Данила", "Гаврила"]);

const CONSONANT = /[бвгджзйклмнпрстфхцчшщ]/;

function forms(stem: string, hard: boolean): [string, string] {
  return hard ? [`${stem}ович`, `${stem}овна`] : [`${stem}евич`, `${stem}евна`];
}

function bothForms(name: string): [string, string] {
  const irregular = IRREGULAR[name];
  if (irregular) return irregular;
  if (A_TO_OVICH.has(name)) return forms(name.slice(0, -1), true);
  if (name.endsWith("ий")) {
    const stem = name.slice(0, -2);
    // Дмитрий -> Дмитриевич, Георгий -> Георгиевич; Юрий -> Юрьевич, Евгений -> Евгеньевич; and -нтий,
    // though a cluster, is written with ь: Иннокентьевич, Викентьевич, Леонтьевич.
    const cluster =
      CONSONANT.test(stem.slice(-1)) && CONSONANT.test(stem.slice(-2, -1)) && !stem.endsWith("нт");
    return forms(cluster ? `${stem}и` : `${stem}ь`, false);
  }
  // Сергей -> Сергеевич, Николай -> Николаевич: the й becomes part of -евич.
  if (/[еаоу]й$/.test(name)) return forms(name.slice(0, -1), false);
  // Игорь -> Игоревич, Эмиль -> Эмилевич.
  if (name.endsWith("ь")) return forms(name.slice(0, -1), false);
  // Муса -> Мусаевич, Абдулла -> Абдуллаевич: the Turkic and Arabic -а names keep their vowel.
  if (/[ая]$/.test(name)) return forms(name, false);
  // After ж, ш, ч, щ and ц Russian spelling wants е, not о (Януш -> Янушевич).
  if (/[жшчщц]$/.test(name)) return forms(name, false);
  return forms(name, true);
}

/** The patronymic a son ("m") or daughter ("f") of a man named fatherName carries. */
export function derivePatronymic(fatherName: string, gender: Gender): string {
  const [son, daughter] = bothForms(fatherName);
  return gender === "m" ? son : daughter;
}
