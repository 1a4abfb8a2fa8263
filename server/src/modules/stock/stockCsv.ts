import { BodyType, ComfortClass, Drive, Fuel, StockStatus } from "@orbit/contracts";
import { parse } from "csv-parse/sync";
import { checkVin } from "../vehicles/vin";

/** One car of a stock file, checked and in Orbit's units. */
export interface StockRow {
  row: number;
  dealershipId: number;
  vin: string;
  make: string;
  model: string;
  trim: string | null;
  year: number;
  condition: "new" | "used";
  status: StockStatus;
  bodyType: BodyType;
  seats: number;
  drive: "fwd" | "rwd" | "awd";
  fuel: "petrol" | "diesel" | "hybrid" | "electric" | "lpg";
  groundClearanceMm: number;
  comfortClass: ComfortClass;
  color: string | null;
  mileageKm: number;
  priceKopecks: number;
  arrivedOn: string | null;
}

export type RejectionCode =
  | "unreadable"
  | "empty"
  | "missing_columns"
  | "required"
  | "out_of_range"
  | "unknown_value"
  | "no_dealership"
  | "not_vin"
  | "duplicate_vin"
  | "bad_date";

/** A refused value: a code for the screen (in the employee's language), the value, and a message in English. */
export interface StockRejection {
  row: number;
  field: string;
  code: RejectionCode;
  value: string;
  message: string;
}

/**
 * The columns of a stock file: the DMS's English names or the Russian ones a dealer's export carries.
 * Unknown columns are ignored.
 */
const COLUMNS: Record<string, string> = {
  dealership: "dealership",
  "дилерский центр": "dealership",
  дц: "dealership",
  vin: "vin",
  make: "make",
  марка: "make",
  model: "model",
  модель: "model",
  trim: "trim",
  комплектация: "trim",
  year: "year",
  год: "year",
  condition: "condition",
  состояние: "condition",
  status: "status",
  статус: "status",
  body_type: "bodyType",
  кузов: "bodyType",
  seats: "seats",
  мест: "seats",
  drive: "drive",
  привод: "drive",
  fuel: "fuel",
  топливо: "fuel",
  ground_clearance_mm: "groundClearanceMm",
  клиренс: "groundClearanceMm",
  comfort_class: "comfortClass",
  класс: "comfortClass",
  color: "color",
  цвет: "color",
  mileage_km: "mileageKm",
  пробег: "mileageKm",
  price_rub: "priceRub",
  цена: "priceRub",
  arrived_on: "arrivedOn",
  поступил: "arrivedOn",
};

const WORDS: Record<string, string> = {
  новый: "new",
  "с пробегом": "used",
  "в пути": "in_transit",
  "на складе": "in_stock",
  "в наличии": "in_stock",
  резерв: "reserved",
  продан: "sold",
  седан: "sedan",
  хэтчбек: "hatchback",
  лифтбек: "liftback",
  универсал: "wagon",
  кроссовер: "crossover",
  внедорожник: "suv",
  минивэн: "minivan",
  пикап: "pickup",
  фургон: "van",
  купе: "coupe",
  передний: "fwd",
  задний: "rwd",
  полный: "awd",
  "4wd": "awd",
  бензин: "petrol",
  дизель: "diesel",
  гибрид: "hybrid",
  электро: "electric",
  газ: "lpg",
  эконом: "economy",
  комфорт: "comfort",
  бизнес: "business",
  премиум: "premium",
};

const word = (v: string) => {
  const k = v.trim().toLowerCase();
  return WORDS[k] ?? k;
};

