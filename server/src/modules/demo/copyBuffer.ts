export type CsvValue = string | number | boolean | null | undefined;

// COPY's CSV format: NULL is an unquoted empty field, so an empty string must be quoted.
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "t" : "f";
  return needsQuotes(v) ? quote(v) : v;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const needsQuotes = (s: string) => s === "" || /[",\n\r]/.test(s);

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Rows of one table as CSV bytes, written straight into a growing buffer: tens of millions of demo
 * rows would otherwise be tens of millions of short-lived strings for the garbage collector.
 */
export class CopyBuffer {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  private room(bytes: number): void {
    if (this.len + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + bytes));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private field(v: CsvValue): void {
    if (v === null || v === undefined) return;
    if (typeof v === "number") {
      if (Number.isInteger(v) && v >= 0 && v < 1e15) this.natural(v);
      else if (Number.isFinite(v)) this.text(String(v));
      return;
    }
    if (typeof v === "boolean") {
      this.room(1);
      this.buf[this.len++] = v ? 0x74 : 0x66;
      return;
    }
    this.text(v);
  }

  private natural(v: number): void {
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    this.room(digits);
    let at = this.len + digits;
    this.len = at;
    let n = v;
    do {
      this.buf[--at] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  // Encodes in JavaScript: for the short ASCII and Cyrillic strings of the demo that is several times
  // faster than a native Buffer.write per field. Anything unusual takes the general path.
  private text(s: string): void {
    const n = s.length;
    if (n === 0) {
      this.quoted(s);
      return;
    }
    this.room(n * 3);
    const buf = this.buf;
    const start = this.len;
    let len = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === COMMA || c === QUOTE || c === NEWLINE || c === 0x0d) {
          this.quoted(s, start);
          return;
        }
        buf[len++] = c;
      } else if (c < 0x800) {
        buf[len++] = 0xc0 | (c >> 6);
        buf[len++] = 0x80 | (c & 0x3f);
      } else {
        this.len = start;
        this.len += buf.write(needsQuotes(s) ? quote(s) : s, start, "utf8");
        return;
      }
    }
    this.len = len;
  }

  private quoted(s: string, start = this.len): void {
    const q = quote(s);
    this.len = start;
    this.room(q.length * 3);
    this.len += this.buf.write(q, start, "utf8");
  }

  /** Values in the order of `columns`. */
  add(values: readonly CsvValue[]): void {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) {
        this.room(1);
        this.buf[this.len++] = COMMA;
      }
      this.field(values[i]);
    }
    this.room(1);
    this.buf[this.len++] = NEWLINE;
    this.rows++;
  }

  /** The rows gathered since the last call, as CSV bytes; the buffer starts empty again. */
  take(): Uint8Array {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}
