import { describe, expect, it } from "vitest";
import type { NameComparisonSpec } from "../types";
import { nameKind } from "./name";

const spec: NameComparisonSpec = { name: "n", field: "n", kind: "name", initials: true };
const labels = nameKind.levels(spec).labels;

function label(a: string | null, b: string | null, s: NameComparisonSpec = spec) {
  const prepared = nameKind.prepare(s, [{ n: a }, { n: b }], new Map());
  const level = prepared.level(0, 1);
  return level === 0 ? "missing" : nameKind.levels(s).labels[level - 1];
}

describe("name comparison", () => {
  it("has the documented levels", () => {
    expect(labels).toEqual([
      "exact",
      "same transliteration",
      "Jaro-Winkler >= 0.92",
      "Jaro-Winkler >= 0.88",
      "Jaro-Winkler >= 0.70",
      "initial only",
      "different",
    ]);
  });

  it("tells the levels apart", () => {
    expect(label("Иванов", "ИВАНОВ")).toBe("exact");
    expect(label("Семёнов", "Семенов")).toBe("exact");
    expect(label("Иванов", "Ivanov")).toBe("same transliteration");
    expect(label("Щеглова", "Shcheglova")).toBe("same transliteration");
    expect(label("Иванов", "Иваннов")).toBe("same transliteration"); // doubled letters collapse
    expect(label("Иванов", "Ивнов")).toBe("Jaro-Winkler >= 0.92");
    expect(label("Петрович", "П.")).toBe("initial only");
    expect(label("Петрович", "С")).toBe("different");
    expect(label("Иванов", "Сидоров")).toBe("different");
    expect(label("Иванов", null)).toBe("missing");
    expect(label("Иванов", "...")).toBe("missing");
  });

  it("treats a lone initial as different unless the spec asks for initials", () => {
    expect(label("Петрович", "П", { ...spec, initials: false })).toBe("different");
  });

  it("marks the exact and transliteration levels for term-frequency adjustment only when asked", () => {
    expect(nameKind.levels({ ...spec, termFrequency: true }).termFrequency.slice(0, 3)).toEqual([
      true,
      true,
      false,
    ]);
    expect(nameKind.levels(spec).termFrequency.some(Boolean)).toBe(false);
  });

  it("shares one dictionary between name fields so that crossed fields can be compared", () => {
    const shared = new Map();
    const records = [
      { last: "Иванов", first: "Иван" },
      { last: "Иван", first: "Иванов" },
    ];
    const last = nameKind.prepare({ name: "last", field: "last", kind: "name" }, records, shared);
    const first = nameKind.prepare({ name: "first", field: "first", kind: "name" }, records, shared);
    expect(last.entryLevel(last.entries[0]!, first.entries[1]!)).toBe(1);
    expect(last.sameSkeleton(last.entries[0]!, first.entries[1]!)).toBe(true);
    expect(last.tfKey(0)).toBe(first.tfKey(1));
  });
});