/** Reads a stock export (comma or semicolon separated, UTF-8, a header row); bad rows are reported, not fatal. */
export function parseStockCsv(
  text: string,
  dealerships: ReadonlyMap<string, number>,
): { rows: StockRow[]; rejected: StockRejection[]; total: number } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    const message = (err as Error).message;
    return {
      rows: [],
      rejected: [{ row: 0, field: "file", code: "unreadable", value: "", message }],
      total: 0,
    };
  }
  const [header, ...data] = records;
  if (!header)
    return {
      rows: [],
      rejected: [{ row: 0, field: "file", code: "empty", value: "", message: "the file is empty" }],
      total: 0,
    };
  const fields = header.map((h) => COLUMNS[h.trim().toLowerCase()] ?? null);
  const rejected: StockRejection[] = [];
  const lacking = ["vin", "make", "model", "year", "bodyType", "priceRub"].filter((f) => !fields.includes(f));
  if (lacking.length)
    return {
      rows: [],
      rejected: [
        {
          row: 1,
          field: "header",
          code: "missing_columns",
          value: lacking.join(", "),
          message: `no column for ${lacking.join(", ")}`,
        },
      ],
      total: data.length,
    };

  const rows: StockRow[] = [];
  const seen = new Set<string>();
  data.forEach((cells, i) => {
    const row = i + 2;
    const get = (f: string) => {
      const k = fields.indexOf(f);
      return k < 0 ? "" : (cells[k] ?? "").trim();
    };
    const fail = (field: string, code: RejectionCode, message: string, value = get(field)) =>
      rejected.push({ row, field, code, value, message });
    const int = (f: string, min: number, max: number, fallback?: number): number | null => {
      const raw = get(f).replace(/\s/g, "");
      if (raw === "" && fallback !== undefined) return fallback;
      const n = Number(raw.replace(",", "."));
      if (!Number.isFinite(n) || n < min || n > max) {
        if (raw === "") fail(f, "required", "required");
        else fail(f, "out_of_range", `"${get(f)}" is not a number from ${min} to ${max}`);
        return null;
      }
      return Math.round(n);
    };
    const oneOf = <T extends string>(
      f: string,
      schema: { safeParse(v: unknown): { success: boolean; data?: T } },
      fallback?: T,
    ): T | null => {
      const raw = get(f);
      if (raw === "" && fallback !== undefined) return fallback;
      const parsed = schema.safeParse(word(raw));
      if (!parsed.success) {
        if (raw === "") fail(f, "required", "required");
        else fail(f, "unknown_value", `"${raw}" is not known`);
        return null;
      }
      return parsed.data as T;
    };

    const code = get("dealership");
    const dealershipId =
      dealerships.get(code.toUpperCase()) ??
      (dealerships.size === 1 && code === "" ? [...dealerships.values()][0]! : undefined);
    if (dealershipId === undefined) {
      if (code) fail("dealership", "no_dealership", `no dealership "${code}"`);
      else fail("dealership", "required", "required");
    }
    const checked = checkVin(get("vin"));
    const vin = checked.valid ? checked.vin : null;
    if (!vin) {
      if (get("vin"))
        fail("vin", "not_vin", `"${get("vin")}" is not a VIN (17 letters and digits, no I, O, Q)`);
      else fail("vin", "required", "required");
    } else if (seen.has(vin)) fail("vin", "duplicate_vin", "the same VIN is on an earlier row");
    const make = get("make");
    const model = get("model");
    if (!make) fail("make", "required", "required");
    if (!model) fail("model", "required", "required");
    const year = int("year", 1950, 2100);
    const condition = oneOf<"new" | "used">(
      "condition",
      { safeParse: (v) => (v === "new" || v === "used" ? { success: true, data: v } : { success: false }) },
      "new",
    );
    const status = oneOf("status", StockStatus, "in_stock");
    const bodyType = oneOf("bodyType", BodyType);
    const seats = int("seats", 1, 9, 5);
    const drive = oneOf("drive", Drive, "fwd");
    const fuel = oneOf("fuel", Fuel, "petrol");
    const clearance = int("groundClearanceMm", 80, 450, 170);
    const comfort = oneOf("comfortClass", ComfortClass, "comfort");
    const mileage = int("mileageKm", 0, 2_000_000, 0);
    const price = int("priceRub", 1, 1_000_000_000);
    const arrived = get("arrivedOn");
    if (arrived && !/^\d{4}-\d{2}-\d{2}$/.test(arrived))
      fail("arrivedOn", "bad_date", `"${arrived}" is not YYYY-MM-DD`);
    if (rejected.some((r) => r.row === row)) return;
    seen.add(vin!);
    rows.push({
      row,
      dealershipId: dealershipId!,
      vin: vin!,
      make,
      model,
      trim: get("trim") || null,
      year: year!,
      condition: condition!,
      status: status!,
      bodyType: bodyType!,
      seats: seats!,
      drive: drive!,
      fuel: fuel!,
      groundClearanceMm: clearance!,
      comfortClass: comfort!,
      color: get("color") || null,
      mileageKm: mileage!,
      priceKopecks: price! * 100,
      arrivedOn: arrived || null,
    });
  });
  return { rows, rejected, total: data.length };
}
