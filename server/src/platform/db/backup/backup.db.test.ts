import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/testDatabase";
import { generateDemoGroup } from "../../../modules/demo/generate";
import { type Database, openDatabase } from "../database";
import { migrate } from "../migrate";
import { backupDatabase, RestoreError, restoreDatabase } from "./backup";
import { listTables } from "./catalog";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

let source: TestDb;
let dir: string;
let file: string;
const opened: TestDb[] = [];

const fresh = async () => {
  const db = await createTestDatabase();
  opened.push(db);
  return db.database;
};

/** Every table's row count and a digest of its rows: two databases with equal fingerprints hold the same data. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const { tables } = await database.withConnection((q) => listTables(q));
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await database.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM ${t.name} x`,
    );
    out[t.name] = `${row?.n}:${row?.digest ?? "-"}`;
  }
  return out;
}

beforeAll(async () => {
  source = await createTestDatabase();
  await generateDemoGroup(source.database, {
    clients: 120,
    seed: 5,
    asOf: "2026-11-20",
    log: pino({ level: "silent" }),
  });
  dir = mkdtempSync(join(tmpdir(), "orbit-backup-"));
  file = join(dir, "group.orbit-backup");
}, 120_000);

afterAll(async () => {
  for (const db of opened) await db.drop();
  await source?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores every row of every table into a new database, which then carries on", async () => {
    const written = await backupDatabase(source.database, file);
    expect(written.parties).toBeGreaterThan(100);
    expect(written.action_log).toBeGreaterThan(0);

    const target = await fresh();
    const restored = await restoreDatabase(target, file);
    expect(restored).toEqual(written);
    expect(await fingerprint(target)).toEqual(await fingerprint(source.database));

    // New rows continue after the restored ones instead of colliding with them.
    const [max] = await target.query<{ id: number }>("SELECT max(id)::int AS id FROM action_log");
    const [next] = await target.query<{ id: number }>(
      "INSERT INTO action_log (entity_type, entity_id, action, actor_role) VALUES ('backup', '1', 'test', 'system:test') RETURNING id",
    );
    expect(next!.id).toBeGreaterThan(max!.id);
    // The restored action log is append-only as before.
    await expect(target.query("DELETE FROM action_log")).rejects.toThrow(/append-only/);
  });

  it("refuses a database that already holds data, and leaves it as it was", async () => {
    const target = await fresh();
    await restoreDatabase(target, file);
    const before = await fingerprint(target);
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreError);
    expect(await fingerprint(target)).toEqual(before);
  });

  it("loads nothing from a file cut short, and says so", async () => {
    const whole = readFileSync(file);
    const cut = join(dir, "cut.orbit-backup");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await fresh();
    const before = await fingerprint(target);
    await expect(restoreDatabase(target, cut)).rejects.toThrow();
    expect(await fingerprint(target)).toEqual(before);

    const notOurs = join(dir, "other.sql");
    writeFileSync(notOurs, "-- PostgreSQL database dump\n");
    await expect(restoreDatabase(target, notOurs)).rejects.toThrow(/not an Orbit backup/);
  });

  it.skipIf(process.env.ORBIT_TEST_DB !== "postgres")(
    "restores as an ordinary database user too, parents before children, every reference checked",
    async () => {
      const db = await createTestDatabase();
      opened.push(db);
      const role = `orbit_restore_${randomBytes(4).toString("hex")}`;
      await db.database.query(
        `CREATE ROLE ${role} LOGIN NOSUPERUSER;
         GRANT ALL ON ALL TABLES IN SCHEMA public, drizzle TO ${role};
         GRANT ALL ON ALL SEQUENCES IN SCHEMA public, drizzle TO ${role};
         GRANT USAGE ON SCHEMA public, drizzle TO ${role};`,
      );
      const url = new URL(db.url!);
      url.username = role;
      const asUser = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
      try {
        // References in a circle are deferrable, so an ordinary user can load them; anything else would not.
        expect((await asUser.withConnection((q) => listTables(q))).cyclic).toBe(false);
        await restoreDatabase(asUser, file);
        expect(await fingerprint(asUser)).toEqual(await fingerprint(source.database));
      } finally {
        await asUser.close();
        await db.database.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}`);
        await db.drop();
        opened.splice(opened.indexOf(db), 1);
        const admin = await openDatabase({
          kind: "postgres",
          url: process.env.TEST_DATABASE_URL!,
          poolSize: 1,
        });
        await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.close());
      }
    },
  );

  it("moves a group between PostgreSQL and the embedded database", async () => {
    // The same file format on both: an embedded group outgrowing a laptop moves to a server, and back.
    const embedded = await openDatabase({ kind: "pglite-memory" });
    try {
      await migrate(embedded);
      await restoreDatabase(embedded, file);
      expect(await fingerprint(embedded)).toEqual(await fingerprint(source.database));
      const again = join(dir, "from-embedded.orbit-backup");
      await backupDatabase(embedded, again);
      const target = await fresh();
      await restoreDatabase(target, again);
      expect(await fingerprint(target)).toEqual(await fingerprint(source.database));
    } finally {
      await embedded.close();
    }
  });
});
