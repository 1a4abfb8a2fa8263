import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { CopyTransaction, Database, QueryFn } from "../database";
import { listTables, type TableInfo } from "./catalog";
import { BackupFormatError, dataFrames, FrameReader, jsonFrame, parseJson } from "./frames";

const FORMAT = "orbit-backup";
const VERSION = 1;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  /** The database it was taken from: a PGlite backup restores into PostgreSQL and back. */
  source: "postgres" | "pglite";
  /** The migrations the database had, oldest first: the shape of the data. */
  migrations: string[];
  cyclic: boolean;
}

interface TableStart {
  name: string;
  columns: string[];
  rows: number;
}

export type BackupProgress = (table: string, rows: number) => void;

export class RestoreError extends Error {}

const appliedMigrations = async (query: QueryFn) =>
  (
    await query<{ hash: string }>("SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id")
  ).map((m) => m.hash);

/**
 * Writes every table of the database to a file, as of one moment (a running PostgreSQL keeps serving
 * while the backup reads its snapshot). Returns the rows written per table.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  onTable?: BackupProgress,
): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  await database.copyTransaction(
    async (tx) => {
      const { tables, cyclic } = await listTables(tx.query);
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations: await appliedMigrations(tx.query),
        cyclic,
      };
      async function* frames() {
        yield jsonFrame("header", header);
        for (const table of tables) {
          const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table.name}`);
          const rows = count?.n ?? 0;
          yield jsonFrame("table", { name: table.name, columns: table.columns, rows } satisfies TableStart);
          if (rows > 0) {
            for await (const chunk of tx.copyOut(`SELECT ${table.columns.join(", ")} FROM ${table.name}`)) {
              yield* dataFrames(chunk);
            }
          }
          yield jsonFrame("tableEnd", {});
          written[table.name] = rows;
          onTable?.(table.name, rows);
        }
        yield jsonFrame("end", {});
      }
      await pipeline(Readable.from(frames()), createGzip(), createWriteStream(file));
    },
    { readOnlySnapshot: true },
  );
  return written;
}

/**
 * Loads a backup into a database that has just been migrated and holds no data yet, all or nothing.
 * The target may be newer than the backup (later migrations add what older data lacks), never older.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  onTable?: BackupProgress,
): Promise<Record<string, number>> {
  const file$ = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not pass a read error on: the reader would wait for ever on a missing file.
  file$.on("error", (err) => gunzip.destroy(err));
  const reader = new FrameReader(file$.pipe(gunzip));
  const header = parseJson<Header>(await reader.expect("header").catch(notABackup));
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw new RestoreError(
      `not an Orbit backup of a version this Orbit reads (${header.format} ${header.version})`,
    );
  }
  return database.copyTransaction(async (tx) => {
    const target = await appliedMigrations(tx.query);
    const unknown = header.migrations.filter((m) => !target.includes(m));
    if (unknown.length > 0) {
      throw new RestoreError(
        `the backup was made by a newer Orbit (${unknown.length} migration(s) this one does not have): upgrade Orbit first`,
      );
    }
    const [used] = await tx.query<{ n: number }>(
      "SELECT (SELECT count(*) FROM dealerships) + (SELECT count(*) FROM action_log) AS n",
    );
    if ((used?.n ?? 0) > 0) {
      throw new RestoreError("the database already holds data: restore into a new, empty database");
    }
    const fast = await skipRowChecks(tx);
    // References that go round in a circle (a department's head is a user of the department) are
    // deferrable: checked once at commit, when both sides are in.
    if (!fast) await tx.query("SET CONSTRAINTS ALL DEFERRED");
    // Triggers that derive rows from rows (the points ledger's balances) stand aside: the backup holds
    // the derived rows already.
    if (!fast) await tx.query("SELECT set_config('orbit.restoring', 'on', true)");
    if (!fast && header.cyclic) {
      throw new RestoreError(
        "this backup's tables refer to each other in a cycle: restore as a database superuser",
      );
    }
    const { tables } = await listTables(tx.query);
    const byName = new Map(tables.map((t) => [t.name, t]));
    // What the migrations seeded (the shipped standards and scenarios) makes way for the backup's rows.
    for (const table of [...tables].reverse()) {
      if (table.name !== "action_log") await tx.query(`DELETE FROM ${table.name}`);
    }
    const restored: Record<string, number> = {};
    for (;;) {
      const frame = await reader.next();
      if (!frame) throw new RestoreError("the backup ends before its last table: the file is cut short");
      if (frame.kind === "end") break;
      if (frame.kind !== "table") throw new RestoreError(`unexpected ${frame.kind} frame between tables`);
      const start = parseJson<TableStart>(frame);
      const table = byName.get(start.name);
      if (!table) throw new RestoreError(`table ${start.name} of the backup does not exist here`);
      const missing = start.columns.filter((c) => !table.columns.includes(c));
      if (missing.length) throw new RestoreError(`${start.name} has no column(s) ${missing.join(", ")} here`);
      if (start.rows > 0) await tx.copyIn(start.name, start.columns, rowsOf(reader));
      else await reader.expect("tableEnd");
      const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${start.name}`);
      if (count?.n !== start.rows) {
        throw new RestoreError(`${start.name}: ${count?.n} rows loaded, the backup holds ${start.rows}`);
      }
      restored[start.name] = start.rows;
      onTable?.(start.name, start.rows);
    }
    await continueSequences(tx, tables);
    return restored;
  });
}

function notABackup(err: unknown): never {
  if (err instanceof BackupFormatError) throw new RestoreError(`not an Orbit backup: ${err.message}`);
  if ((err as { code?: string }).code === "Z_DATA_ERROR")
    throw new RestoreError("not an Orbit backup (not gzip)");
  throw err;
}

/** A table's rows from the frames, up to its end. */
async function* rowsOf(reader: FrameReader): AsyncGenerator<Uint8Array> {
  for (;;) {
    const frame = await reader.next();
    if (!frame) throw new RestoreError("the backup ends inside a table: the file is cut short");
    if (frame.kind === "tableEnd") return;
    if (frame.kind !== "data") throw new RestoreError(`unexpected ${frame.kind} frame inside a table`);
    yield frame.payload;
  }
}

/**
 * A superuser may load rows without firing triggers and foreign-key checks one row at a time (the
 * backup was consistent when taken); anyone else loads parents first, checked.
 */
async function skipRowChecks(tx: CopyTransaction): Promise<boolean> {
  await tx.query("SAVEPOINT replica");
  try {
    await tx.query("SET LOCAL session_replication_role = replica");
    await tx.query("RELEASE SAVEPOINT replica");
    return true;
  } catch {
    await tx.query("ROLLBACK TO SAVEPOINT replica");
    return false;
  }
}

async function continueSequences(tx: CopyTransaction, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.identity) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('${table.name}', '${column}'), coalesce(max(${column}), 0) + 1, false) FROM ${table.name}`,
      );
    }
  }
}
