import { describe, expect, it } from "vitest";
import { NumberCsvReader } from "./csvNumbers";

describe("NumberCsvReader", () => {
  it("reads integers, decimals, negatives, exponents and empty fields across chunk boundaries", () => {
    const rows: number[][] = [];
    const reader = new NumberCsvReader(4, (r) => rows.push([...r]));
    const text = "1,-2.5,,3e2\n10,0.25,-0,1.5E-1\n7,8,9,";
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += 3) reader.push(bytes.subarray(i, i + 3));
    reader.end();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([1, -2.5, Number.NaN, 300]);
    expect(rows[1]![0]).toBe(10);
    expect(rows[1]![1]).toBeCloseTo(0.25);
    expect(rows[1]![3]).toBeCloseTo(0.15);
    expect(rows[2]![3]).toBeNaN();
  });

  it("reads the same numbers wherever a chunk ends, right after a decimal point or a sign included", () => {
    const text = "12.5,-3.25,,4e-1\n0.5,-0.75,100,2.\n-.5,7,1.0E2,8\n";
    const bytes = new TextEncoder().encode(text);
    const read = (pieces: Uint8Array[]) => {
      const rows: number[][] = [];
      const reader = new NumberCsvReader(4, (r) => rows.push([...r]));
      for (const piece of pieces) reader.push(piece);
      reader.end();
      return rows;
    };
    const whole = read([bytes]);
    expect(whole).toEqual([
      [12.5, -3.25, Number.NaN, 0.4],
      [0.5, -0.75, 100, 2],
      [-0.5, 7, 100, 8],
    ]);
    for (let at = 1; at < bytes.length; at++)
      expect(read([bytes.subarray(0, at), bytes.subarray(at)]), `split at ${at}`).toEqual(whole);
  });

  it("refuses text where numbers are expected and rows of the wrong width", () => {
    expect(() => new NumberCsvReader(2, () => {}).push(new TextEncoder().encode("1,x\n"))).toThrow(
      /not a number/,
    );
    expect(() => new NumberCsvReader(3, () => {}).push(new TextEncoder().encode("1,2\n"))).toThrow(/columns/);
  });
});
