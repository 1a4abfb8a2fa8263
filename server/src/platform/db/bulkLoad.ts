import type { Database } from "./database";

/**
 * Runs a bulk load into fresh tables with their indexes and constraints (primary keys, unique
 * constraints, foreign keys) set aside, then builds each index once from sorted data and validates
 * each foreign key with one join: on PostgreSQL several times faster than maintaining them row by
 * row through tens of millions of rows. The definitions are restored whether or not the load
 * succeeds, and restoring them checks everything the constraints promise. PGlite loads are small
 * (the default demo), so there the load just runs.
 */
export async function withIndexesDeferred<T>(
  database: Database,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  if (database.kind !== "postgres") return load();
  const list = [...tables];
  const constraints = await database.query<{ tbl: string; name: string; def: string; kind: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def, contype AS kind
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f')
        AND (conrelid::regclass::text = ANY($1) OR (contype = 'f' AND confrelid::regclass::text = ANY($1)))
      ORDER BY pg_relation_size(conrelid) DESC`,
    [list],
  );
  const indexes = await database.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
       FROM pg_index i
      WHERE indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY pg_relation_size(indrelid) DESC`,
    [list],
  );
  const foreign = constraints.filter((c) => c.kind === "f");
  const keys = constraints.filter((c) => c.kind !== "f");
  for (const c of [...foreign, ...keys])
    await database.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const ix of indexes) await database.query(`DROP INDEX ${ix.name}`);
  try {
    return await load();
  } finally {
    // Primary and unique keys first (the foreign keys need them), then the other indexes, each on the
    // next free of two connections: a GIN or a single-column index builds in one backend, so two at a
    // time keep both cores busy. The foreign keys are added unchecked, then validated two at a time:
    // validation takes no lock that conflicts with another validation, unlike adding a checked key.
    await inParallel(
      database,
      2,
      keys.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`),
    );
    await inParallel(
      database,
      2,
      indexes.map((ix) => ix.def),
    );
    for (const c of foreign)
      await database.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def} NOT VALID`);
    await inParallel(
      database,
      2,
      foreign.map((c) => `ALTER TABLE ${c.tbl} VALIDATE CONSTRAINT ${c.name}`),
    );
  }
}

/** Runs the statements on `connections` connections at once, each taking the next one left. */
async function inParallel(database: Database, connections: number, statements: string[]): Promise<void> {
  const queue = [...statements];
  const failures: unknown[] = [];
  const lane = () =>
    database.withConnection(async (q) => {
      await q("SET maintenance_work_mem = '512MB'");
      await q("SET max_parallel_maintenance_workers = 1");
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        // One failure must not leave the remaining definitions unrestored; it is thrown at the end.
        await q(next).catch((err: unknown) => failures.push(err));
      }
    });
  await Promise.all(Array.from({ length: Math.min(connections, statements.length) }, lane));
  if (failures.length > 0) throw failures[0];
}
