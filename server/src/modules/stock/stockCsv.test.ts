import { describe, expect, it } from "vitest";
import { parseStockCsv } from "./stockCsv";

const dealerships = new Map([
  ["MSK-HAVAL", 1],
  ["SPB-TOYOTA", 5],
]);

describe("stock files", () => {
  it("reads an English export with every column", () => {
    const csv = [
      "dealership,vin,make,model,trim,year,condition,status,body_type,seats,drive,fuel,ground_clearance_mm,comfort_class,color,mileage_km,price_rub,arrived_on",
      "MSK-HAVAL,LGWFF7A59RH123456,Haval,Dargo,2.0T 4WD,2026,new,in_stock,crossover,5,awd,petrol,225,comfort,Серый,12,3499000,2026-11-01",
    ].join("\n");
    const { rows, rejected, total } = parseStockCsv(csv, dealerships);
    expect(rejected).toEqual([]);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      dealershipId: 1,
      vin: "LGWFF7A59RH123456",
      bodyType: "crossover",
      drive: "awd",
      groundClearanceMm: 225,
      priceKopecks: 349_900_000,
      arrivedOn: "2026-11-01",
    });
  });

  it("reads a Russian export with semicolons and words, with defaults for what it lacks", () => {
    const csv = [
      "ДЦ;VIN;Марка;Модель;Год;Состояние;Статус;Кузов;Привод;Пробег;Цена",
      "SPB-TOYOTA;JTMHV05J504123456;Toyota;Land Cruiser Prado;2021;с пробегом;в пути;внедорожник;полный;64 000;4 900 000",
    ].join("\n");
    const { rows, rejected } = parseStockCsv(csv, dealerships);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      condition: "used",
      status: "in_transit",
      bodyType: "suv",
      drive: "awd",
      mileageKm: 64_000,
      priceKopecks: 490_000_000,
      seats: 5,
      comfortClass: "comfort",
    });
  });

  it("reports each bad row at its field and keeps the good ones", () => {
    const csv = [
      "dealership,vin,make,model,year,body_type,price_rub",
      "MSK-HAVAL,LGWFF7A59RH123456,Haval,Jolion,2026,crossover,2100000",
      "MSK-NOPE,LGWFF7A59RH123457,Haval,Jolion,2026,crossover,2100000",
      "MSK-HAVAL,ABC,Haval,Jolion,2026,spaceship,-5",
      "MSK-HAVAL,LGWFF7A59RH123456,Haval,Jolion,2026,crossover,2100000",
    ].join("\n");
    const { rows, rejected, total } = parseStockCsv(csv, dealerships);
    expect(total).toBe(4);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(rejected.map(({ row, field, code, value }) => ({ row, field, code, value }))).toEqual([
      { row: 3, field: "dealership", code: "no_dealership", value: "MSK-NOPE" },
      { row: 4, field: "vin", code: "not_vin", value: "ABC" },
      { row: 4, field: "bodyType", code: "unknown_value", value: "spaceship" },
      { row: 4, field: "priceRub", code: "out_of_range", value: "-5" },
      { row: 5, field: "vin", code: "duplicate_vin", value: "LGWFF7A59RH123456" },
    ]);
    expect(rejected[1]!.message).toBe('"ABC" is not a VIN (17 letters and digits, no I, O, Q)');
  });

  it("says which columns a file lacks", () => {
    expect(parseStockCsv("vin,make\nX,Y", dealerships).rejected).toEqual([
      {
        row: 1,
        field: "header",
        code: "missing_columns",
        value: "model, year, bodyType, priceRub",
        message: "no column for model, year, bodyType, priceRub",
      },
    ]);
  });
});
