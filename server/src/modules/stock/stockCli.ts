import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import type { Db } from "../../platform/db/database";
import { systemProcess } from "../staff/actor";
import { importStock } from "./stock.service";

export class StockUsageError extends Error {}

/** `orbit stock import <file.csv>`: loads a stock file as the group (any dealership's rows), in one transaction. */
export async function stockCommand(db: Db, args: string[], out: Writable): Promise<number> {
  const [sub, file] = args;
  if (sub !== "import")
    throw new StockUsageError(
      sub ? `unknown stock command "${sub}"` : "say what to do: stock import <file.csv>",
    );
  if (!file) throw new StockUsageError("stock import needs a file: stock import <file.csv>");
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new StockUsageError(`cannot read ${file}: ${err.code ?? err.message}`);
  });
  const report = await db.transaction((tx) => importStock(tx, systemProcess("stock-import"), text, "all"));
  out.write(
    `${report.rows} rows: ${report.created} cars added, ${report.updated} updated, ${new Set(report.rejected.map((r) => r.row)).size} rejected\n`,
  );
  for (const r of report.rejected) out.write(`  row ${r.row}, ${r.field}: ${r.message}\n`);
  return report.rejected.length > 0 && report.created + report.updated === 0 ? 1 : 0;
}
