import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A drizzle database or transaction; services take this so callers can compose them in one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      poolSize?: number;
      /** Sees every statement drizzle sends (benchmarks replay them as the raw-SQL reference). */
      onQuery?: (text: string, params: unknown[]) => void;
    }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

export interface Database {
  readonly kind: "postgres" | "pglite";
  readonly db: Db;
  /** Bulk-loads CSV text (already escaped) through COPY ... FROM STDIN; far faster than INSERTs. */
  copyCsv(
    table: string,
    columns: readonly string[],
    csv: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
    options?: { delimiter?: string },
  ): Promise<void>;
  /**
   * Streams a query's rows out as CSV through COPY ... TO STDOUT: a million rows without holding them
   * as objects. COPY takes no parameters, so `query` is inlined (see inlineQuery). `settings` are
   * planner settings for this statement alone (SET LOCAL in its own transaction on PostgreSQL).
   */
  copyOut(query: SQL, settings?: Record<string, string>): AsyncIterable<Uint8Array>;
  /**
   * Runs a hot read as a named prepared statement: PostgreSQL parses and plans it once per connection
   * instead of on every call (a big statement's planning costs as much as running it).
   */
  prepared<T = Record<string, unknown>>(name: string, query: SQL): Promise<T[]>;
  /** Runs a statement outside drizzle (DDL, maintenance); returns rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` on one dedicated connection (session-level advisory locks need that). */
  withConnection<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while this process holds the session-level advisory lock `lockId`; returns false at once,
   * without running it, when another process holds it. The lock lives on a connection of its own,
   * outside the pool: a task holding it still gets pooled connections for its work however small the
   * pool (holding it on a pooled connection let a few tasks starting together take them all and wait
   * for each other forever). PGlite has one process, so nobody to exclude.
   */
  runExclusive(lockId: number, fn: () => Promise<void>): Promise<boolean>;
  /**
   * Runs `fn` in one transaction on one connection, with COPY in both directions: what backup and
   * restore need. `readOnlySnapshot` makes every read see the same moment (REPEATABLE READ).
   */
  copyTransaction<T>(
    fn: (tx: CopyTransaction) => Promise<T>,
    options?: { readOnlySnapshot?: boolean },
  ): Promise<T>;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on the channel, from any process (PostgreSQL) or
   * this one (PGlite); returns the function that stops listening. A NOTIFY sent in a transaction is
   * delivered when it commits, and not at all when it rolls back.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Applies drizzle-kit migrations from the folder; concurrent callers wait for the first. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export interface CopyTransaction {
  query: QueryFn;
  /** The rows of a SELECT as CSV, in chunks, without holding the whole result in memory (on PostgreSQL). */
  copyOut(select: string): AsyncIterable<Uint8Array>;
  /** Loads CSV chunks into the table's columns. */
  copyIn(table: string, columns: readonly string[], csv: AsyncIterable<Uint8Array>): Promise<void>;
}

const copyOptions = (o?: { delimiter?: string }) =>
  `WITH (FORMAT csv${o?.delimiter ? `, DELIMITER '${o.delimiter === "'" ? "''" : o.delimiter}'` : ""})`;

// int8 (bigint) and numeric come back as strings by default; counts and ids here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url, target.poolSize ?? 20, target.onQuery);
  return openPglite(target.kind === "pglite" ? target.dataDir : undefined);
}

