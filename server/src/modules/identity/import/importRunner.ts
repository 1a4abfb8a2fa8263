import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database, Db } from "../../../platform/db/database";
import type { ActingAs } from "../../staff/actor";
import type { Matcher } from "../matching.service";
import { importBatches, importFileChunks, importRejections } from "../schema";
import { type ColumnMapping, rowToClient } from "./columnMapping";
import { type ImportRow, importClientBatch } from "./importBatch";

export const IMPORT_BATCH_ROWS = 1000;

export interface ImportProgress {
  rowsDone: number;
  created: number;
  merged: number;
  queued: number;
  rejected: number;
  skipped: number;
}

/** The file's bytes: from the path an operator gave the CLI, or from the chunks an upload stored. */
function fileStream(db: Db, batch: typeof importBatches.$inferSelect): Readable {
  if (batch.filePath) return createReadStream(batch.filePath);
  async function* chunks() {
    let seq = -1;
    for (;;) {
      const rows = await db
        .select({ seq: importFileChunks.seq, data: importFileChunks.data })
        .from(importFileChunks)
        .where(and(eq(importFileChunks.batchId, batch.id), gt(importFileChunks.seq, seq)))
        .orderBy(asc(importFileChunks.seq))
        .limit(16);
      if (rows.length === 0) return;
      for (const r of rows) {
        seq = r.seq;
        yield r.data;
      }
    }
  }
  return Readable.from(chunks());
}

/** Parses CSV (UTF-8, with or without BOM) into rows keyed by header. */
export function csvRows(input: Readable, delimiter: string): AsyncIterable<Record<string, string>> {
  return input.pipe(
    parse({
      columns: true,
      bom: true,
      delimiter,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
    }),
  );
}

/**
 * Runs (or resumes) an import. Each batch of rows commits together with the progress counters, so
 * after a crash the next run skips exactly the rows already committed: the import is resumable and
 * no batch is ever half-written.
 */
export async function runImport(
  database: Database,
  by: ActingAs,
  matcher: Matcher,
  batchId: number,
  onProgress?: (p: ImportProgress) => void,
  batchRows = IMPORT_BATCH_ROWS,
): Promise<ImportProgress> {
  const db = database.db;
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId));
  if (!batch) throw new Error(`import ${batchId} not found`);
  if (batch.status === "done") return batch;
  await db
    .update(importBatches)
    .set({
      status: "running",
      startedAt: batch.startedAt ?? new Date(),
      heartbeatAt: new Date(),
      error: null,
    })
    .where(eq(importBatches.id, batchId));

  const mapping = batch.mapping as ColumnMapping;
  const progress: ImportProgress = {
    rowsDone: batch.rowsDone,
    created: batch.created,
    merged: batch.merged,
    queued: batch.queued,
    rejected: batch.rejected,
    skipped: batch.skipped,
  };
  let pending: { rowNumber: number; row: Record<string, string> }[] = [];
  let rowNumber = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const rows: ImportRow[] = [];
    const rejections: { rowNumber: number; kind: "rejected"; reason: string; row: Record<string, string> }[] =
      [];
    for (const p of pending) {
      const outcome = rowToClient(p.row, mapping);
      if (outcome.ok) rows.push({ rowNumber: p.rowNumber, typed: p.row, ...outcome });
      else rejections.push({ rowNumber: p.rowNumber, kind: "rejected", reason: outcome.reason, row: p.row });
    }
    const last = pending[pending.length - 1]!.rowNumber;
    await db.transaction(async (tx) => {
      const r = await importClientBatch(tx, by, matcher, rows, {
        sourceSystem: batch.sourceSystem,
        dealershipId: batch.dealershipId,
        importBatchId: batch.id,
      });
      const notes = [...rejections, ...r.notes];
      if (notes.length) {
        await tx.insert(importRejections).values(
          notes.map((n) => ({
            batchId: batch.id,
            rowNumber: n.rowNumber,
            kind: n.kind,
            reason: n.reason,
            row: n.row ?? null,
          })),
        );
      }
      const rejected = notes.filter((n) => n.kind === "rejected").length;
      progress.rowsDone = last;
      progress.created += r.created;
      progress.merged += r.merged;
      progress.queued += r.queued;
      progress.skipped += r.skipped;
      progress.rejected += rejected;
      await tx
        .update(importBatches)
        .set({ ...progress, heartbeatAt: new Date() })
        .where(eq(importBatches.id, batch.id));
    });
    pending = [];
    onProgress?.({ ...progress });
  };

  try {
    for await (const row of csvRows(fileStream(db, batch), batch.delimiter)) {
      rowNumber++;
      if (rowNumber <= batch.rowsDone) continue;
      pending.push({ rowNumber, row: row as Record<string, string> });
      if (pending.length >= batchRows) await flush();
    }
    await flush();
    await db
      .update(importBatches)
      .set({ status: "done", finishedAt: new Date() })
      .where(eq(importBatches.id, batch.id));
    if (!batch.filePath) await db.delete(importFileChunks).where(eq(importFileChunks.batchId, batch.id));
  } catch (err) {
    await db
      .update(importBatches)
      .set({ status: "failed", error: (err as Error).message.slice(0, 1000) })
      .where(eq(importBatches.id, batch.id))
      .catch(() => {});
    throw err;
  }
  return progress;
}

/** An import whose runner stopped beating for this long is taken to be dead and may be resumed. */
export const STALE_IMPORT_MS = 2 * 60_000;

/** Claims the oldest import that waits or whose runner died; null when there is none. */
export async function claimImport(db: Db): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: importBatches.id })
      .from(importBatches)
      .where(
        sql`${importBatches.status} = 'uploaded' OR (${importBatches.status} = 'running' AND ${importBatches.heartbeatAt} < now() - make_interval(secs => ${STALE_IMPORT_MS / 1000}))`,
      )
      .orderBy(asc(importBatches.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    await tx
      .update(importBatches)
      .set({ status: "running", heartbeatAt: new Date() })
      .where(eq(importBatches.id, row.id));
    return row.id;
  });
}
