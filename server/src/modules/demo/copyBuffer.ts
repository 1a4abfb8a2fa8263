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
  private chunks: string[] = [];
  private pendingBytes = 0;
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly flushAtBytes = 8 * 1024 * 1024,
  ) {}

  /** Values in the order of `columns`. */
  add(values: readonly CsvValue[]): void {
    let line = "";
    for (let i = 0; i < values.length; i++) line += (i ? "," : "") + csvField(values[i]);
    line += "\n";
    this.chunks.push(line);
    this.pendingBytes += line.length;
    this.rows++;
  }

  get full(): boolean {
    return this.pendingBytes >= this.flushAtBytes;
  }

  async flush(database: Database): Promise<void> {
    if (this.chunks.length === 0) return;
    const text = this.chunks.join("");
    this.chunks = [];
    this.pendingBytes = 0;
    await database.copyCsv(this.table, this.columns, [text]);
  }
}
