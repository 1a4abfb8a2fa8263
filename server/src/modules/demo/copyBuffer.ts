import type { Database } from "../../platform/db/database";

export type CsvValue = string | number | boolean | null | undefined;

// COPY's CSV format: NULL is an unquoted empty field, so an empty string must be quoted.
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v === "" || /[",\n\r]/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/**
 * Rows of one table collected as CSV text and written with COPY when enough have gathered: the only
 * way to load tens of millions of demo rows in minutes.
 */
export class CopyBuffer {
  // One growing string: V8 keeps appends as a rope, far cheaper than an array of lines to join.
  private text = "";
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  /** Values in the order of `columns`. */
  add(values: readonly CsvValue[]): void {
    let line = csvField(values[0]);
    for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
    this.text += `${line}\n`;
    this.rows++;
  }

  /** The rows gathered since the last call, as CSV; the buffer starts empty again. */
  take(): string {
    const text = this.text;
    this.text = "";
    return text;
  }

  async flush(database: Database): Promise<void> {
    const text = this.take();
    if (text) await database.copyCsv(this.table, this.columns, [text]);
  }
}
