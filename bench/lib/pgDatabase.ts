import pg from "pg";
import { type Database, openDatabase } from "../../server/src/platform/db/database";
import { migrate } from "../../server/src/platform/db/migrate";

/** The PostgreSQL server benchmarks run on: BENCH_DATABASE_URL, else the local one. */
export const BENCH_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated database of the given name (dropped first if it exists). */
export async function freshDatabase(name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: databaseUrl(name), poolSize: 20 });
  await migrate(database);
  return database;
}

export function databaseUrl(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function machine(): Promise<string> {
  const os = await import("node:os");
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
