// Cyrillic to Latin for generated data only: the Latin spellings a client's foreign passport or e-mail
// address carries. Deliberately separate from the matching module's transliteration tables, so the
// matching benchmark is not scored against the very tables it matches with.

export type LatinScheme = "icao" | "informal";

// "а:a б:b ..." -> { а: "a", б: "b" }; an empty right side drops the letter.
const table = (pairs: string): Record<string, string> =>
  Object.fromEntries(pairs.split(" ").map((pair) => pair.split(":") as [string, string]));

// ICAO Doc 9303 (Russian international passports since 2013): Юлия -> IULIIA, Щеглов -> SHCHEGLOV.
const ICAO = table(
  "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh " +
    "ц:ts ч:ch ш:sh щ:shch ъ:ie ы:y ь: э:e ю:iu я:ia",
);

// What people choose for themselves in e-mail addresses and social profiles: Юлия -> Yulia,
// Алексей -> Aleksey, Дмитрий -> Dmitriy, Наталья -> Natalya.
const INFORMAL = { ...ICAO, ...table("ё:yo й:y щ:sch ъ: ю:yu я:ya") };

const INFORMAL_ENDINGS: [RegExp, string][] = [
  [/ия$/, "ia"],
  [/ий$/, "iy"],
  [/ый$/, "y"],
];

function translit(word: string, table: Record<string, string>): string {
  let out = "";
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

// Generated names come from short lists, so most calls repeat; the cap keeps typo'd variants from growing
// the cache without bound.
const cache = { icao: new Map<string, string>(), informal: new Map<string, string>() };
const CACHE_LIMIT = 20_000;

export function toLatin(text: string, scheme: LatinScheme): string {
  const hit = cache[scheme].get(text);
  if (hit !== undefined) return hit;
  const latin = scheme === "icao" ? translit(text, ICAO) : informal(text);
  if (cache[scheme].size < CACHE_LIMIT) cache[scheme].set(text, latin);
  return latin;
}

function informal(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    for (const [ending, latin] of INFORMAL_ENDINGS) {
      if (ending.test(word.toLowerCase())) {
        const stem = word.slice(0, -2);
        const tail = word.slice(-2) === word.slice(-2).toUpperCase() ? latin.toUpperCase() : latin;
        return translit(stem, INFORMAL) + tail;
      }
    }
    return translit(word, INFORMAL);
  });
}
