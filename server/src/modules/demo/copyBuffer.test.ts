import { describe, expect, it } from "vitest";
import { CopyBuffer, csvField } from "./copyBuffer";

describe("csvField", () => {
  it("writes NULL as nothing and quotes what COPY would misread", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe('""');
    expect(csvField('ООО "Вектор", Москва')).toBe('"ООО ""Вектор"", Москва"');
    expect(csvField("строка\nвторая")).toBe('"строка\nвторая"');
    expect(csvField(true)).toBe("t");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(Number.NaN)).toBe("");
  });
});

describe("CopyBuffer", () => {
  it("writes the same CSV as csvField, in UTF-8, across buffer growth", () => {
    const b = new CopyBuffer("t", ["a", "b", "c", "d", "e"]);
    const rows: [number, string, boolean | null, number, string | null][] = [];
    for (let i = 0; i < 5000; i++) {
      const name =
        i % 11 === 0 ? `Тест — «кавычки», 🚗 ${i}` : i % 7 ? `Иванов ${i}` : 'ООО "Вектор", Москва';
      rows.push([i, name, i % 3 ? i % 2 === 0 : null, i / 4, i % 5 ? null : ""]);
    }
    for (const r of rows) b.add(r);
    const expected = rows.map((r) => `${r.map(csvField).join(",")}\n`).join("");
    expect(Buffer.from(b.take()).toString("utf8")).toBe(expected);
    expect(b.rows).toBe(5000);
    expect(b.take()).toHaveLength(0);
  });
});
