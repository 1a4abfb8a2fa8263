// Keys next to each other on the Russian ЙЦУКЕН and the Latin QWERTY layouts, for generating the typing
// errors staff make. Each row sits half a key right of the one above, so a key touches two keys above
// and two below.
const ROWS = [
  ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"],
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
];

const NEIGHBOURS = new Map<string, string>();
for (const rows of ROWS) {
  rows.forEach((row, r) => {
    [...row].forEach((key, i) => {
      const near = [
        row[i - 1],
        row[i + 1],
        rows[r - 1]?.[i],
        rows[r - 1]?.[i + 1],
        rows[r + 1]?.[i - 1],
        rows[r + 1]?.[i],
      ];
      NEIGHBOURS.set(key, near.filter((k): k is string => k !== undefined).join(""));
    });
  });
}

/** Keys adjacent to a letter (lower case), or "" for a character on neither layout. */
export function adjacentKeys(letter: string): string {
  return NEIGHBOURS.get(letter.toLowerCase()) ?? "";
}
