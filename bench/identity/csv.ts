// Minimal CSV reading for the benchmark files: none of them quotes fields (checked), febrl's own sets
// separate with ", " and the others with ",".
import { readFileSync } from "node:fs";

export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  const split = (line: string) => line.split(",").map((v) => v.trim());
  const header = split(lines[0] ?? "");
  return lines.slice(1).map((line) => {
    const cells = split(line);
    const row: Record<string, string> = {};
    header.forEach((h, k) => {
      row[h] = cells[k] ?? "";
    });
    return row;
  });
}
