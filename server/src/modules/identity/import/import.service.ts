import { Readable } from "node:stream";
import type { ImportBatch, ImportPreview, ImportRowNote } from "@orbit/contracts";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { conflict, HttpError, invalid, notFound } from "../../../platform/http/errors";
import { recordAction } from "../../audit/service";
import type { ActingAs } from "../../staff/actor";
import { importBatches, importFileChunks, importRejections } from "../schema";
import { type ColumnMapping, checkMapping, suggestMapping } from "./columnMapping";
import { csvRows } from "./importRunner";

const CHUNK_BYTES = 1024 * 1024;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export function toImportBatch(b: typeof importBatches.$inferSelect): ImportBatch {
  return {
    id: b.id,
    sourceSystem: b.sourceSystem,
    dealershipId: b.dealershipId,
    fileName: b.fileName,
    fileBytes: b.fileBytes,
    status: b.status,
    mapping: b.mapping as ColumnMapping,
    rowsDone: b.rowsDone,
    created: b.created,
    merged: b.merged,
    queued: b.queued,
    rejected: b.rejected,
    skipped: b.skipped,
    error: b.error,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/** Guesses the separator from the header line: 1C exports use ";", most others ",". */
export function detectDelimiter(headerLine: string): string {
  const counts = [";", ",", "\t", "|"].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

export interface UploadMeta {
  fileName: string;
  sourceSystem: string;
  dealershipId: number | null;
}

/**
 * Stores an uploaded export in the database (so that any worker process can run it), chunk by chunk
 * as it streams in, and answers with the columns and Orbit's guess of their meaning.
 */
export async function storeUpload(
  db: Db,
  by: ActingAs,
  meta: UploadMeta,
  body: AsyncIterable<Buffer>,
): Promise<ImportPreview> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatches)
      .values({ ...meta, status: "draft", mapping: {}, createdByUserId: by.userId })
      .returning();
    if (!batch) throw new Error("import insert returned nothing");
    let seq = 0;
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    const writeChunk = async () => {
      if (pendingBytes === 0) return;
      await tx
        .insert(importFileChunks)
        .values({ batchId: batch.id, seq: seq++, data: Buffer.concat(pending) });
      pending = [];
      pendingBytes = 0;
    };
    for await (const piece of body) {
      size += piece.length;
      if (size > MAX_FILE_BYTES)
        throw new HttpError(413, "file_too_large", "Files up to 1 GB can be imported");
      if (headBytes < 64 * 1024) {
        head.push(piece);
        headBytes += piece.length;
      }
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await writeChunk();
    }
    await writeChunk();
    if (size === 0) throw invalid("body", "the file is empty");
    const headText = Buffer.concat(head)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const firstLine = headText.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = detectDelimiter(firstLine);
    const { headers, sample } = await previewRows(Buffer.concat(head), delimiter);
    if (headers.length < 1) throw invalid("body", "no header row found");
    const mapping = suggestMapping(headers);
    const [saved] = await tx
      .update(importBatches)
      .set({ fileBytes: size, delimiter, mapping })
      .where(eq(importBatches.id, batch.id))
      .returning();
    await recordAction(tx, by, {
      entityType: "import",
      entityId: batch.id,
      action: "upload",
      processStep: "identity.import",
      after: { fileName: meta.fileName, bytes: size, sourceSystem: meta.sourceSystem },
    });
    return { batch: toImportBatch(saved!), headers, sample, suggestedMapping: mapping };
  });
}

/** The header and the first rows, read from the start of the file. */
async function previewRows(
  head: Buffer,
  delimiter: string,
): Promise<{ headers: string[]; sample: Record<string, string>[] }> {
  // The head may end mid-row: keep whole lines only.
  const text = head.toString("utf8");
  const complete = text.slice(0, Math.max(text.lastIndexOf("\n"), text.length < 64 * 1024 ? text.length : 0));
  const sample: Record<string, string>[] = [];
  let headers: string[] = [];
  try {
    for await (const row of csvRows(Readable.from([complete]), delimiter)) {
      const r = row as Record<string, string>;
      if (headers.length === 0) headers = Object.keys(r);
      sample.push(r);
      if (sample.length >= 5) break;
    }
  } catch (err) {
    throw invalid("body", `not a readable CSV file: ${(err as Error).message}`);
  }
  if (headers.length === 0)
    headers = (complete.split(/\r?\n/, 1)[0] ?? "").split(delimiter).map((h) => h.trim());
  return { headers, sample };
}

/** Confirms the mapping; the import then waits for a worker. */
export async function startImport(
  db: Db,
  by: ActingAs,
  id: number,
  mapping: ColumnMapping,
): Promise<ImportBatch> {
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, id)).for("update");
    if (!batch) throw notFound("Import");
    if (batch.status !== "draft") throw conflict("This import has already been started");
    // The draft's mapping is the suggestion, which names every column of the file.
    const headers = Object.keys(batch.mapping as ColumnMapping);
    const problems = checkMapping(mapping, headers);
    if (problems.length)
      throw new HttpError(
        400,
        "validation_failed",
        problems.map((p) => p.message).join("; "),
        problems.map((p) => ({ ...p, field: `body.${p.field}` })),
      );
    const [started] = await tx
      .update(importBatches)
      .set({ mapping, status: "uploaded" })
      .where(eq(importBatches.id, id))
      .returning();
    await recordAction(tx, by, {
      entityType: "import",
      entityId: id,
      action: "start",
      processStep: "identity.import",
      after: { mapping },
    });
    return toImportBatch(started!);
  });
}

export async function getImport(db: Db, id: number): Promise<ImportBatch | null> {
  const [b] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  return b ? toImportBatch(b) : null;
}

export async function listImports(db: Db, limit: number): Promise<ImportBatch[]> {
  const rows = await db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(limit);
  return rows.map(toImportBatch);
}

export async function listRowNotes(
  db: Db,
  id: number,
  page: { afterRow: number; limit: number; kind?: ImportRowNote["kind"] },
): Promise<ImportRowNote[]> {
  const rows = await db
    .select()
    .from(importRejections)
    .where(
      and(
        eq(importRejections.batchId, id),
        gt(importRejections.rowNumber, page.afterRow),
        page.kind ? eq(importRejections.kind, page.kind) : undefined,
      ),
    )
    .orderBy(asc(importRejections.rowNumber))
    .limit(page.limit);
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    kind: r.kind,
    reason: r.reason,
    row: (r.row as Record<string, string> | null) ?? null,
  }));
}
