// Fixed-width table printing for the benchmark output.
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ");
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export const fixed = (x: number, digits = 4) => x.toFixed(digits);
export const int = (x: number) => Math.round(x).toLocaleString("en-US");
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