function openPostgres(
  url: string,
  poolSize: number,
  onQuery?: (text: string, params: unknown[]) => void,
): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const logger = onQuery ? { logQuery: onQuery } : false;
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  // Opened on first use and again after it drops (the locks it held went with it).
  let lockClient: Promise<pg.Client> | null = null;
  const locks = () => {
    lockClient ??= (async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      const forget = () => {
        if (lockClient === current) lockClient = null;
      };
      c.on("error", forget);
      c.on("end", forget);
      await c.connect();
      return c;
    })();
    const current = lockClient;
    current.catch(() => {
      if (lockClient === current) lockClient = null;
    });
    return current;
  };
  return {
    kind: "postgres",
    db,
    async runExclusive(lockId, fn) {
      const client = await locks();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [lockId]);
      if (!rows[0]?.ok) return false;
      try {
        await fn();
      } finally {
        // A connection lost meanwhile took the lock with it; a new one holds nothing to release.
        if ((await lockClient?.catch(() => null)) === client)
          await client.query("SELECT pg_advisory_unlock($1)", [lockId]).catch(() => {});
      }
      return true;
    },
    async copyCsv(table, columns, csv, options) {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN ${copyOptions(options)}`),
        );
        await pipeline(Readable.from(csv), stream);
      } finally {
        client.release();
      }
    },
    async *copyOut(query, settings = {}) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const [name, value] of Object.entries(settings))
          await client.query("SELECT set_config($1, $2, true)", [name, value]);
        const stream = client.query(copyTo(`COPY (${inlineQuery(db, query)}) TO STDOUT WITH (FORMAT csv)`));
        for await (const chunk of stream) yield chunk as Uint8Array;
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async query(text, params) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows;
    },
    async prepared(name, query) {
      const { sql: text, params } = toQuery(db, query);
      onQuery?.(text, params);
      const res = await pool.query({ name, text, values: params as unknown[] });
      return res.rows;
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
      } finally {
        client.release();
      }
    },
    async copyTransaction(fn, options) {
      const client = await pool.connect();
      try {
        await client.query(
          options?.readOnlySnapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
        );
        const tx: CopyTransaction = {
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          async *copyOut(select) {
            const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv)`));
            for await (const chunk of stream) yield chunk as Uint8Array;
          },
          async copyIn(table, columns, csv) {
            const stream = client.query(
              copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`),
            );
            await pipeline(Readable.from(csv), stream);
          },
        };
        const result = await fn(tx);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    listen: (channel, onMessage) => listenPostgres(url, channel, onMessage),
    async migrate(migrationsFolder) {
      // drizzle's migrator holds no lock; an advisory lock on one connection serialises concurrent starts.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      const c = await lockClient?.catch(() => null);
      lockClient = null;
      await c?.end().catch(() => {});
      await pool.end();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries), opened again when
 * it drops: a restarted PostgreSQL must not leave the process deaf to pushes.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  // One pending attempt at a time, and only for the live connection's end: a stale client's late "end"
  // must not open a second listener (every notification would then arrive twice).
  const reconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      open().catch(() => reconnect());
    }, 1000);
  };
  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    c.on("error", () => {});
    c.on("end", () => {
      if (client === c) {
        client = null;
        reconnect();
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
  };
  await open();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

// Any constant works; it only has to be the same in every Orbit process.
const MIGRATION_LOCK = 7_240_001;

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? join(dataDir, "pg") : undefined, {
      extensions: { btree_gist, pg_trgm, unaccent },
    });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    async copyCsv(table, columns, csv, options) {
      const parts: (string | Uint8Array<ArrayBuffer>)[] = [];
      for await (const chunk of csv) parts.push(typeof chunk === "string" ? chunk : new Uint8Array(chunk));
      const blob = new Blob(parts, { type: "text/csv" });
      await client.query(
        `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' ${copyOptions(options)}`,
        [],
        {
          blob,
        },
      );
    },
    async *copyOut(query) {
      const result = await client.query(`COPY (${inlineQuery(db, query)}) TO '/dev/blob' WITH (FORMAT csv)`);
      if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
    },
    async query(text, params) {
      if (!params?.length && text.includes(";")) {
        const results = await client.exec(text);
        return (results.at(-1)?.rows ?? []) as never[];
      }
      const res = await client.query(text, params);
      return res.rows as never[];
    },
    async withConnection(fn) {
      return fn(async (text, params) => (await client.query(text, params)).rows as never[]);
    },
    async runExclusive(_lockId, fn) {
      await fn();
      return true;
    },
    async prepared(_name, query) {
      const { sql: text, params } = toQuery(db, query);
      return (await client.query(text, params)).rows as never[];
    },
    async copyTransaction(fn) {
      // One connection already: PGlite's transaction is the snapshot. COPY goes through in-memory blobs.
      return client.transaction(async (t) =>
        fn({
          query: async (text, params) => (await t.query(text, params)).rows as never[],
          async *copyOut(select) {
            const res = await t.query(`COPY (${select}) TO '/dev/blob' WITH (FORMAT csv)`);
            if (res.blob) yield new Uint8Array(await res.blob.arrayBuffer());
          },
          async copyIn(table, columns, csv) {
            const parts: Uint8Array<ArrayBuffer>[] = [];
            for await (const chunk of csv) parts.push(new Uint8Array(chunk));
            await t.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob(parts, { type: "text/csv" }),
            });
          },
        }),
      );
    },
    async listen(channel, onMessage) {
      const stop = await client.listen(channel, onMessage);
      return stop;
    },
    async migrate(migrationsFolder) {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite keeps the database in files that only one process may open. A pid file turns a second
 * `npm start` on the same ./data into a clear message instead of a corrupted database.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "orbit.pid");
  if (existsSync(lockFile)) {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dataDir} is in use by another Orbit process (pid ${pid}). ` +
          "Stop it first, or point DATABASE_URL at a PostgreSQL server to run several processes.",
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DatabaseLockedError extends Error {}

/** The text and parameters drizzle would send for a query. */
function toQuery(db: Db, query: SQL): { sql: string; params: unknown[] } {
  return (
    db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }
  ).dialect.sqlToQuery(query);
}

/**
 * The query with its parameters written in as literals, for statements that take none (COPY). Only
 * for Orbit's own queries: numbers, strings (quoted, quotes doubled), booleans and arrays of those.
 */
export function inlineQuery(db: Db, query: SQL): string {
  const { sql: text, params } = toQuery(db, query);
  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error(`cannot inline ${v}`);
      return String(v);
    }
    if (typeof v === "boolean") return v ? "true" : "false";
    if (v instanceof Date) return `'${v.toISOString()}'`;
    if (Array.isArray(v)) {
      const items = v.map((x) =>
        typeof x === "number" ? String(x) : `"${String(x).replace(/["\\]/g, "\\$&")}"`,
      );
      return `'{${items.join(",").replace(/'/g, "''")}}'`;
    }
    return `'${String(v).replace(/'/g, "''")}'`;
  };
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/** A whole number as an int parameter: left untyped, PostgreSQL may read it as a date or an interval. */
export const int = (n: number): SQL => sql`${n}::int`;

/** Runs raw SQL through drizzle (inside the caller's transaction) and returns the rows. */
export async function execRows<T>(db: Db, query: SQL): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }, which drizzle's shared type leaves unknown.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
