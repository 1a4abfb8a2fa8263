import { describe, expect, it } from "vitest";
import { csvField } from "./copyBuffer";

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
