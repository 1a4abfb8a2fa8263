// ERP price lists of parts as CSV: 1C and most ERPs export "Артикул;Наименование;Производитель;Ед.;Цена"
// in Windows-1251 with decimal commas; others UTF-8 with English headers. Orbit reads both.
import { parse } from "csv-parse/sync";

export interface PriceRow {
  article: string;
  name: string;
  brand: string | null;
  unit: string;
  priceKopecks: number;
}

export interface PriceListParse {
  rows: PriceRow[];
  rejected: { line: number; reason: string }[];
}

const HEADERS: Record<keyof PriceRow | "price", RegExp> = {
  article: /^(артикул|каталожный номер|номер детали|код|article|part ?(no|number)|sku)\.?$/i,
  name: /^(наименование|название|номенклатура|name|description)$/i,
  brand: /^(бренд|производитель|марка|brand|manufacturer|make)$/i,
  unit: /^(ед\.?( изм\.?)?|единица( измерения)?|unit|uom)$/i,
  price: /^(цена|цена,? руб\.?|цена розничная|розничная цена|price|retail price)$/i,
  priceKopecks: /^$/,
};

/** Bytes as text: UTF-8 when they are valid UTF-8 (a BOM dropped), else Windows-1251. */
export function decodePriceList(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** "1 234,50", "1234.5", "1 234 ₽" as kopecks; null when it is not a price. */
export function parseRoubles(raw: string): number | null {
  const cleaned = raw.replace(/[\s\u00a0₽]|руб\.?|р\.$/gi, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

function detectDelimiter(headerLine: string): string {
  const counts = [";", ",", "\t"].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ";";
}

/**
 * Reads a price list: finds the columns by their header (article, name and price are required), and
 * rejects a row with the reason rather than the file. An article listed twice keeps its last row.
 */
export function parsePriceList(text: string): PriceListParse {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0).replace(/^\uFEFF/, "");
  const records = parse(text.replace(/^\uFEFF/, ""), {
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const [header, ...body] = records;
  if (!header) throw new PriceListError("the file is empty");
  const column = (field: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[field].test(h.trim()));
  const at = {
    article: column("article"),
    name: column("name"),
    brand: column("brand"),
    unit: column("unit"),
    price: column("price"),
  };
  const missing = (["article", "name", "price"] as const).filter((f) => at[f] < 0);
  if (missing.length) {
    throw new PriceListError(
      `no column for ${missing.join(", ")} (headers: ${header.join(", ")}); expected e.g. Артикул;Наименование;Производитель;Ед.;Цена`,
    );
  }
  const byArticle = new Map<string, PriceRow>();
  const rejected: PriceListParse["rejected"] = [];
  const reasonOf = (cells: string[], article: string, name: string, price: number | null) => {
    if (!article) return "no article";
    if (article.length > 60) return "article longer than 60 characters";
    if (!name) return `${article}: no name`;
    if (price === null) return `${article}: price "${cells[at.price] ?? ""}" is not a number of roubles`;
    return null;
  };
  body.forEach((cells, i) => {
    const line = i + 2;
    const article = (cells[at.article] ?? "").replace(/\s+/g, "").toUpperCase();
    const name = (cells[at.name] ?? "").trim();
    const price = parseRoubles(cells[at.price] ?? "");
    const reason = reasonOf(cells, article, name, price);
    if (reason !== null || price === null) {
      rejected.push({ line, reason: reason ?? "no price" });
      return;
    }
    byArticle.set(article, {
      article,
      name: name.slice(0, 300),
      brand: at.brand >= 0 && cells[at.brand] ? cells[at.brand]!.trim().slice(0, 100) : null,
      unit: (at.unit >= 0 && cells[at.unit]?.trim()) || "шт",
      priceKopecks: price,
    });
  });
  return { rows: [...byArticle.values()], rejected };
}

export class PriceListError extends Error {}
