import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../src/platform/db/database";
import { migrate } from "../src/platform/db/migrate";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server at TEST_DATABASE_URL when the suite runs the "db-postgres" project.
 */
export async function createTestDatabase(): Promise<{
  database: Database;
  drop: () => Promise<void>;
  /** The PostgreSQL database's URL, for tests that start other processes on it; null on PGlite. */
  url: string | null;
}> {
  if (process.env.ORBIT_TEST_DB !== "postgres") {
    const database = await openDatabase({ kind: "pglite-memory" });
    await migrate(database);
    return { database, drop: () => database.close(), url: null };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("ORBIT_TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `orbit_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 10 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
