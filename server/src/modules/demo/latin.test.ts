import { describe, expect, it } from "vitest";
import { toLatin } from "./latin";

describe("toLatin", () => {
  it.each([
    ["Юлия Щеглова", "Iuliia Shcheglova"],
    ["ИВАНОВ", "IVANOV"],
    ["Артём Краевой", "Artem Kraevoi"],
    ["Андрей Видный", "Andrei Vidnyi"],
    ["Подъячев", "Podieiachev"],
  ])("ICAO 9303: %s -> %s", (cyr, lat) => {
    expect(toLatin(cyr, "icao")).toBe(lat);
  });

  it.each([
    ["Юлия", "Yulia"],
    ["Алексей", "Aleksey"],
    ["Дмитрий", "Dmitriy"],
    ["Наталья", "Natalya"],
    ["Ковалёв", "Kovalyov"],
    ["Щукин", "Schukin"],
    ["Красный", "Krasny"],
  ])("informal: %s -> %s", (cyr, lat) => {
    expect(toLatin(cyr, "informal")).toBe(lat);
  });
});
