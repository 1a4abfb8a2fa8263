import { describe, expect, it } from "vitest";
import { decodePriceList, PriceListError, parsePriceList, parseRoubles } from "./priceList";

describe("ERP price lists", () => {
  it("reads a 1C export: semicolons, Russian headers, decimal commas, spaces in thousands", () => {
    const text =
      "Артикул;Наименование;Производитель;Ед.;Цена\n15208-65F0C;Фильтр масляный;Nissan;шт;1 234,50\n 0888080845 ;Масло моторное 5W-30, 4 л;Toyota;л;5890\n";
    const { rows, rejected } = parsePriceList(text);
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { article: "15208-65F0C", name: "Фильтр масляный", brand: "Nissan", unit: "шт", priceKopecks: 123_450 },
      {
        article: "0888080845",
        name: "Масло моторное 5W-30, 4 л",
        brand: "Toyota",
        unit: "л",
        priceKopecks: 589_000,
      },
    ]);
  });

  it("reads English headers and commas, with quoted names", () => {
    const { rows } = parsePriceList('Part number,Description,Price\nABC-1,"Pad, brake front",2500.5\n');
    expect(rows).toEqual([
      { article: "ABC-1", name: "Pad, brake front", brand: null, unit: "шт", priceKopecks: 250_050 },
    ]);
  });

  it("rejects bad rows with the line and the reason, keeps the rest, and the last of a repeated article", () => {
    const text =
      "Артикул;Наименование;Цена\nA1;Свеча;350\n;Без артикула;10\nA2;Колодки;по запросу\nA1;Свеча зажигания;360\n";
    const { rows, rejected } = parsePriceList(text);
    expect(rows.map((r) => [r.article, r.priceKopecks])).toEqual([["A1", 36_000]]);
    expect(rejected).toEqual([
      { line: 3, reason: "no article" },
      { line: 4, reason: 'A2: price "по запросу" is not a number of roubles' },
    ]);
  });

  it("says which columns are missing", () => {
    expect(() => parsePriceList("Код;Товар\n1;2\n")).toThrow(PriceListError);
    expect(() => parsePriceList("Код;Товар\n1;2\n")).toThrow(/name, price/);
  });

  it("reads Windows-1251 bytes as well as UTF-8", () => {
    // "Цена" in Windows-1251.
    expect(decodePriceList(new Uint8Array([0xd6, 0xe5, 0xed, 0xe0]))).toBe("Цена");
    expect(decodePriceList(new TextEncoder().encode("Цена"))).toBe("Цена");
  });

  it("reads roubles as typed", () => {
    expect(parseRoubles("1 234,5 ₽")).toBe(123_450);
    expect(parseRoubles("99")).toBe(9_900);
    expect(parseRoubles("-5")).toBeNull();
    expect(parseRoubles("1.234.5")).toBeNull();
  });
});
