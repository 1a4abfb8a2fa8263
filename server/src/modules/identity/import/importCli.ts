import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { SourceSystemName } from "@orbit/contracts";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../../app";
import { systemProcess } from "../../staff/actor";
import { dealerships } from "../../staff/schema";
import { importBatches } from "../schema";
import {
  type ColumnMapping,
  checkMapping,
  IMPORT_TARGETS,
  type ImportTarget,
  suggestMapping,
} from "./columnMapping";
import { detectDelimiter, listRowNotes } from "./import.service";
import { runImport } from "./importRunner";

export class ImportUsageError extends Error {}

export interface ImportCliOptions {
  file: string | undefined;
  source: string | undefined;
  dealership: string | undefined;
  map: string | undefined;
  delimiter: string | undefined;
  resume: string | undefined;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

function headerLine(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return (
      buf
        .subarray(0, n)
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/, 1)[0] ?? ""
    ).trim();
  } finally {
    closeSync(fd);
  }
}

/** "ФИО=fullName, Телефон=phones" over the suggested mapping. */
export function applyMapOption(mapping: ColumnMapping, option: string | undefined): ColumnMapping {
  if (!option) return mapping;
  const out = { ...mapping };
  for (const pair of option
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const column = pair.slice(0, at).trim();
    const target = pair.slice(at + 1).trim();
    if (at < 1 || !(IMPORT_TARGETS as readonly string[]).includes(target)) {
      throw new ImportUsageError(
        `--map: "${pair}" is not COLUMN=TARGET with TARGET one of ${IMPORT_TARGETS.join(", ")}`,
      );
    }
    out[column] = target as ImportTarget;
  }
  return out;
}

/**
 * `orbit import file.csv --source dms:MSK-KIA`: streams the file in batches with progress, prints the
 * counts, and can resume an interrupted run (`--resume ID`) after the last committed batch.
 */
export async function importFromFile(ctx: AppContext, o: ImportCliOptions): Promise<void> {
  const db = ctx.db;
  let batchId: number;
  if (o.resume) {
    batchId = Number(o.resume);
    const [batch] = Number.isInteger(batchId)
      ? await db.select().from(importBatches).where(eq(importBatches.id, batchId))
      : [];
    if (!batch) throw new ImportUsageError(`--resume: no import ${o.resume}`);
    if (!batch.filePath)
      throw new ImportUsageError(`import ${batchId} was uploaded in the UI; a worker resumes it`);
    if (batch.status === "done") throw new ImportUsageError(`import ${batchId} is finished already`);
    o.err.write(`resuming import ${batchId} after row ${batch.rowsDone}\n`);
  } else {
    if (!o.file) throw new ImportUsageError("give the CSV file to import");
    const path = resolve(o.file);
    if (!existsSync(path) || !statSync(path).isFile()) throw new ImportUsageError(`no such file: ${o.file}`);
    const source = SourceSystemName.safeParse(o.source ?? "");
    if (!source.success) throw new ImportUsageError(`--source: ${source.error.issues[0]?.message}`);
    let dealershipId: number | null = null;
    if (o.dealership) {
      const [d] = await db
        .select({ id: dealerships.id })
        .from(dealerships)
        .where(eq(dealerships.code, o.dealership));
      if (!d) throw new ImportUsageError(`--dealership: no dealership with code ${o.dealership}`);
      dealershipId = d.id;
    }
    const header = headerLine(path);
    const delimiter = o.delimiter ?? detectDelimiter(header);
    const headers = header.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ""));
    const mapping = applyMapOption(suggestMapping(headers), o.map);
    const problems = checkMapping(mapping, headers);
    o.err.write(
      `columns:\n${Object.entries(mapping)
        .map(([c, t]) => `  ${c} -> ${t}`)
        .join("\n")}\n`,
    );
    if (problems.length) {
      throw new ImportUsageError(
        `the column mapping needs fixing (use --map "Column=target"):\n${problems.map((p) => `  ${p.field}: ${p.message}`).join("\n")}`,
      );
    }
    const [batch] = await db
      .insert(importBatches)
      .values({
        sourceSystem: source.data,
        dealershipId,
        fileName: basename(path),
        filePath: path,
        fileBytes: statSync(path).size,
        delimiter,
        mapping,
        status: "uploaded",
      })
      .returning({ id: importBatches.id });
    batchId = batch!.id;
    o.err.write(`import ${batchId} started (resume with --resume ${batchId} if it is interrupted)\n`);
  }

  const started = Date.now();
  const matcher = await ctx.matchers.get(db);
  const result = await runImport(ctx.database, systemProcess("import-cli"), matcher, batchId, (p) => {
    const rate = Math.round(p.rowsDone / Math.max(0.001, (Date.now() - started) / 1000));
    o.err.write(
      `  rows ${p.rowsDone}: created ${p.created}, merged ${p.merged}, queued ${p.queued}, rejected ${p.rejected}, skipped ${p.skipped} (${rate} rows/s)\n`,
    );
  });
  const seconds = (Date.now() - started) / 1000;
  o.out.write(`${JSON.stringify({ importId: batchId, ...result, seconds }, null, 2)}\n`);
  const rejected = await listRowNotes(db, batchId, { afterRow: 0, limit: 10, kind: "rejected" });
  if (rejected.length) {
    o.err.write(`first rejected rows (all of them: GET /api/imports/${batchId}/rows?kind=rejected):\n`);
    for (const r of rejected) o.err.write(`  row ${r.rowNumber}: ${r.reason}\n`);
  }
}
