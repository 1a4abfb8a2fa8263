import type { SearchResult } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { markWithin, markWords, matchedValue, nameSegments, type Segment } from "./searchMatch";

const result = (matchedOn: SearchResult["matchedOn"], matched: string): SearchResult => ({
  clientId: 1,
  kind: "person",
  displayName: "Андреев Евгений Сергеевич",
  segment: "active",
  blocked: false,
  birthDate: null,
  primaryPhone: null,
  homeDealershipId: null,
  matchedOn,
  matched,
});

/** Segments written as text with the hit in brackets: "+7 916 123-[45-67]". */
const show = (segments: Segment[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join("");

describe("the matched part of a search result", () => {
  it("marks a phone typed in any form inside the formatted number", () => {
    const phone = result("phone", "+79161234567");
    expect(show(matchedValue(phone, "8 (916) 123-45-67"))).toBe("+[7 916 123-45-67]");
    expect(show(matchedValue(phone, "+7 916 1234567"))).toBe("+[7 916 123-45-67]");
    expect(show(matchedValue(phone, "9161234567"))).toBe("+7 [916 123-45-67]");
    expect(show(matchedValue(phone, "4567"))).toBe("+7 916 123-[45-67]");
  });

  it("prefers the end of a VIN and folds look-alike letters in plates", () => {
    expect(show(matchedValue(result("vin", "Z94C351B5ML140795"), "140795"))).toBe("Z94C351B5ML[140795]");
    // A Latin "K" and "PM" typed for the Cyrillic plate letters.
    expect(show(matchedValue(result("plate", "К202РМ777"), "k202pm"))).toBe("[К 202 РМ] 777");
  });

  it("shows e-mails, INNs and passports as stored or printed, with the typed part", () => {
    expect(show(matchedValue(result("email", "ivan@mail.ru"), "ivan@ma"))).toBe("[ivan@ma]il.ru");
    expect(show(matchedValue(result("inn", "7707083893"), "7707083893"))).toBe("[7707083893]");
    expect(show(matchedValue(result("document", "4509123456"), "4509 123456"))).toBe("[45 09 123456]");
  });

  it("marks the beginnings of name words, ignoring case and ё", () => {
    expect(show(markWords("Артём Ёлкин", "артем ел"))).toBe("[Артём] [Ёл]кин");
    expect(show(nameSegments(result("name", "Андреев Евгений Сергеевич"), "андр евг"))).toBe(
      "[Андр]еев [Евг]ений Сергеевич",
    );
    // A Latin query for a Cyrillic name, spelled as in a passport.
    expect(show(nameSegments(result("name", "Андреев Евгений Сергеевич"), "andreev evg"))).toBe(
      "[Андреев] [Евг]ений Сергеевич",
    );
    expect(show(markWords("Кузнецов Иванович", "kuznets ivanov"))).toBe("[Кузнец]ов [Иванов]ич");
    // Another spelling than the passport's: found by the server, but nothing to mark.
    expect(show(markWords("Воробьёв", "vorobyov"))).toBe("Воробьёв");
    expect(show(nameSegments(result("phone", "+79161234567"), "андр"))).toBe("Андреев Евгений Сергеевич");
  });

  it("leaves the value unmarked when the query is not in it", () => {
    expect(markWithin("+7 916 123-45-67", "0000")).toEqual([{ text: "+7 916 123-45-67", hit: false }]);
    expect(markWithin("abc", "")).toEqual([{ text: "abc", hit: false }]);
  });
});
